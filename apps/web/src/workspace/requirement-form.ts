// A budget line's stage row as its form holds it (text, as typed) and as the API reads it.
import type { RequirementStage } from "@coherence/funding-model";
import type { Codes } from "./hooks";
import { cell, decimalToLocale, localeAmountToDecimal, minorToDecimal, orNull } from "./common";

export { REQUIREMENT_STAGES as STAGES } from "@coherence/funding-model";
export type { RequirementStage as Stage } from "@coherence/funding-model";

export const REQUIREMENT_FIELDS = [
  "externalRef",
  "operation",
  "entity",
  "taskCode",
  "category",
  "stage",
  "periodStart",
  "periodEnd",
  "amount",
  "currency",
  "document",
] as const;
export type RequirementField = (typeof REQUIREMENT_FIELDS)[number];
export type RequirementForm = Record<RequirementField, string>;

/** A stored row as form text (codes from its ids), the amount in the user's notation. */
export function requirementFormOf(
  row: Record<string, unknown>,
  codes: Codes,
  intlLocale: string,
): RequirementForm {
  const s = (k: string) => cell(row[k]);
  const currency = s("currency");
  return {
    externalRef: s("external_ref"),
    operation: codes.op(Number(row.operation_id)) ?? "",
    entity: codes.org(Number(row.entity_id)),
    taskCode: s("task_code"),
    category: s("category"),
    stage: s("stage"),
    periodStart: s("period_start"),
    periodEnd: s("period_end"),
    amount: decimalToLocale(minorToDecimal(Number(row.amount), currency), intlLocale),
    currency,
    document: s("document"),
  };
}

export function blankRequirementForm(operation: string): RequirementForm {
  return {
    externalRef: "",
    operation,
    entity: "",
    taskCode: "",
    category: "",
    stage: "proposed",
    periodStart: "",
    periodEnd: "",
    amount: "",
    currency: "USD",
    document: "",
  };
}

/** The form as requirement.create / requirement.update read it. */
export function requirementInputOf(form: RequirementForm, intlLocale: string) {
  return {
    externalRef: form.externalRef.trim(),
    operation: form.operation.trim(),
    entity: form.entity.trim(),
    taskCode: orNull(form.taskCode),
    category: orNull(form.category),
    stage: form.stage as RequirementStage,
    periodStart: form.periodStart,
    periodEnd: form.periodEnd,
    amount: localeAmountToDecimal(form.amount, intlLocale),
    currency: form.currency.trim(),
    document: orNull(form.document),
  };
}

/** The form as its editor converts it. */
export const requirementFormText = {
  fields: REQUIREMENT_FIELDS,
  formOf: requirementFormOf,
  inputOf: requirementInputOf,
};
