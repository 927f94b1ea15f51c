import { mkdirSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Engine } from "./migrations/column-types";
import type { Database } from "./schema";

export interface Connection {
  db: Kysely<Database>;
  engine: Engine;
  /** Where the data lives, for logs: a file path or a URL without its password. */
  location: string;
  close(): Promise<void>;
  /** SQLite only: the better-sqlite3 handle under `db`, for fast paths with prepared statements. */
  sqlite?: SqliteHandle;
}

/** The better-sqlite3 database handle of a SQLite connection. */
export type SqliteHandle = SQLite.Database;

const sqliteHandles = new WeakMap<object, SqliteHandle>();

/**
 * The better-sqlite3 handle under a Kysely instance opened by `connect` on SQLite; undefined on
 * PostgreSQL or for an instance made elsewhere. Statements run on it join the transaction Kysely
 * holds open on the same (single) connection.
 *
 * @example
 * const raw = sqliteHandleOf(db); // undefined on PostgreSQL
 * raw?.prepare("select count(*) as n from flows").get();
 */
export function sqliteHandleOf(db: Kysely<Database>): SqliteHandle | undefined {
  return sqliteHandles.get(db);
}

const PG_INT8 = 20;
const PG_DATE = 1082;
const PG_TIMESTAMPTZ = 1184;

function parseInt8(value: string): number {
  const n = Number(value);
  // Amounts are stored in minor units; beyond 2^53 a Number would silently lose cents.
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${value} exceeds the safe range`);
  return n;
}

function postgresTypes(): pg.TypeOverrides {
  const types = new pg.TypeOverrides();
  types.setTypeParser(PG_INT8, parseInt8);
  // Calendar dates stay ISO strings: a Date object would shift them by the server's time zone.
  types.setTypeParser(PG_DATE, (value: string) => value);
  types.setTypeParser(PG_TIMESTAMPTZ, (value: string) => new Date(value).toISOString());
  return types;
}

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//.test(target);
}

/**
 * Open the database at `target`: a PostgreSQL URL, or a SQLite file path (created with its
 * folder when missing; WAL and foreign keys on).
 *
 * @example
 * const { db, close } = connect("data/coherence.db");
 * await db.selectFrom("operations").selectAll().execute();
 * await close();
 */
export function connect(target: string): Connection {
  if (isPostgresUrl(target)) {
    const pool = new pg.Pool({ connectionString: target, max: 10, types: postgresTypes() });
    const location = target.replace(/:\/\/([^:@/]+):[^@/]*@/, "://$1:***@");
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: "postgres", location, close: () => db.destroy() };
  }
  if (target !== ":memory:") mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const sqlite = new SQLite(target);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  sqliteHandles.set(db, sqlite);
  return { db, engine: "sqlite", location: target, close: () => db.destroy(), sqlite };
}
