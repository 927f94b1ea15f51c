// The data version that caches of computed figures are keyed by, on both engines: it moves with
// every committed audited change, and on PostgreSQL it says when another transaction has
// written audit rows it has not committed yet (their ids may be below the version read).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { dataVersion, writeAudit } from "../src/index";
import type { Connection } from "../src/index";
import { ENGINES, freshDatabase } from "../src/testing";

const change = (recordId: number) => ({
  actor: "test",
  userId: null,
  action: "create" as const,
  table: "flows",
  recordId,
  before: null,
  after: { id: recordId },
});

describe.each(ENGINES)("data version on %s", (engine) => {
  let connection: Connection;
  beforeAll(async () => {
    connection = await freshDatabase(engine, inject("pgUrl"));
  });
  afterAll(async () => {
    await connection.close();
  });

  it("is 0 and settled on a database without changes", async () => {
    expect(await dataVersion(connection.db)).toEqual({ version: 0, settled: true });
  });

  it("moves with every committed change, and not without one", async () => {
    const before = await dataVersion(connection.db);
    await writeAudit(connection.db, change(1));
    const after = await dataVersion(connection.db);
    expect(after.version).toBeGreaterThan(before.version);
    expect(await dataVersion(connection.db)).toEqual(after);
  });

  it("does not move for a change rolled back", async () => {
    const before = await dataVersion(connection.db);
    await expect(
      connection.db.transaction().execute(async (trx) => {
        await writeAudit(trx, change(2));
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await dataVersion(connection.db)).toEqual(before);
  });

  // SQLite has one writer at a time: a reader waits for it, nothing is ever unsettled.
  if (engine === "postgres")
    it("is unsettled while another transaction holds uncommitted audit rows", async () => {
      const before = await dataVersion(connection.db);
      await connection.db.transaction().execute(async (trx) => {
        await writeAudit(trx, change(3));
        // Read through another pooled connection: the change is not visible yet.
        expect(await dataVersion(connection.db)).toEqual({
          version: before.version,
          settled: false,
        });
      });
      const after = await dataVersion(connection.db);
      expect(after.settled).toBe(true);
      expect(after.version).toBeGreaterThan(before.version);
    });
});
