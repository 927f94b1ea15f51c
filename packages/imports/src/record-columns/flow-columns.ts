// A flow's stored columns from what a caller has: codes resolved, the empty usage period filled
// with the recipient's fiscal year, the amount read and converted. One implementation for the
// importers (every file kind) and the API's flow.create/update/createMany.
import type { Flow } from "@coherence/db";
import type { FlowRecord, SourceConversionRecord } from "@coherence/interchange";
import { amountMinorOf } from "./amount-input";
import type { AmountInput } from "./amount-input";
import type { MayWrite, RecordReferences } from "./record-references";
import { isTaskOf, operationIdOf, organizationOf } from "./resolve-codes";
import { usdColumns } from "./usd-columns";

/** A flow as a parsed file (a FlowRecord) or the API's input has it. */
export type FlowInput = Pick<
  FlowRecord,
  | "source"
  | "recipient"
  | "operation"
  | "taskCode"
  | "fundingType"
  | "status"
  | "currency"
  | "date"
  | "periodStart"
  | "periodEnd"
  | "earmarking"
  | "category"
  | "notes"
> &
  AmountInput & {
    externalRef: string | null;
    /** The source system's own conversion (FTS), kept as given; absent or null: convert here. */
    sourceConversion?: SourceConversionRecord | null;
  };

type StoredFlowColumn =
  | "source_id"
  | "recipient_id"
  | "operation_id"
  | "task_code"
  | "funding_type"
  | "status"
  | "status_date"
  | "amount"
  | "currency"
  | "amount_usd_cents"
  | "units_per_usd"
  | "rate_origin"
  | "period_start"
  | "period_end"
  | "earmarking"
  | "category"
  | "notes";

/** The columns of a flow that come from its input (`external_ref` typed as the input's). */
export type FlowColumns<Ref extends string | null = string | null> = {
  external_ref: Ref;
} & Pick<Flow, StoredFlowColumn>;

/**
 * The stored columns of a flow, or undefined after reporting its problems to `refs`: unknown
 * source, recipient or operation, a task outside the operation's mandates or without an operation,
 * then (if `mayWrite` allows the scope) a bad amount or no rate in force on the flow's date.
 * @example
 * const columns = resolveFlowColumns(ctx, row, row.record); // an import's row
 * columns?.amount_usd_cents; // → the amount at the rate in force on row.record.date
 */
export function resolveFlowColumns<At, In extends FlowInput>(
  refs: RecordReferences<At>,
  at: At,
  input: In,
  mayWrite?: MayWrite<At>,
): FlowColumns<In["externalRef"]> | undefined {
  const source = organizationOf(refs, at, "source", input.source);
  const recipient = organizationOf(refs, at, "recipient", input.recipient);
  let resolved = source !== undefined && recipient !== undefined;
  let operationId: number | null = null;
  if (input.operation !== null) {
    const id = operationIdOf(refs, at, input.operation);
    if (id === undefined) resolved = false;
    else {
      operationId = id;
      if (input.taskCode !== null && !isTaskOf(refs, at, id, input.operation, input.taskCode))
        resolved = false;
    }
  } else if (input.taskCode !== null) {
    refs.reportProblem(at, { code: "task_without_operation", taskCode: input.taskCode });
    resolved = false;
  }
  if (!resolved || !source || !recipient) return undefined;
  if (mayWrite && !mayWrite(at, { operationId, entityId: recipient.id })) return undefined;

  let periodStart = input.periodStart;
  let periodEnd = input.periodEnd;
  if (periodStart === null || periodEnd === null) {
    const year = refs.fiscalYear(input.date, recipient.fiscal_year_start_month);
    periodStart = year.from;
    periodEnd = year.to;
  }
  const amount = amountMinorOf(refs, at, input);
  if (amount === undefined) return undefined;
  const usd = usdColumns(
    refs,
    at,
    amount,
    input.currency,
    input.date,
    input.sourceConversion ?? null,
  );
  if (!usd) return undefined;
  return {
    external_ref: input.externalRef,
    source_id: source.id,
    recipient_id: recipient.id,
    operation_id: operationId,
    task_code: input.taskCode,
    funding_type: input.fundingType,
    status: input.status,
    status_date: input.date,
    amount,
    currency: input.currency,
    ...usd,
    period_start: periodStart,
    period_end: periodEnd,
    earmarking: input.earmarking,
    category: input.category,
    notes: input.notes,
  };
}
