// Background checkpoints: the writer never copies the write-ahead log into the database file in
// a commit; a worker thread does it shortly after, and closing leaves no log behind.
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connect, migrateToLatest } from "../src/index";
import type { Connection } from "../src/index";

/** Commit about 4 MB in one transaction (far over SQLite's 1,000-page automatic checkpoint). */
async function writeMuch(connection: Connection): Promise<void> {
  const note = "x".repeat(400);
  await connection.db.transaction().execute(async (trx) => {
    for (let i = 0; i < 10_000; i += 500) {
      await trx
        .insertInto("taxonomies")
        .values(
          Array.from({ length: 500 }, (_, k) => ({ code: `T${i + k}`, name: `${note}${i + k}` })),
        )
        .execute();
    }
  });
}

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

describe("background checkpoints (SQLite file)", () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "coherence-checkpoints-"));
    file = path.join(dir, "c.db");
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("commits without copying the log, then copies it on the worker and closes clean", async () => {
    const connection = connect(file, { backgroundCheckpoints: true });
    await migrateToLatest(connection.db);
    expect(connection.sqlite!.pragma("wal_autocheckpoint", { simple: true })).toBe(0);
    // Let the worker copy the migration's pages, then measure the file after one large commit.
    await until(() => false, 1500);
    const before = statSync(file).size;
    await writeMuch(connection);
    const atCommit = statSync(file).size;
    expect(atCommit).toBeLessThan(before + 1024 * 1024);
    // The worker copies the committed pages into the file within a few of its turns.
    expect(await until(() => statSync(file).size > before + 3 * 1024 * 1024, 10_000)).toBe(true);
    await connection.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    const reopened = connect(file);
    const rows = await reopened.db
      .selectFrom("taxonomies")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(rows.n).toBe(10_000);
    await reopened.close();
  });

  it("without the option, the commit itself copies the log (SQLite's automatic checkpoint)", async () => {
    const connection = connect(file);
    await migrateToLatest(connection.db);
    const before = statSync(file).size;
    await writeMuch(connection);
    expect(statSync(file).size).toBeGreaterThan(before + 3 * 1024 * 1024);
    await connection.close();
  });
});
