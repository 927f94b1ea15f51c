// The fields of a contribution, in the order a finance officer reads them off a donor letter:
// shared by the editor and the "New contribution" form. Codes are suggested as they are typed.
import { useLocale } from "../i18n/locale";
import { EARMARKING, FUNDING_TYPES, STATUSES } from "./flow-form";
import type { FlowField } from "./flow-form";
import { useWs } from "./messages";
import type { WsMessages } from "./messages";
import { RecordFields } from "./record-fields";
import type { RecordFieldsProps } from "./record-fields";

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

export function FlowFields({ autoFocus = false, ...props }: RecordFieldsProps<FlowField>) {
  const w = useWs();
  const { messages: m } = useLocale();
  return (
    <RecordFields {...props} labels={flowLabels(w)}>
      {(c, shared) => (
        <>
          {c.text("externalRef", { autoFocus })}
          {c.text("source", { list: shared.organizationList })}
          {c.text("recipient", { list: shared.organizationList })}
          {shared.operation}
          {shared.taskCode}
          {c.select("fundingType", FUNDING_TYPES, m.fundingTypes)}
          {c.select("status", STATUSES, m.statuses)}
          {c.date("date")}
          {shared.amount}
          {shared.period}
          {c.select("earmarking", ["", ...EARMARKING])}
          {shared.category}
          {c.text("notes")}
        </>
      )}
    </RecordFields>
  );
}
