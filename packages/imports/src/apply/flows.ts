// Flows, keyed by external_ref. A new key creates the flow and its first status-history entry;
// a known key whose values differ updates the ONE record through optimistic concurrency and,
// when its status, date or amount moved, adds a history entry (pledged → committed → paid stays
// one record); equal values change nothing. A source version (FTS versionId) that is not newer
// than the stored one changes nothing either. Creates are written in multi-row statements:
// this is the path a million-row file takes.
import { FLOW_COLUMNS } from "@coherence/db";
import type { Flow } from "@coherence/db";
import { ftsVersionReplaces } from "@coherence/interchange";
import type { FlowRecord } from "@coherence/interchange";
import type { ImportContext, RowRef } from "../context";
import { resolveFlowColumns } from "../record-columns/flow-columns";
import type { FlowColumns } from "../record-columns/flow-columns";
import type { MayWrite } from "../record-columns/record-references";
import { createFlowsSqlite, lookupFlows } from "./flows-sqlite";
import { reason } from "@coherence/interchange";

const LOOKUP_CHUNK = 500;
/** 1,000 rows × 22 columns stays under SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const INSERT_CHUNK = 1000;

/** A flow's columns an import does not compare: identity and bookkeeping (source_version apart). */
const NOT_COMPARED = [
  "id",
  "external_ref",
  "source_version",
  "provenance",
  "updated_by",
  "created_at",
  "updated_at",
  "version",
  "deleted_at",
] as const;
type ComparedColumn = Exclude<(typeof FLOW_COLUMNS)[number], (typeof NOT_COMPARED)[number]>;

/** The stored columns an import sets, in the order they are compared. */
const COMPARED = FLOW_COLUMNS.filter(
  (c): c is ComparedColumn => !(NOT_COMPARED as readonly string[]).includes(c),
);

/** The columns an import sets on a flow: those of its record, and the source's version. */
export type ImportFlowColumns = FlowColumns<string> & {
  /** Undefined: the file carries no source version (a canonical file): the stored one stays. */
  source_version?: number | null;
};

export interface FlowBatchOptions {
  /** Stored in `provenance` of created flows: "import:flows", "fts", "iati", "assessment". */
  provenance: string;
  /** The source's version of each flow (FTS versionId), by external_ref. */
  sourceVersions?: ReadonlyMap<string, number | null>;
  /** Receives the id of every flow of the batch that is in the database afterwards. */
  ids?: Map<string, number>;
}

/** A row is written only where the caller's assignments cover its operation and recipient. */
function mayWriteFlows(ctx: ImportContext): MayWrite<RowRef<"flows">> {
  return (row, scope) => {
    if (ctx.canWrite({ table: "flows", ...scope })) return true;
    const r = row.record;
    ctx.fail(
      row,
      r.operation === null ? "recipient" : "operation",
      r.operation ?? r.recipient,
      r.operation === null
        ? reason("not_assigned_flows_no_operation", { recipient: r.recipient })
        : reason("not_assigned_flows", { operation: r.operation, recipient: r.recipient }),
    );
    return false;
  };
}

function differs(existing: Flow, next: ImportFlowColumns): boolean {
  if (existing.deleted_at !== null) return true;
  for (const column of COMPARED) if (existing[column] !== next[column]) return true;
  return false;
}

