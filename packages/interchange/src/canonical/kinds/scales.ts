import { sumDecimals } from "../../decimal";
import type { ScaleRecord } from "../../records";
import { reason } from "../../reasons";
import { column } from "../spec";
import type { GroupIssue, KindSpec } from "../spec";

function groupKey(r: ScaleRecord): string {
  return `${r.scale}\u0000${r.periodStart}\u0000${r.periodEnd}`;
}

/**
 * scales: `scale,member_state,period_start,period_end,rate_percent`; key: (scale, member_state,
 * period_start). The rates of one scale and period must sum to exactly 100.
 */
export const scalesSpec: KindSpec<"scales"> = {
  kind: "scales",
  columns: [
    column("scale", "text"),
    column("member_state", "text"),
    column("period_start", "date"),
    column("period_end", "date"),
    column("rate_percent", "decimal"),
  ],
  parse(row) {
    const scale = row.code("scale");
    const memberState = row.code("member_state");
    const periodStart = row.date("period_start");
    const periodEnd = row.date("period_end");
    row.checkRange("period_start", periodStart, "period_end", periodEnd);
    const ratePercent = row.decimal("rate_percent");
    if (ratePercent !== undefined && Number(ratePercent) > 100)
      row.report("rate_percent", row.raw("rate_percent"), reason("rate_over_100"));
    if (!row.ok) return null;
    return {
      line: row.line,
      scale: scale!,
      memberState: memberState!,
      periodStart: periodStart!,
      periodEnd: periodEnd!,
      ratePercent: ratePercent!,
    };
  },
  key: (r) => `${r.scale}\u0000${r.memberState}\u0000${r.periodStart}`,
  keyColumns: ["scale", "member_state", "period_start"],
  checkAll(records) {
    const issues: GroupIssue<ScaleRecord>[] = [];
    const groups = new Map<string, ScaleRecord[]>();
    for (const r of records) {
      const list = groups.get(groupKey(r));
      if (list) list.push(r);
      else groups.set(groupKey(r), [r]);
    }
    for (const list of groups.values()) {
      const total = sumDecimals(list.map((r) => r.ratePercent));
      if (total === "100") continue;
      const first = list[0]!;
      const why = reason("scale_sum", {
        scale: first.scale,
        from: first.periodStart,
        to: first.periodEnd,
        total,
        rows: list.length,
        line: first.line,
      });
      for (const record of list)
        issues.push({
          record,
          column: "rate_percent",
          value: record.ratePercent,
          reason: why,
          group: groupKey(first),
        });
    }
    return issues;
  },
  cells: (r) => [r.scale, r.memberState, r.periodStart, r.periodEnd, r.ratePercent],
};
