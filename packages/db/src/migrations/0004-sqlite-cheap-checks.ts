// SQLite evaluates a CHECK of the form `col in ('a','b',…)` by building a temporary b-tree of the
// list on every execution of an INSERT, which made the checks the largest single cost of writing a
// flow (measured: a flows row took ~11 µs with the in-lists and ~5 µs with the same checks
// written as `col = 'a' or col = 'b' …`, in memory, min of 7 runs). This migration rewrites
// those checks, with identical meaning, on the tables that imports write row by row. The other
// tables are small and rarely written, so they keep their original DDL.
//
// SQLite cannot alter a CHECK in place: each table is rebuilt by the procedure its documentation
// gives (https://sqlite.org/lang_altertable.html#otheralter): foreign keys off, create the new
// table, copy, drop the old one, rename, recreate its indexes and triggers, check foreign keys.
// PostgreSQL evaluates in-lists cheaply: nothing changes there.
import { sql } from "kysely";
import type { Kysely } from "kysely";
import { engineOf } from "./column-types";

/** The tables imports write row by row, each of which has in-list checks. */
const HOT_TABLES = ["flows", "flow_status_history", "requirements", "audit_log", "fts_flows"];

/**
 * `status in ('pledged','paid')` → `(status = 'pledged' or status = 'paid')`; the same for
 * every in-list of quoted literals in a CREATE TABLE statement.
 */
export function inListsAsEqualities(ddl: string): string {
  return ddl.replace(
    /("?)(\w+)\1 in \(((?:'[^']*'\s*,\s*)*'[^']*')\)/g,
    (_match, quote: string, column: string, list: string) => {
      const values = list.split(",").map((value) => value.trim());
      return `(${values.map((value) => `${quote}${column}${quote} = ${value}`).join(" or ")})`;
    },
  );
}

interface SchemaRow {
  type: string;
  name: string;
  sql: string | null;
}

async function rebuildWithCheaperChecks(db: Kysely<unknown>, table: string): Promise<void> {
  const { rows } = await sql<SchemaRow>`
    select type, name, sql from sqlite_master where tbl_name = ${table}`.execute(db);
  const create = rows.find((row) => row.type === "table");
  if (!create?.sql) throw new Error(`table ${table} not found`);
  const rewritten = inListsAsEqualities(create.sql);
  if (/\bin\s*\(/i.test(rewritten)) throw new Error(`${table}: an in-list check was left`);
  const temporary = `${table}_rebuilt`;
  const createTemporary = rewritten.replace(
    /^CREATE TABLE\s+("?)\w+\1/i,
    `create table "${temporary}"`,
  );
  // Indexes SQLite made itself (unique columns) come back with the table; the rest are replayed.
  const dependents = rows.filter((row) => row.type !== "table" && row.sql !== null);

  const [{ seq } = { seq: null }] = (
    await sql<{ seq: number | null }>`
      select seq from sqlite_sequence where name = ${table}`.execute(db)
  ).rows;

  await sql.raw(createTemporary).execute(db);
  await sql.raw(`insert into "${temporary}" select * from "${table}"`).execute(db);
  await sql.raw(`drop table "${table}"`).execute(db);
  await sql.raw(`alter table "${temporary}" rename to "${table}"`).execute(db);
  for (const dependent of dependents) await sql.raw(dependent.sql!).execute(db);
  // AUTOINCREMENT never reuses an id, even of a row deleted since: keep the old high-water mark.
  if (seq !== null)
    await sql`update sqlite_sequence set seq = max(seq, ${seq}) where name = ${table}`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (engineOf(db) === "postgres") return;
  // Kysely runs SQLite migrations outside a transaction, so the pragma takes effect; the copy
  // itself runs in one transaction so a failure leaves the old tables as they were.
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      for (const table of HOT_TABLES) await rebuildWithCheaperChecks(trx, table);
      const { rows: broken } = await sql`pragma foreign_key_check`.execute(trx);
      if (broken.length > 0)
        throw new Error(`foreign keys broken by the rebuild: ${JSON.stringify(broken)}`);
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

/** The rewritten checks mean exactly what the in-lists meant: nothing to undo. */
export async function down(): Promise<void> {}
