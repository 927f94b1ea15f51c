// connect() exposes the better-sqlite3 handle under a SQLite Kysely (fast paths), never on PostgreSQL.
import { describe, expect, inject, it } from "vitest";
import { sqliteHandleOf } from "../src/index";
import { ENGINES, freshDatabase } from "../src/testing";

describe.each(ENGINES)("connect on %s", (engine) => {
  it("exposes the raw SQLite handle, sharing Kysely's transaction", async () => {
    const connection = await freshDatabase(engine, inject("pgUrl"));
    try {
      const raw = sqliteHandleOf(connection.db);
      if (engine === "postgres") {
        expect(raw).toBeUndefined();
        expect(connection.sqlite).toBeUndefined();
        return;
      }
      expect(raw).toBe(connection.sqlite);
      await connection.db
        .transaction()
        .execute(async (trx) => {
          expect(raw!.inTransaction).toBe(true);
          raw!.prepare("insert into taxonomies (code, name) values ('T', 'raw')").run();
          const row = await trx.selectFrom("taxonomies").select("name").executeTakeFirst();
          expect(row?.name).toBe("raw");
          throw new Error("roll back");
        })
        .catch(() => undefined);
      const after = await connection.db.selectFrom("taxonomies").selectAll().execute();
      expect(after).toEqual([]);
    } finally {
      await connection.close();
    }
  });
});
