// Optimistic concurrency: every mutable record carries a version. An update names the version
// it was based on; if someone changed the record since, nothing is written and the caller
// learns who changed it and when.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "./schema";

export type VersionedTable = "flows" | "requirements" | "organizations" | "operations" | "mandates";

export interface VersionedRow {
  id: number;
  version: number;
  updated_at: string;
  updated_by: string | null;
}

/** The record changed since the caller read it. `current` is the record as it is now. */
export class VersionConflictError extends Error {
  constructor(
    readonly table: VersionedTable,
    readonly current: VersionedRow & Record<string, unknown>,
  ) {
    super(
      `This record was changed by ${current.updated_by ?? "someone else"} at ${current.updated_at} (now version ${current.version})`,
    );
  }
}

export class RecordNotFoundError extends Error {
  constructor(
    readonly table: VersionedTable,
    readonly id: number,
  ) {
    super(`No ${table} record with id ${id}`);
  }
}

// Kysely cannot type a table chosen at run time; the union above keeps callers honest.
type AnyDb = Kysely<Record<VersionedTable, VersionedRow & Record<string, unknown>>>;

/**
 * Apply `changes` to the record if it is still at `expectedVersion`; bumps the version and
 * stamps who and when. Returns the record before and after.
 */
export async function updateVersioned<Row extends VersionedRow>(
  trx: Transaction<Database> | Kysely<Database>,
  table: VersionedTable,
  id: number,
  expectedVersion: number,
  changes: Record<string, unknown>,
  actor: string,
  now: Date,
): Promise<{ before: Row; after: Row }> {
  const db = trx as unknown as AnyDb;
  const before = await db.selectFrom(table).selectAll().where("id", "=", id).executeTakeFirst();
  if (!before) throw new RecordNotFoundError(table, id);
  const result = await db
    .updateTable(table)
    .set({
      ...changes,
      version: expectedVersion + 1,
      updated_at: now.toISOString(),
      updated_by: actor,
    })
    .where("id", "=", id)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) {
    const current = await db
      .selectFrom(table)
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    throw new VersionConflictError(table, current as VersionedRow & Record<string, unknown>);
  }
  const after = await db
    .selectFrom(table)
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  return { before: before as Row, after: after as Row };
}
