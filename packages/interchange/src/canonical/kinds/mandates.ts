import type { MandateTaskRecord } from "../../records";
import { reason } from "../../reasons";
import { column } from "../spec";
import type { GroupIssue, KindSpec } from "../spec";

const COUNTRY = /^[A-Z]{3}$/;

function mandateKey(r: MandateTaskRecord): string {
  return `${r.operation}\u0000${r.resolution}`;
}

/**
 * mandates: `operation,country,resolution,adopted_on,period_start,period_end,task_code,
 * task_title,rank[,military_ceiling,police_ceiling,operation_name]` — one row per priority task;
 * key: (operation, resolution, task_code). The rows of one mandate must agree on its dates and
 * ceilings, its ranks must be distinct, and an operation has one country.
 */
export const mandatesSpec: KindSpec<"mandates"> = {
  kind: "mandates",
  columns: [
    column("operation", "text"),
    column("country", "enum"),
    column("resolution", "text"),
    column("adopted_on", "date"),
    column("period_start", "date"),
    column("period_end", "date"),
    column("task_code", "text"),
    column("task_title", "text"),
    column("rank", "integer"),
    column("military_ceiling", "integer", false),
    column("police_ceiling", "integer", false),
    column("operation_name", "text", false),
  ],
  parse(row) {
    const operation = row.code("operation");
    const country = row.code("country");
    if (country !== undefined && !COUNTRY.test(country))
      row.report("country", row.raw("country"), reason("not_country_code"));
    const resolution = row.code("resolution");
    const adoptedOn = row.date("adopted_on");
    const periodStart = row.date("period_start");
    const periodEnd = row.date("period_end");
    row.checkRange("period_start", periodStart, "period_end", periodEnd);
    const taskCode = row.code("task_code");
    const taskTitle = row.text("task_title");
    const rank = row.integer("rank", 1, 1000);
    const militaryCeiling = row.optionalInteger("military_ceiling", 0, 1_000_000);
    const policeCeiling = row.optionalInteger("police_ceiling", 0, 1_000_000);
    const operationName = row.optionalText("operation_name");
    if (!row.ok) return null;
    return {
      line: row.line,
      operation: operation!,
      operationName,
      country: country!,
      resolution: resolution!,
      adoptedOn: adoptedOn!,
      periodStart: periodStart!,
      periodEnd: periodEnd!,
      taskCode: taskCode!,
      taskTitle: taskTitle!,
      rank: rank!,
      militaryCeiling: militaryCeiling ?? null,
      policeCeiling: policeCeiling ?? null,
    };
  },
  key: (r) => `${mandateKey(r)}\u0000${r.taskCode}`,
  keyColumns: ["operation", "resolution", "task_code"],
  checkAll(records) {
    const issues: GroupIssue<MandateTaskRecord>[] = [];
    const firstOfMandate = new Map<string, MandateTaskRecord>();
    const countryOf = new Map<string, MandateTaskRecord>();
    const ranks = new Map<string, MandateTaskRecord>();
    for (const r of records) {
      const first = firstOfMandate.get(mandateKey(r));
      if (!first) firstOfMandate.set(mandateKey(r), r);
      else {
        const fields = [
          ["adopted_on", r.adoptedOn, first.adoptedOn],
          ["period_start", r.periodStart, first.periodStart],
          ["period_end", r.periodEnd, first.periodEnd],
          ["military_ceiling", r.militaryCeiling, first.militaryCeiling],
          ["police_ceiling", r.policeCeiling, first.policeCeiling],
        ] as const;
        for (const [name, value, expected] of fields)
          if (value !== expected)
            issues.push({
              record: r,
              column: name,
              value: value === null ? "" : String(value),
              reason:
                expected === null
                  ? reason("mandate_differs_empty", { line: first.line })
                  : reason("mandate_differs", { line: first.line, expected }),
            });
      }
      const opFirst = countryOf.get(r.operation);
      if (!opFirst) countryOf.set(r.operation, r);
      else if (opFirst.country !== r.country)
        issues.push({
          record: r,
          column: "country",
          value: r.country,
          reason: reason("operation_other_country", {
            operation: r.operation,
            country: opFirst.country,
            line: opFirst.line,
          }),
        });
      const rankKey = `${mandateKey(r)}\u0000${r.rank}`;
      const sameRank = ranks.get(rankKey);
      if (!sameRank) ranks.set(rankKey, r);
      else
        issues.push({
          record: r,
          column: "rank",
          value: String(r.rank),
          reason: reason("rank_taken", {
            rank: r.rank,
            task: sameRank.taskCode,
            line: sameRank.line,
          }),
        });
    }
    return issues;
  },
  cells: (r) => [
    r.operation,
    r.country,
    r.resolution,
    r.adoptedOn,
    r.periodStart,
    r.periodEnd,
    r.taskCode,
    r.taskTitle,
    String(r.rank),
    r.militaryCeiling === null ? "" : String(r.militaryCeiling),
    r.policeCeiling === null ? "" : String(r.policeCeiling),
    r.operationName ?? "",
  ],
};
