import { REQUIREMENT_STAGES, formatAmount } from "@coherence/funding-model";
import type { RequirementRecord } from "../../records";
import { reason } from "../../reasons";
import { column } from "../spec";
import type { GroupIssue, KindSpec } from "../spec";

/**
 * requirements: `external_ref,operation,entity,task_code,category,period_start,period_end,stage,
 * amount,currency,document` — one row per (external_ref, stage), the key. All stages of one
 * budget line must agree on operation, entity, task, category, period and currency.
 */
export const requirementsSpec: KindSpec<"requirements"> = {
  kind: "requirements",
  columns: [
    column("external_ref", "text"),
    column("operation", "text"),
    column("entity", "text"),
    column("task_code", "text", true, true),
    column("category", "text", true, true),
    column("period_start", "date"),
    column("period_end", "date"),
    column("stage", "enum"),
    column("amount", "amount"),
    column("currency", "enum"),
    column("document", "text", true, true),
  ],
  parse(row) {
    const externalRef = row.code("external_ref");
    const operation = row.code("operation");
    const entity = row.code("entity");
    const taskCode = row.optionalCode("task_code");
    const category = row.optionalCode("category");
    const periodStart = row.date("period_start");
    const periodEnd = row.date("period_end");
    row.checkRange("period_start", periodStart, "period_end", periodEnd);
    const stage = row.enumOf("stage", REQUIREMENT_STAGES);
    const currency = row.currency("currency");
    const amountMinor = row.amount("amount", currency);
    const document = row.optionalText("document");
    if (!row.ok) return null;
    return {
      line: row.line,
      externalRef: externalRef!,
      operation: operation!,
      entity: entity!,
      taskCode,
      category,
      periodStart: periodStart!,
      periodEnd: periodEnd!,
      stage: stage!,
      amountMinor: amountMinor!,
      currency: currency!,
      document,
    };
  },
  key: (r) => `${r.externalRef}\u0000${r.stage}`,
  keyColumns: ["external_ref", "stage"],
  checkAll(records) {
    const issues: GroupIssue<RequirementRecord>[] = [];
    const firstOfLine = new Map<string, RequirementRecord>();
    for (const r of records) {
      const first = firstOfLine.get(r.externalRef);
      if (!first) {
        firstOfLine.set(r.externalRef, r);
        continue;
      }
      const fields = [
        ["operation", r.operation, first.operation],
        ["entity", r.entity, first.entity],
        ["task_code", r.taskCode, first.taskCode],
        ["category", r.category, first.category],
        ["period_start", r.periodStart, first.periodStart],
        ["period_end", r.periodEnd, first.periodEnd],
        ["currency", r.currency, first.currency],
      ] as const;
      for (const [name, value, expected] of fields)
        if (value !== expected)
          issues.push({
            record: r,
            column: name,
            value: value ?? "",
            reason:
              expected === null
                ? reason("requirement_differs_empty", {
                    line: first.line,
                    stage: first.stage,
                    ref: r.externalRef,
                  })
                : reason("requirement_differs", {
                    line: first.line,
                    stage: first.stage,
                    ref: r.externalRef,
                    expected,
                  }),
          });
    }
    return issues;
  },
  cells: (r) => [
    r.externalRef,
    r.operation,
    r.entity,
    r.taskCode ?? "",
    r.category ?? "",
    r.periodStart,
    r.periodEnd,
    r.stage,
    formatAmount(r.amountMinor, r.currency),
    r.currency,
    r.document ?? "",
  ],
};
