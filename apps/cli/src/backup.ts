// Backups. SQLite: SQLite's online backup API gives a consistent copy of a live database file.
// Either engine: a portable dump of every table as JSON lines, read in one repeatable-read
// transaction, restorable into an empty database on either engine.
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
} from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { createInterface } from "node:readline";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import type { Kysely } from "kysely";
import { connect, isPostgresUrl, migrateToLatest } from "@coherence/db";
import type { Database } from "@coherence/db";
import { RejectedError } from "./types";

/** Tables in an order that satisfies their foreign keys (mandates' self-links are set after). */
const TABLES = [
  "organizations",
  "operations",
  "mandates",
  "priority_tasks",
  "imports",
  "requirements",
  "flows",
  "flow_status_history",
  "exchange_rates",
  "users",
  "user_assignments",
  "sessions",
  "api_tokens",
  "login_attempts",
  "audit_log",
  "taxonomies",
  "categories",
  "crosswalk_shares",
  "scale_rates",
  "fts_flows",
  "import_mappings",
] as const;
const WITH_ID = new Set<string>(
  TABLES.filter(
    (t) => !["sessions", "crosswalk_shares", "import_mappings", "exchange_rates"].includes(t),
  ),
);
const PAGE = 5000;

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

const SQLITE_MAGIC = "SQLite format 3\u0000";

function isSqliteFile(file: string): boolean {
  if (!existsSync(file) || statSync(file).size < 16) return false;
  return readFileSync(file).subarray(0, 16).toString("latin1") === SQLITE_MAGIC;
}

async function appliedMigrations(db: Kysely<Database>): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
    db,
  );
  return rows.rows.map((r) => r.name);
}

/** Write a backup of `database` to `target`; returns what was written. */
export async function backupDatabase(database: string, target: string): Promise<string> {
  mkdirSync(path.dirname(target), { recursive: true });
  if (!isPostgresUrl(database) && !target.endsWith(".jsonl")) {
    if (!existsSync(database)) throw new RejectedError(`no database at ${database}`);
    const source = new SQLite(database, { readonly: true, fileMustExist: true });
    try {
      await source.backup(target);
    } finally {
      source.close();
    }
    return "SQLite online backup";
  }
  const connection = connect(database);
  let rows = 0;
  try {
    await migrateToLatest(connection.db);
    const out = createWriteStream(target);
    const write = async (line: string) => {
      if (!out.write(`${line}\n`)) await once(out, "drain");
    };
    const run = async (db: Kysely<Database>) => {
      await write(
        JSON.stringify({
          format: "coherence-backup",
          version: 1,
          engine: connection.engine,
          migrations: await appliedMigrations(db),
        }),
      );
      const any = db as unknown as AnyDb;
      for (const table of TABLES) {
        if (WITH_ID.has(table)) {
          let after = 0;
          for (;;) {
            const page = await any
              .selectFrom(table)
              .selectAll()
              .where("id", ">", after)
              .orderBy("id")
              .limit(PAGE)
              .execute();
            for (const row of page) await write(JSON.stringify({ table, row }));
            rows += page.length;
            if (page.length < PAGE) break;
            after = Number(page[page.length - 1]!.id);
          }
        } else {
          const all = await any.selectFrom(table).selectAll().execute();
          for (const row of all) await write(JSON.stringify({ table, row }));
          rows += all.length;
        }
      }
    };
    if (connection.engine === "postgres")
      await connection.db.transaction().setIsolationLevel("repeatable read").execute(run);
    else await connection.db.transaction().execute(run);
    out.end();
    await once(out, "finish");
  } finally {
    await connection.close();
  }
  return `JSON lines dump, ${rows} rows`;
}

async function assertEmpty(db: Kysely<Database>): Promise<void> {
  const any = db as unknown as AnyDb;
  for (const table of TABLES) {
    const row = await any.selectFrom(table).selectAll().limit(1).executeTakeFirst();
    if (row)
      throw new RejectedError(
        `the target database is not empty (table ${table} has rows): restore only into an empty database`,
      );
  }
}

/** Restore the backup `source` into the empty database `database`. */
export async function restoreDatabase(source: string, database: string): Promise<string> {
  if (!existsSync(source)) throw new RejectedError(`no backup file ${source}`);
  if (isSqliteFile(source)) {
    if (isPostgresUrl(database))
      throw new RejectedError(
        "a SQLite backup restores into SQLite only: make a .jsonl backup to move to PostgreSQL",
      );
    if (existsSync(database)) {
      const check = connect(database);
      try {
        await migrateToLatest(check.db);
        await assertEmpty(check.db);
      } finally {
        await check.close();
      }
    }
    const backup = new SQLite(source, { readonly: true, fileMustExist: true });
    try {
      await backup.backup(database);
    } finally {
      backup.close();
    }
    const connection = connect(database);
    try {
      await migrateToLatest(connection.db);
    } finally {
      await connection.close();
    }
    return "SQLite file";
  }
  const connection = connect(database);
  let rows = 0;
  try {
    await migrateToLatest(connection.db);
    await assertEmpty(connection.db);
    await connection.db.transaction().execute(async (trx) => {
      // Created here, right before it is read: readline emits lines as soon as it exists, and
      // lines emitted before the loop starts iterating would be lost (the header first).
      const lines = createInterface({
        input: createReadStream(source, "utf8"),
        crlfDelay: Infinity,
      });
      const any = trx as unknown as AnyDb;
      interface Header {
        format?: string;
        migrations?: string[];
      }
      let header: Header | null = null;
      const links: { id: number; superseded_by_id: number }[] = [];
      let batch: { table: string; rows: Record<string, unknown>[] } | null = null;
      const flush = async () => {
        if (batch && batch.rows.length > 0)
          await any.insertInto(batch.table).values(batch.rows).execute();
        batch = null;
      };
      for await (const line of lines) {
        if (line.trim() === "") continue;
        const record = JSON.parse(line) as { table?: string; row?: Record<string, unknown> };
        if (header === null) {
          const first = record as Header;
          header = first;
          if (first.format !== "coherence-backup")
            throw new RejectedError(`${source} is not a Coherence backup`);
          const ours = await appliedMigrations(trx);
          const theirs = first.migrations ?? [];
          if (theirs.some((m) => !ours.includes(m)))
            throw new RejectedError(
              `the backup comes from a newer schema (${theirs.join(", ")}): update Coherence first`,
            );
          continue;
        }
        const table = record.table;
        if (!table || !(TABLES as readonly string[]).includes(table) || !record.row)
          throw new RejectedError(`${source}: unexpected line ${line.slice(0, 80)}`);
        const row = { ...record.row };
        if (
          table === "mandates" &&
          row.superseded_by_id !== null &&
          row.superseded_by_id !== undefined
        ) {
          links.push({ id: Number(row.id), superseded_by_id: Number(row.superseded_by_id) });
          row.superseded_by_id = null;
        }
        if (batch && (batch.table !== table || batch.rows.length >= 200)) await flush();
        batch ??= { table, rows: [] };
        batch.rows.push(row);
        rows++;
      }
      await flush();
      for (const link of links)
        await trx
          .updateTable("mandates")
          .set({ superseded_by_id: link.superseded_by_id })
          .where("id", "=", link.id)
          .execute();
      if (connection.engine === "postgres")
        for (const table of WITH_ID)
          await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(
            trx,
          );
    });
  } finally {
    await connection.close();
  }
  return `${rows} rows`;
}
