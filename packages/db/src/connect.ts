import { mkdirSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Engine } from "./migrations/column-types";
import type { Database } from "./schema";

export interface Connection {
  /** Every write, and every read that must see the writes of its own transaction. */
  db: Kysely<Database>;
  /**
   * Reads of committed data. On SQLite opened with `readConnection`, a second, read-only
   * connection: in WAL mode it reads what is committed while `db` is held by a long write
   * transaction (an import), which would otherwise make every read wait until it commits.
   * Elsewhere the same Kysely as `db` (PostgreSQL's pool already serves reads beside a
   * transaction; an in-memory SQLite database cannot be opened twice).
   */
  readDb: Kysely<Database>;
  engine: Engine;
  /** Where the data lives, for logs: a file path or a URL without its password. */
  location: string;
  /** Close the connection, and the read connection if it is a separate one. */
  close(): Promise<void>;
  /** SQLite only: the better-sqlite3 handle under `db`, for fast paths with prepared statements. */
  sqlite?: SqliteHandle;
}

/** The better-sqlite3 database handle of a SQLite connection. */
export type SqliteHandle = SQLite.Database;

const sqliteHandles = new WeakMap<object, SqliteHandle>();

/**
 * The better-sqlite3 handle under a Kysely instance opened by `connect` on SQLite; undefined on
 * PostgreSQL, for a read connection, or for an instance made elsewhere. Statements run on it join
 * the transaction Kysely holds open on the same connection.
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

export interface ConnectOptions {
  /**
   * SQLite file only: open a second, read-only connection for `readDb` (a server answering
   * reads while an import writes). A one-shot command needs only the one connection.
   */
  readConnection?: boolean;
  /**
   * SQLite file only: copy the write-ahead log into the database file on a background thread
   * (every second, when the log changed) instead of inside the commit that fills it. A server
   * then neither stalls after a large import's commit (which would otherwise copy every page it
   * wrote, on the event loop) nor makes a request wait for the copy.
   */
  backgroundCheckpoints?: boolean;
}

/** The log is truncated back to this size after a checkpoint (a large import grows it to GBs). */
const WAL_SIZE_LIMIT = 64 * 1024 * 1024;
const CHECKPOINT_INTERVAL_MS = 1000;

/** Runs checkpoint-worker.mjs; if it ever stops, the writer checkpoints by itself again. */
function startCheckpointer(file: string, writer: SqliteHandle): () => Promise<void> {
  const worker = new Worker(new URL("./checkpoint-worker.mjs", import.meta.url), {
    workerData: { file: path.resolve(file), intervalMs: CHECKPOINT_INTERVAL_MS },
  });
  worker.unref();
  const exited = new Promise<void>((resolve) => {
    worker.once("exit", () => {
      if (writer.open) writer.pragma("wal_autocheckpoint = 1000");
      resolve();
    });
  });
  worker.on("error", (error) => {
    console.error(`background checkpoints stopped: ${error.message}`);
  });
  return async () => {
    // Unreferenced, the worker would not keep the process alive while closing waits for it.
    worker.ref();
    worker.postMessage("stop");
    await exited;
  };
}

const IN_MEMORY = ":memory:";

/** A read-only connection beside the writer's, on the same WAL-mode file. */
function openReader(target: string): Kysely<Database> {
  const sqlite = new SQLite(target, { readonly: true, fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

/**
 * Open the database at `target`: a PostgreSQL URL, or a SQLite file path (created with its
 * folder when missing; WAL and foreign keys on).
 *
 * @example
 * const { db, readDb, close } = connect("data/coherence.db", { readConnection: true });
 * await readDb.selectFrom("operations").selectAll().execute(); // never waits for a write
 * await close();
 */
export function connect(target: string, options: ConnectOptions = {}): Connection {
  if (isPostgresUrl(target)) {
    const pool = new pg.Pool({ connectionString: target, max: 10, types: postgresTypes() });
    const location = target.replace(/:\/\/([^:@/]+):[^@/]*@/, "://$1:***@");
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, readDb: db, engine: "postgres", location, close: () => db.destroy() };
  }
  if (target !== IN_MEMORY) mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const sqlite = new SQLite(target);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  sqliteHandles.set(db, sqlite);
  // Opened after the writer, which has created the file and put it in WAL mode.
  const readDb = options.readConnection && target !== IN_MEMORY ? openReader(target) : db;
  let stopCheckpoints: (() => Promise<void>) | null = null;
  if (options.backgroundCheckpoints && target !== IN_MEMORY) {
    sqlite.pragma("wal_autocheckpoint = 0");
    sqlite.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT}`);
    stopCheckpoints = startCheckpointer(target, sqlite);
  }
  const close = async () => {
    await stopCheckpoints?.();
    // The reader next: the last connection to close checkpoints the WAL into the file, which
    // a read-only one cannot do.
    if (readDb !== db) await readDb.destroy();
    await db.destroy();
  };
  return { db, readDb, engine: "sqlite", location: target, close, sqlite };
}
