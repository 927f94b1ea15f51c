// The fields of a budget line's stage row: shared by its editor and the "New budget line" form.
import { useId } from "react";
import { useLocale } from "../i18n/locale";
import type { FieldErrors } from "./common";
import { CodeList, useControls } from "./field";
import { useCodes, useTaskCodes } from "./hooks";
import { useWs } from "./messages";
import type { WsMessages } from "./messages";
import { STAGES } from "./requirement-form";
import type { RequirementField, RequirementForm } from "./requirement-form";

export function requirementLabels(w: WsMessages): Record<RequirementField, string> {
  return {
    externalRef: w.lineRef,
    operation: w.operation,
    entity: w.entity,
    taskCode: w.taskCode,
    category: w.category,
    stage: w.stage,
    periodStart: w.budgetPeriodStart,
    periodEnd: w.budgetPeriodEnd,
    amount: w.amount,
    currency: w.currency,
    document: w.document,
  };
}

export function RequirementFields({
  form,
  setField,
  errors,
  autoFocus = false,
}: {
  form: RequirementForm;
  setField: (key: RequirementField, value: string) => void;
  errors: FieldErrors;
  autoFocus?: boolean;
}) {
  const w = useWs();
  const { messages: m } = useLocale();
  const codes = useCodes();
  const tasks = useTaskCodes(form.operation);
  const orgList = useId();
  const taskList = useId();
  const c = useControls({ form, setField, errors, labels: requirementLabels(w) });
  return (
    <div className="ws-grid">
      <CodeList
        id={orgList}
        codes={codes.organizations
          .filter((o) => o.kind === "un_entity" || o.kind === "pooled_fund")
          .map((o) => ({ code: o.code, label: o.name }))}
      />
      <CodeList id={taskList} codes={tasks.map((t) => ({ code: t.code, label: t.title }))} />
      {c.text("externalRef", { autoFocus, hint: w.lineRefHint })}
      {c.select("operation", ["", ...codes.operations.map((o) => o.code)])}
      {c.text("entity", { list: orgList })}
      {c.text("taskCode", { list: taskList })}
      {c.select("stage", STAGES, m.statuses)}
      {c.date("periodStart")}
      {c.date("periodEnd")}
      {c.amount("amount")}
      {c.text("currency")}
      {c.text("category")}
      {c.text("document")}
    </div>
  );
}
