// A contribution as its form holds it (text, as typed) and as the API reads it: shared by the
// editor, the create form and the conflict view.
import type { Earmarking, FlowStatus, FundingType } from "@coherence/funding-model";
import type { Codes } from "./hooks";
import {
  cell,
  decimalToLocale,
  localeAmountToDecimal,
  minorToDecimal,
  orNull,
  today,
} from "./common";

// The domain's own lists (the order of statuses is the order a contribution moves in).
export {
  EARMARKING_LEVELS as EARMARKING,
  FLOW_STATUSES as STATUSES,
  FUNDING_TYPES,
} from "@coherence/funding-model";

export const FLOW_FIELDS = [
  "externalRef",
  "source",
  "recipient",
  "operation",
  "taskCode",
  "fundingType",
  "status",
  "date",
  "amount",
  "currency",
  "periodStart",
  "periodEnd",
  "earmarking",
  "category",
  "notes",
] as const;
export type FlowField = (typeof FLOW_FIELDS)[number];
export type FlowForm = Record<FlowField, string>;

/** A stored flow row as form text, the amount with the locale's decimal mark. */
export function flowFormOf(
  row: Record<string, unknown>,
  codes: Codes,
  intlLocale: string,
): FlowForm {
  const s = (k: string) => cell(row[k]);
  const currency = s("currency");
  return {
    externalRef: s("external_ref"),
    source: codes.org(Number(row.source_id)),
    recipient: codes.org(Number(row.recipient_id)),
    operation: codes.op(row.operation_id === null ? null : Number(row.operation_id)) ?? "",
    taskCode: s("task_code"),
    fundingType: s("funding_type"),
    status: s("status"),
    date: s("status_date"),
    amount: decimalToLocale(minorToDecimal(Number(row.amount), currency), intlLocale),
    currency,
    periodStart: s("period_start"),
    periodEnd: s("period_end"),
    earmarking: s("earmarking"),
    category: s("category"),
    notes: s("notes"),
  };
}

/** A new contribution's form: pledged today, in USD, for the given operation. */
export function blankFlowForm(operation: string): FlowForm {
  return {
    externalRef: "",
    source: "",
    recipient: "",
    operation,
    taskCode: "",
    fundingType: "voluntary_earmarked",
    status: "pledged",
    date: today(),
    amount: "",
    currency: "USD",
    periodStart: "",
    periodEnd: "",
    earmarking: "",
    category: "",
    notes: "",
  };
}

/** The form as flow.create / flow.update read it. */
export function flowInputOf(form: FlowForm, intlLocale: string) {
  return {
    externalRef: orNull(form.externalRef),
    source: form.source.trim(),
    recipient: form.recipient.trim(),
    operation: orNull(form.operation),
    taskCode: orNull(form.taskCode),
    fundingType: form.fundingType as FundingType,
    status: form.status as FlowStatus,
    date: form.date,
    amount: localeAmountToDecimal(form.amount, intlLocale),
    currency: form.currency.trim(),
    periodStart: form.periodStart,
    periodEnd: form.periodEnd,
    earmarking: orNull(form.earmarking) as Earmarking | null,
    category: orNull(form.category),
    notes: orNull(form.notes),
  };
}

/** The form as its editor converts it. */
export const flowFormText = { fields: FLOW_FIELDS, formOf: flowFormOf, inputOf: flowInputOf };
