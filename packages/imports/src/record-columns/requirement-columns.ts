// A budget-line stage's stored columns from what a caller has: codes resolved, the amount read and
// converted at the rate in force on the first day of the line's period (BRIEF item 1). One
// implementation for the importers and the API's requirement.create/update.
import type { Requirement } from "@coherence/db";
import type { RequirementRecord } from "@coherence/interchange";
import { amountMinorOf } from "./amount-input";
import type { AmountInput } from "./amount-input";
import type { MayWrite, RecordReferences } from "./record-references";
import { isTaskOf, operationIdOf, organizationOf } from "./resolve-codes";
import { usdColumns } from "./usd-columns";

/** A budget-line stage as a parsed file (a RequirementRecord) or the API's input has it. */
export type RequirementInput = Pick<
  RequirementRecord,
  | "externalRef"
  | "operation"
  | "entity"
  | "taskCode"
  | "category"
  | "periodStart"
  | "periodEnd"
  | "stage"
  | "currency"
  | "document"
> &
  AmountInput;

/** The columns of a budget-line stage that come from its input. */
export type RequirementColumns = Pick<
  Requirement,
  | "external_ref"
  | "operation_id"
  | "entity_id"
  | "task_code"
  | "category"
  | "period_start"
  | "period_end"
  | "stage"
  | "amount"
  | "currency"
  | "amount_usd_cents"
  | "units_per_usd"
  | "rate_origin"
  | "document"
>;

/**
 * The stored columns of a budget-line stage, or undefined after reporting its problems to
 * `refs`: unknown operation or entity, a task outside the operation's mandates, then (if
 * `mayWrite` allows the scope) a bad amount or no rate in force on the period's first day.
 * @example
 * const columns = resolveRequirementColumns(refs, null, { ...input, amount: "1250.50" });
 * columns?.amount; // → 125050
 */
export function resolveRequirementColumns<At>(
  refs: RecordReferences<At>,
  at: At,
  input: RequirementInput,
  mayWrite?: MayWrite<At>,
): RequirementColumns | undefined {
  const operationId = operationIdOf(refs, at, input.operation);
  const entity = organizationOf(refs, at, "entity", input.entity);
  let resolved = operationId !== undefined && entity !== undefined;
  if (
    operationId !== undefined &&
    input.taskCode !== null &&
    !isTaskOf(refs, at, operationId, input.operation, input.taskCode)
  )
    resolved = false;
  if (!resolved || operationId === undefined || !entity) return undefined;
  if (mayWrite && !mayWrite(at, { operationId, entityId: entity.id })) return undefined;

  const amount = amountMinorOf(refs, at, input);
  if (amount === undefined) return undefined;
  const usd = usdColumns(refs, at, amount, input.currency, input.periodStart, null);
  if (!usd) return undefined;
  return {
    external_ref: input.externalRef,
    operation_id: operationId,
    entity_id: entity.id,
    task_code: input.taskCode,
    category: input.category,
    period_start: input.periodStart,
    period_end: input.periodEnd,
    stage: input.stage,
    amount,
    currency: input.currency,
    ...usd,
    document: input.document,
  };
}
