// The fields of a contribution, in the order a finance officer reads them off a donor letter:
// shared by the editor and the "New contribution" form. Codes are suggested as they are typed.
import { useId } from "react";
import { useLocale } from "../i18n/locale";
import type { FieldErrors } from "./common";
import { CodeList, useControls } from "./field";
import { EARMARKING, FUNDING_TYPES, STATUSES } from "./flow-form";
import type { FlowField, FlowForm } from "./flow-form";
import { useCodes, useTaskCodes } from "./hooks";
import { useWs } from "./messages";
import type { WsMessages } from "./messages";

export function flowLabels(w: WsMessages): Record<FlowField, string> {
  return {
    externalRef: w.externalRef,
    source: w.source,
    recipient: w.recipient,
    operation: w.operation,
    taskCode: w.taskCode,
    fundingType: w.fundingType,
    status: w.status,
    date: w.date,
    amount: w.amount,
    currency: w.currency,
    periodStart: w.periodStart,
    periodEnd: w.periodEnd,
    earmarking: w.earmarking,
    category: w.category,
    notes: w.notes,
  };
}

export function FlowFields({
  form,
  setField,
  errors,
  autoFocus = false,
}: {
  form: FlowForm;
  setField: (key: FlowField, value: string) => void;
  errors: FieldErrors;
  autoFocus?: boolean;
}) {
  const w = useWs();
  const { messages: m } = useLocale();
  const codes = useCodes();
  const tasks = useTaskCodes(form.operation);
  const orgList = useId();
  const taskList = useId();
  const c = useControls({ form, setField, errors, labels: flowLabels(w) });
  return (
    <div className="ws-grid">
      <CodeList
        id={orgList}
        codes={codes.organizations.map((o) => ({ code: o.code, label: o.name }))}
      />
      <CodeList id={taskList} codes={tasks.map((t) => ({ code: t.code, label: t.title }))} />
      {c.text("externalRef", { autoFocus })}
      {c.text("source", { list: orgList })}
      {c.text("recipient", { list: orgList })}
      {c.select("operation", ["", ...codes.operations.map((o) => o.code)])}
      {c.text("taskCode", { list: taskList })}
      {c.select("fundingType", FUNDING_TYPES, m.fundingTypes)}
      {c.select("status", STATUSES, m.statuses)}
      {c.date("date")}
      {c.amount("amount")}
      {c.text("currency")}
      {c.date("periodStart")}
      {c.date("periodEnd")}
      {c.select("earmarking", ["", ...EARMARKING])}
      {c.text("category")}
      {c.text("notes")}
    </div>
  );
}
