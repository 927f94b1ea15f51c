// Test support shared by every suite that runs against both engines (db, api): a fresh,
// migrated database per test file on SQLite (temporary file) and PostgreSQL (new database
// on the server the run started).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
// Brings the `inject("pgUrl")` type that the PostgreSQL global setup provides.
import type {} from "@coherence/test-postgres/vitest-global-setup";
import { connect } from "./connect";
import type { Connection } from "./connect";
import { migrateToLatest } from "./migrate";
import type { Engine } from "./migrations/column-types";

export const ENGINES: readonly Engine[] = ["sqlite", "postgres"];

let counter = 0;

/**
 * A new, empty, migrated database on `engine`. `pgUrl` is the server to create it on
 * (from `inject("pgUrl")`). On SQLite a temporary file with a separate read connection, as the
 * server opens it (`readDb`; an in-memory database could not have one). Call `close()` to
 * drop it.
 */
export async function freshDatabase(engine: Engine, pgUrl: string): Promise<Connection> {
  counter += 1;
  const name = `coherence_test_${process.pid}_${Date.now()}_${counter}`;
  if (engine === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "coherence-sqlite-"));
    const connection = connect(path.join(dir, `${name}.db`), { readConnection: true });
    await migrateToLatest(connection.db);
    return {
      ...connection,
      close: async () => {
        await connection.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const connection = connect(url.toString());
  await migrateToLatest(connection.db);
  return {
    ...connection,
    close: async () => {
      await connection.close();
      const cleanup = new pg.Client({ connectionString: pgUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name}`);
      await cleanup.end();
    },
  };
}

/**
 * `work`'s result, or a rejection when it has not settled within `ms`: for a test that something
 * answers while something else holds a connection, failing rather than waiting forever.
 *
 * @example
 * await answersWithin(2000, connection.readDb.selectFrom("flows").selectAll().execute());
 */
export async function answersWithin<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`no answer within ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
