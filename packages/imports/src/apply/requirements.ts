// Budget-line stages, keyed by (external_ref, stage); converted at the rate in force on the
// first day of the line's period (BRIEF item 1).
import type { Requirement } from "@coherence/db";
import type { ImportContext, RowRef } from "../context";
import { resolveRequirementColumns } from "../record-columns/requirement-columns";
import type { MayWrite } from "../record-columns/record-references";
import { createVersioned, differsFrom, updateVersionedRow } from "./versioned";
import { reason } from "@coherence/interchange";

const LOOKUP_CHUNK = 500;

/** A row is written only where the caller's assignments cover its operation and entity. */
function mayWriteRequirements(ctx: ImportContext): MayWrite<RowRef<"requirements">> {
  return (row, scope) => {
    if (ctx.canWrite({ table: "requirements", ...scope })) return true;
    const r = row.record;
    ctx.fail(
      row,
      "operation",
      r.operation,
      reason("not_assigned_budget_lines", { operation: r.operation, entity: r.entity }),
    );
    return false;
  };
}

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
  const mayWrite = mayWriteRequirements(ctx);
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
    const values = resolveRequirementColumns(ctx, row, r, mayWrite);
    if (!values) continue;
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
