// Scales of assessment, keyed by (scale, member_state, period_start). After the rows are
// written, every scale period the file touched must still sum to exactly 100 in the database
// (a file that changes some member states' rates but not others' would otherwise leave a scale
// that silently does not add up).
import { compareDecimals, sumDecimals } from "@coherence/interchange";
import type { ImportContext, RowRef } from "../context";
import { reason } from "@coherence/interchange";

export async function applyScales(
  ctx: ImportContext,
  rows: readonly RowRef<"scales">[],
): Promise<void> {
  const groups = new Map<string, RowRef<"scales">>();
  for (const row of rows) {
    const r = row.record;
    const groupKey = `${r.scale}\u0000${r.periodStart}`;
    if (!groups.has(groupKey)) groups.set(groupKey, row);
    const member = ctx.organization(row, "member_state", r.memberState);
    if (!member) continue;
    if (member.kind !== "member_state") {
      ctx.fail(
        row,
        "member_state",
        r.memberState,
        reason("not_member_state", { member: r.memberState, kind: member.kind }),
      );
      continue;
    }
    const key = `${r.scale}/${r.memberState}/${r.periodStart}`;
    const current = await ctx.trx
      .selectFrom("scale_rates")
      .selectAll()
      .where("scale", "=", r.scale)
      .where("member_state_id", "=", member.id)
      .where("period_start", "=", r.periodStart)
      .executeTakeFirst();
    if (
      current &&
      current.period_end === r.periodEnd &&
      compareDecimals(current.rate_percent, r.ratePercent) === 0
    ) {
      ctx.count("scale_rates", "unchanged", key, row);
      continue;
    }
    if (!ctx.canWrite({ table: "scale_rates", operationId: null, entityId: null })) {
      ctx.fail(row, "scale", r.scale, reason("admin_only_scales"));
      continue;
    }
    const values = {
      scale: r.scale,
      member_state_id: member.id,
      period_start: r.periodStart,
      period_end: r.periodEnd,
      rate_percent: r.ratePercent,
    };
    if (!current) {
      const created = await ctx.trx
        .insertInto("scale_rates")
        .values(values)
        .returningAll()
        .executeTakeFirstOrThrow();
      ctx.audit({
        action: "create",
        table: "scale_rates",
        recordId: String(created.id),
        before: null,
        after: created,
      });
      ctx.count("scale_rates", "create", key, row);
      continue;
    }
    const result = await ctx.trx
      .updateTable("scale_rates")
      .set(values)
      .where("id", "=", current.id)
      .where("rate_percent", "=", current.rate_percent)
      .where("period_end", "=", current.period_end)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) {
      ctx.fail(row, "rate_percent", r.ratePercent, reason("rate_changed_during_import"));
      continue;
    }
    ctx.audit({
      action: "update",
      table: "scale_rates",
      recordId: String(current.id),
      before: current,
      after: { ...current, ...values },
    });
    ctx.count("scale_rates", "update", key, row);
  }
  for (const row of groups.values()) {
    const { scale, periodStart } = row.record;
    const stored = await ctx.trx
      .selectFrom("scale_rates")
      .select("rate_percent")
      .where("scale", "=", scale)
      .where("period_start", "=", periodStart)
      .execute();
    const total = sumDecimals(stored.map((s) => s.rate_percent));
    if (stored.length > 0 && compareDecimals(total, "100") !== 0) {
      ctx.refuseWhole = true;
      ctx.fail(
        row,
        "rate_percent",
        row.record.ratePercent,
        reason("scale_sum_database", { scale, from: periodStart, total }),
      );
    }
  }
  await ctx.flushAudit();
}