/** Apply a batch of flow records (one file's, or one streamed batch of it). */
export async function applyFlows(
  ctx: ImportContext,
  rows: readonly RowRef<"flows">[],
  options: FlowBatchOptions,
): Promise<void> {
  const resolved: { row: RowRef<"flows">; columns: ImportFlowColumns }[] = [];
  const mayWrite = mayWriteFlows(ctx);
  for (const row of rows) {
    const base = resolveFlowColumns(ctx, row, row.record, mayWrite);
    if (!base) continue;
    // Only a source that versions its records (FTS) sets source_version; a canonical file keeps it.
    const columns: ImportFlowColumns = options.sourceVersions
      ? { ...base, source_version: options.sourceVersions.get(base.external_ref) ?? null }
      : base;
    resolved.push({ row, columns });
  }

  const fast = ctx.sqliteFlows();
  const existing = new Map<string, Flow>();
  for (let i = 0; i < resolved.length; i += LOOKUP_CHUNK) {
    const refs = resolved.slice(i, i + LOOKUP_CHUNK).map((r) => r.columns.external_ref);
    if (fast) {
      for (const flow of lookupFlows(fast, refs)) existing.set(flow.external_ref!, flow);
      continue;
    }
    const found = await ctx.trx
      .selectFrom("flows")
      .selectAll()
      .where("external_ref", "in", refs)
      .execute();
    for (const flow of found) existing.set(flow.external_ref!, flow);
  }

  const creates: { row: RowRef<"flows">; columns: ImportFlowColumns }[] = [];
  for (const item of resolved) {
    const { row, columns } = item;
    const current = existing.get(columns.external_ref);
    if (!current) {
      creates.push(item);
      continue;
    }
    options.ids?.set(columns.external_ref, current.id);
    if (
      current.source_version !== null &&
      columns.source_version !== undefined &&
      columns.source_version !== null &&
      !ftsVersionReplaces(current.source_version, columns.source_version)
    ) {
      ctx.count("flows", "unchanged", columns.external_ref, row);
      continue;
    }
    const changed =
      differs(current, columns) ||
      (columns.source_version !== undefined && current.source_version !== columns.source_version);
    if (!changed) {
      ctx.count("flows", "unchanged", columns.external_ref, row);
      continue;
    }
    if (
      !ctx.canWrite({
        table: "flows",
        operationId: current.operation_id,
        entityId: current.recipient_id,
      })
    ) {
      ctx.fail(row, "external_ref", columns.external_ref, reason("not_assigned_flow_change"));
      continue;
    }
    await updateFlow(ctx, row, current, columns);
  }

  if (fast) {
    // The updates' audit entries first, so entries stay in the order the changes were made.
    await ctx.flushAudit();
    createFlowsSqlite(ctx, fast, creates, options.provenance, options.ids);
    return;
  }

  for (let i = 0; i < creates.length; i += INSERT_CHUNK) {
    const chunk = creates.slice(i, i + INSERT_CHUNK);
    const values = chunk.map(({ columns }) => ({
      ...columns,
      source_version: columns.source_version ?? null,
      provenance: options.provenance,
      updated_by: ctx.actor,
      created_at: ctx.nowIso,
      updated_at: ctx.nowIso,
    }));
    const inserted = await ctx.trx
      .insertInto("flows")
      .values(values)
      .returning(["id", "external_ref"])
      .execute();
    const idOf = new Map(inserted.map((r) => [r.external_ref!, r.id]));
    await ctx.trx
      .insertInto("flow_status_history")
      .values(
        values.map((v) => ({
          flow_id: idOf.get(v.external_ref)!,
          status: v.status,
          status_date: v.status_date,
          amount: v.amount,
          currency: v.currency,
          amount_usd_cents: v.amount_usd_cents,
          recorded_at: ctx.nowIso,
          import_id: ctx.importId,
        })),
      )
      .execute();
    chunk.forEach(({ row, columns }, j) => {
      const id = idOf.get(columns.external_ref)!;
      options.ids?.set(columns.external_ref, id);
      ctx.audit({
        action: "create",
        table: "flows",
        recordId: String(id),
        before: null,
        after: { id, ...values[j], version: 1, deleted_at: null },
      });
      ctx.count("flows", "create", columns.external_ref, row);
    });
  }
  await ctx.flushAudit();
}

async function updateFlow(
  ctx: ImportContext,
  row: RowRef,
  current: Flow,
  columns: ImportFlowColumns,
): Promise<void> {
  const changes = {
    ...columns,
    deleted_at: null,
    version: current.version + 1,
    updated_at: ctx.nowIso,
    updated_by: ctx.actor,
  };
  const result = await ctx.trx
    .updateTable("flows")
    .set(changes)
    .where("id", "=", current.id)
    .where("version", "=", current.version)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) {
    ctx.fail(row, "external_ref", columns.external_ref, reason("flow_changed_during_import"));
    return;
  }
  const after: Flow = { ...current, ...changes };
  const moved =
    current.status !== after.status ||
    current.status_date !== after.status_date ||
    current.amount !== after.amount ||
    current.currency !== after.currency;
  if (moved)
    await ctx.trx
      .insertInto("flow_status_history")
      .values({
        flow_id: after.id,
        status: after.status,
        status_date: after.status_date,
        amount: after.amount,
        currency: after.currency,
        amount_usd_cents: after.amount_usd_cents,
        recorded_at: ctx.nowIso,
        import_id: ctx.importId,
      })
      .execute();
  ctx.audit({
    action: current.status !== after.status ? "status" : current.deleted_at ? "restore" : "update",
    table: "flows",
    recordId: String(current.id),
    before: current,
    after,
  });
  ctx.count("flows", "update", columns.external_ref, row);
}

/** Flow records as rows of one file. */
export function flowRows(file: string, records: readonly FlowRecord[]): RowRef<"flows">[] {
  return records.map((record) => ({ kind: "flows", file, line: record.line || null, record }));
}
