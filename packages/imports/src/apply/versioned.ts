// Create or update one record of a versioned table (organizations, operations, mandates,
// requirements) through optimistic concurrency, with its audit entry.
import type { VersionedTable } from "@coherence/db";
import type { ImportContext, RowRef } from "../context";
import { reason } from "@coherence/interchange";

type Row = { id: number; version: number } & Record<string, unknown>;

/** True when any of `values` differs from the stored row (a soft-deleted row always differs). */
export function differsFrom(current: Record<string, unknown>, values: Record<string, unknown>) {
  if ("deleted_at" in current && current.deleted_at !== null) return true;
  return Object.entries(values).some(([k, v]) => current[k] !== v);
}

/** Insert a record and audit its creation; returns the stored row. */
export async function createVersioned(
  ctx: ImportContext,
  table: VersionedTable,
  values: Record<string, unknown>,
): Promise<Row> {
  // Kysely cannot type a table chosen at run time; the VersionedTable union keeps it honest.
  const created = (await ctx.trx
    .insertInto(table)
    .values({
      ...values,
      updated_by: ctx.actor,
      created_at: ctx.nowIso,
      updated_at: ctx.nowIso,
    })
    .returningAll()
    .executeTakeFirstOrThrow()) as unknown as Row;
  ctx.audit({
    action: "create",
    table,
    recordId: String(created.id),
    before: null,
    after: created,
  });
  return created;
}

/**
 * Update a record from the version read in this transaction; a concurrent change is reported on
 * the row. `extraBefore`/`extraAfter` add what lives in other tables (a mandate's tasks).
 */
export async function updateVersionedRow(
  ctx: ImportContext,
  table: VersionedTable,
  row: RowRef,
  keyColumn: string,
  current: Row,
  values: Record<string, unknown>,
  extra: { before?: Record<string, unknown>; after?: Record<string, unknown> } = {},
): Promise<Row | undefined> {
  const changes: Record<string, unknown> = {
    ...values,
    version: current.version + 1,
    updated_at: ctx.nowIso,
    updated_by: ctx.actor,
  };
  if ("deleted_at" in current) changes.deleted_at = null;
  const result = await ctx.trx
    .updateTable(table)
    .set(changes as never)
    .where("id", "=", current.id)
    .where("version", "=", current.version)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) {
    ctx.fail(row, keyColumn, null, reason("changed_during_import", { table }));
    return undefined;
  }
  const after = { ...current, ...changes } as Row;
  ctx.audit({
    action: "deleted_at" in current && current.deleted_at !== null ? "restore" : "update",
    table,
    recordId: String(current.id),
    before: { ...current, ...extra.before },
    after: { ...after, ...extra.after },
  });
  return after;
}
