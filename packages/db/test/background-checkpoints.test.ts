// Background checkpoints: the writer never copies the write-ahead log into the database file in
// a commit; a worker thread does it shortly after, and closing leaves no log behind.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
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

  it("lets a process end once it closed its connection (closing waits for the worker)", () => {
    // Vitest keeps its own event loop busy, so the process that must end is a child.
    const script = path.join(dir, "close.mts");
    const index = fileURLToPath(new URL("../src/index.ts", import.meta.url));
    writeFileSync(
      script,
      [
        `import { connect, migrateToLatest } from ${JSON.stringify(index)};`,
        `const connection = connect(${JSON.stringify(file)}, { backgroundCheckpoints: true });`,
        "await migrateToLatest(connection.db);",
        "await connection.close();",
        'console.log("closed");',
      ].join("\n"),
    );
    const run = spawnSync(process.execPath, ["--import", "tsx", script], {
      cwd: fileURLToPath(new URL("..", import.meta.url)),
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("closed\n");
    expect(run.status).toBe(0);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});
