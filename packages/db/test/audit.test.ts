// The audit log is append-only in the database itself, on both engines.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { writeAudit } from "../src/index";
import type { Connection } from "../src/index";
import { ENGINES, freshDatabase } from "../src/testing";

describe.each(ENGINES)("audit log on %s", (engine) => {
  let connection: Connection;
  beforeAll(async () => {
    connection = await freshDatabase(engine, inject("pgUrl"));
    await writeAudit(connection.db, {
      actor: "cli:test",
      userId: null,
      action: "create",
      table: "flows",
      recordId: 1,
      before: null,
      after: { amount: 1 },
    });
  });
  afterAll(async () => {
    await connection.close();
  });

  it("refuses to update an entry", async () => {
    await expect(
      connection.db.updateTable("audit_log").set({ actor: "someone else" }).execute(),
    ).rejects.toThrow(/append-only/);
  });

  it("refuses to delete an entry", async () => {
    await expect(connection.db.deleteFrom("audit_log").execute()).rejects.toThrow(/append-only/);
    const rows = await connection.db.selectFrom("audit_log").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor: "cli:test", after_json: '{"amount":1}' });
  });
});
