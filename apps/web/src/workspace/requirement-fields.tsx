// The fields of a budget line's stage row: shared by its editor and the "New budget line" form.
import { useLocale } from "../i18n/locale";
import { useWs } from "./messages";
import type { WsMessages } from "./messages";
import { RecordFields } from "./record-fields";
import type { RecordFieldsProps } from "./record-fields";
import { STAGES } from "./requirement-form";
import type { RequirementField } from "./requirement-form";

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
  autoFocus = false,
  ...props
}: RecordFieldsProps<RequirementField>) {
  const w = useWs();
  const { messages: m } = useLocale();
  return (
    <RecordFields
      {...props}
      labels={requirementLabels(w)}
      organizations={(o) => o.kind === "un_entity" || o.kind === "pooled_fund"}
    >
      {(c, shared) => (
        <>
          {c.text("externalRef", { autoFocus, hint: w.lineRefHint })}
          {shared.operation}
          {c.text("entity", { list: shared.organizationList })}
          {shared.taskCode}
          {c.select("stage", STAGES, m.statuses)}
          {shared.period}
          {shared.amount}
          {shared.category}
          {c.text("document")}
        </>
      )}
    </RecordFields>
  );
}
