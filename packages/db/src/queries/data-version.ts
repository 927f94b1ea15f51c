// The version of the data every figure is computed from, for caches of computed figures. Every
// change to financial or reference data writes an audit row in the same transaction (see
// audit.ts), and the audit log is append-only, so its highest id only grows, and grows with
// every committed change.
import { PostgresAdapter, sql } from "kysely";
import type { Kysely } from "kysely";
import type { Database } from "../schema";

export interface DataVersion {
  /** The highest audit id committed (0 for a database without audit rows). */
  version: number;
  /**
   * False while another transaction has written audit rows it has not committed yet
   * (PostgreSQL): its ids may be lower than `version`, so when it commits the version may not
   * change. Figures read meanwhile must not be cached under this version. Always true on
   * SQLite, where one writer at a time commits ids in order.
   */
  settled: boolean;
}

/**
 * @example
 * const { version, settled } = await dataVersion(db); // → { version: 1234, settled: true }
 */
export async function dataVersion(db: Kysely<Database>): Promise<DataVersion> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    const row = await db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.max<number | null>("id").as("id"))
      .executeTakeFirstOrThrow();
    return { version: row.id ?? 0, settled: true };
  }
  // An insert holds a RowExclusiveLock on the table from before its ids are drawn until its
  // transaction ends, so that lock held by another backend means a possibly uncommitted id.
  const { rows } = await sql<{ id: string | number | null; writing: boolean }>`
    select (select max(id) from audit_log) as id,
           exists (select 1 from pg_locks
                    where locktype = 'relation'
                      and database = (select oid from pg_database where datname = current_database())
                      and relation = 'audit_log'::regclass
                      and mode = 'RowExclusiveLock'
                      and pid <> pg_backend_pid()) as writing`.execute(db);
  const row = rows[0]!;
  return { version: Number(row.id ?? 0), settled: !row.writing };
}
