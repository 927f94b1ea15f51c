// Budget-line stages, keyed by (external_ref, stage); converted at the rate in force on the
// first day of the line's period (BRIEF item 1).
import type { Requirement } from "@coherence/db";
import type { ImportContext, RowRef } from "../context";
import { usdColumns } from "./convert";
import { createVersioned, differsFrom, updateVersionedRow } from "./versioned";
import { reason } from "@coherence/interchange";

const LOOKUP_CHUNK = 500;

export async function applyRequirements(
  ctx: ImportContext,
  rows: readonly RowRef<"requirements">[],
): Promise<void> {
  const existing = new Map<string, Requirement>();
  const refs = [...new Set(rows.map((r) => r.record.externalRef))];
  for (let i = 0; i < refs.length; i += LOOKUP_CHUNK) {
    const found = await ctx.trx
      .selectFrom("requirements")
      .selectAll()
      .where("external_ref", "in", refs.slice(i, i + LOOKUP_CHUNK))
      .execute();
    for (const r of found) existing.set(`${r.external_ref}\u0000${r.stage}`, r);
  }
  const seen = new Map<string, number | null>();
  for (const row of rows) {
    const r = row.record;
    const seenKey = `${r.externalRef}\u0000${r.stage}`;
    if (seen.has(seenKey)) {
      ctx.fail(
        row,
        "external_ref",
        r.externalRef,
        reason("duplicate_requirement_stage", { line: seen.get(seenKey) ?? "?" }),
      );
      continue;
    }
    seen.set(seenKey, row.line);
    const before = ctx.problems.length;
    const operationId = ctx.operationId(row, "operation", r.operation);
    const entity = ctx.organization(row, "entity", r.entity);
    if (operationId !== undefined && r.taskCode !== null)
      ctx.checkTask(row, operationId, r.operation, r.taskCode);
    if (operationId === undefined || !entity || ctx.problems.length > before) continue;
    if (!ctx.canWrite({ table: "requirements", operationId, entityId: entity.id })) {
      ctx.fail(
        row,
        "operation",
        r.operation,
        reason("not_assigned_budget_lines", { operation: r.operation, entity: r.entity }),
      );
      continue;
    }
    const usd = usdColumns(ctx, row, r.amountMinor, r.currency, r.periodStart, null);
    if (!usd) continue;
    const values = {
      external_ref: r.externalRef,
      operation_id: operationId,
      entity_id: entity.id,
      task_code: r.taskCode,
      category: r.category,
      period_start: r.periodStart,
      period_end: r.periodEnd,
      stage: r.stage,
      amount: r.amountMinor,
      currency: r.currency,
      ...usd,
      document: r.document,
    };
    const key = `${r.externalRef}/${r.stage}`;
    const current = existing.get(`${r.externalRef}\u0000${r.stage}`);
    if (!current) {
      await createVersioned(ctx, "requirements", values);
      ctx.count("requirements", "create", key, row);
    } else if (!differsFrom(current, values)) {
      ctx.count("requirements", "unchanged", key, row);
    } else if (
      !ctx.canWrite({
        table: "requirements",
        operationId: current.operation_id,
        entityId: current.entity_id,
      })
    ) {
      ctx.fail(row, "external_ref", r.externalRef, reason("not_assigned_budget_line_change"));
    } else if (
      await updateVersionedRow(ctx, "requirements", row, "external_ref", current, values)
    ) {
      ctx.count("requirements", "update", key, row);
    }
  }
  await ctx.flushAudit();
}
