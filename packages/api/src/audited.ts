// The write path every router shares: change a record at the version the caller read, stamp
// who and when, and write the audit entry, all in one transaction.
import type { Kysely, Transaction } from "kysely";
import { RecordNotFoundError, updateVersioned, writeAudit } from "@coherence/db";
import type { AuditAction, Database, VersionedRow, VersionedTable } from "@coherence/db";
import { actorOf } from "./auth/principal";
import { recordChanged } from "./errors";
import { apiMessage } from "./messages";
import { codedError } from "./trpc-errors";
import type { Principal } from "./auth/principal";

export interface WriterContext {
  db: Kysely<Database>;
  principal: Principal;
  now: () => Date;
}

/**
 * Apply `changes` to a record still at `version` and audit it; `then` runs in the same
 * transaction (e.g. to append a flow's status history).
 */
export async function auditedUpdate<Row extends VersionedRow>(
  ctx: WriterContext,
  table: VersionedTable,
  id: number,
  version: number,
  changes: Record<string, unknown>,
  options: {
    action?: AuditAction;
    then?: (trx: Transaction<Database>, before: Row, after: Row) => Promise<void>;
  } = {},
): Promise<Row> {
  const actor = actorOf(ctx.principal);
  return ctx.db.transaction().execute(async (trx) => {
    const { before, after } = await updateVersioned<Row>(
      trx,
      table,
      id,
      version,
      changes,
      actor,
      ctx.now(),
    );
    await options.then?.(trx, before, after);
    await writeAudit(trx, {
      actor,
      userId: ctx.principal.userId,
      action: options.action ?? "update",
      table,
      recordId: id,
      before,
      after,
    });
    return after;
  });
}

/** Soft-delete (or restore) a financial record: it leaves the figures but keeps its history. */
export function setDeleted<Row extends VersionedRow & { deleted_at: string | null }>(
  ctx: WriterContext,
  table: "flows" | "requirements",
  current: Row,
  version: number,
  deleted: boolean,
): Promise<Row> {
  if ((current.deleted_at !== null) === deleted) {
    throw codedError("BAD_REQUEST", apiMessage(deleted ? "already_deleted" : "not_deleted"));
  }
  return auditedUpdate<Row>(
    ctx,
    table,
    current.id,
    version,
    { deleted_at: deleted ? ctx.now().toISOString() : null },
    { action: deleted ? "delete" : "restore" },
  );
}

/** Remove a reference record entered by mistake; refused (by foreign keys) while anything refers to it. */
export async function removeUnreferenced(
  ctx: WriterContext,
  table: "organizations" | "operations",
  id: number,
  version: number,
): Promise<{ ok: true }> {
  const actor = actorOf(ctx.principal);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom(table).selectAll().where("id", "=", id).executeTakeFirst();
    if (!before) throw new RecordNotFoundError(table, id);
    if (before.version !== version) {
      throw codedError("CONFLICT", recordChanged(before));
    }
    await trx.deleteFrom(table).where("id", "=", id).execute();
    await writeAudit(trx, {
      actor,
      userId: ctx.principal.userId,
      action: "delete",
      table,
      recordId: id,
      before,
      after: null,
    });
    return { ok: true as const };
  });
}
