// Column types that differ between the engines. Migrations are frozen in time, so they use
// these helpers rather than the live schema types.
import { PostgresAdapter, sql } from "kysely";
import type { ColumnDefinitionBuilder, Kysely } from "kysely";

export type Engine = "sqlite" | "postgres";

export function engineOf(db: Kysely<unknown>): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

export function columnTypes(db: Kysely<unknown>) {
  const pg = engineOf(db) === "postgres";
  return {
    /** Surrogate key: identity on PostgreSQL, rowid alias on SQLite. */
    id: (col: ColumnDefinitionBuilder) =>
      pg ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement(),
    idType: pg ? ("bigint" as const) : ("integer" as const),
    /** Money in minor units: 64-bit on both engines. */
    money: pg ? ("bigint" as const) : ("integer" as const),
    date: pg ? ("date" as const) : ("text" as const),
    timestamp: pg ? ("timestamptz" as const) : ("text" as const),
    now: pg ? sql`now()` : sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
  };
}
