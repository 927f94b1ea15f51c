import {
  EARMARKING_LEVELS,
  FLOW_STATUSES,
  FUNDING_TYPES,
  formatAmount,
} from "@coherence/funding-model";
import type { SourceConversionRecord } from "../../records";
import { reason } from "../../reasons";
import { column } from "../spec";
import type { KindSpec } from "../spec";

/**
 * flows: `external_ref,source,recipient,operation,task_code,funding_type,status,amount,currency,
 * date,period_start,period_end,earmarking,category,notes[,amount_usd,units_per_usd]`; key:
 * external_ref. Empty task_code = not specified; empty operation = not tied to an operation;
 * empty period_* = the recipient's fiscal year containing `date`, filled by the importer.
 * `amount_usd` (+ optional `units_per_usd`) records a conversion made by the source system.
 */
export const flowsSpec: KindSpec<"flows"> = {
  kind: "flows",
  columns: [
    column("external_ref", "text"),
    column("source", "text"),
    column("recipient", "text"),
    column("operation", "text", true, true),
    column("task_code", "text", true, true),
    column("funding_type", "enum"),
    column("status", "enum"),
    column("amount", "amount"),
    column("currency", "enum"),
    column("date", "date"),
    column("period_start", "date", true, true),
    column("period_end", "date", true, true),
    column("earmarking", "enum", true, true),
    column("category", "text", true, true),
    column("notes", "text", true, true),
    column("amount_usd", "amount", false),
    column("units_per_usd", "decimal", false),
  ],
  parse(row) {
    const externalRef = row.code("external_ref");
    const source = row.code("source");
    const recipient = row.code("recipient");
    const operation = row.optionalCode("operation");
    const taskCode = row.optionalCode("task_code");
    const fundingType = row.enumOf("funding_type", FUNDING_TYPES);
    const status = row.enumOf("status", FLOW_STATUSES);
    const currency = row.currency("currency");
    const amountMinor = row.amount("amount", currency);
    const date = row.date("date");
    const periodStart = row.optionalDate("period_start");
    const periodEnd = row.optionalDate("period_end");
    if ((periodStart === null) !== (periodEnd === null))
      row.report(
        periodStart === null ? "period_start" : "period_end",
        "",
        reason("period_both_or_neither"),
      );
    row.checkRange("period_start", periodStart, "period_end", periodEnd);
    if (taskCode !== null && operation === null)
      row.report("task_code", row.raw("task_code"), reason("task_needs_operation"));
    const earmarking = row.optionalEnum("earmarking", EARMARKING_LEVELS);
    const category = row.optionalCode("category");
    const notes = row.optionalText("notes");
    let sourceConversion: SourceConversionRecord | null = null;
    if (row.raw("amount_usd").trim() !== "") {
      const amountUsdCents = row.amount("amount_usd", "USD");
      const unitsPerUsd =
        row.raw("units_per_usd").trim() === "" ? null : row.decimal("units_per_usd", true);
      if (amountUsdCents !== undefined && unitsPerUsd !== undefined)
        sourceConversion = { amountUsdCents, unitsPerUsd };
    } else if (row.raw("units_per_usd").trim() !== "")
      row.report("units_per_usd", row.raw("units_per_usd"), reason("given_without_amount_usd"));
    if (!row.ok) return null;
    return {
      line: row.line,
      externalRef: externalRef!,
      source: source!,
      recipient: recipient!,
      operation,
      taskCode,
      fundingType: fundingType!,
      status: status!,
      amountMinor: amountMinor!,
      currency: currency!,
      date: date!,
      periodStart: periodStart ?? null,
      periodEnd: periodEnd ?? null,
      earmarking: earmarking ?? null,
      category,
      notes,
      sourceConversion,
    };
  },
  key: (r) => r.externalRef,
  keyColumns: ["external_ref"],
  cells: (r) => [
    r.externalRef,
    r.source,
    r.recipient,
    r.operation ?? "",
    r.taskCode ?? "",
    r.fundingType,
    r.status,
    formatAmount(r.amountMinor, r.currency),
    r.currency,
    r.date,
    r.periodStart ?? "",
    r.periodEnd ?? "",
    r.earmarking ?? "",
    r.category ?? "",
    r.notes ?? "",
    r.sourceConversion ? formatAmount(r.sourceConversion.amountUsdCents, "USD") : "",
    r.sourceConversion?.unitsPerUsd ?? "",
  ],
};
