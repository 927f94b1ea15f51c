// "New budget line" on the budget-line table: one stage row typed from the keyboard, with the
// server's field errors; "add another" keeps operation, entity, stage, currency and period (the
// next task's line of the same budget).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale } from "../i18n/locale";
import { useTRPC } from "../trpc";
import { CreateRecordForm } from "./create-record";
import { useStartOperation } from "./hooks";
import { useWs } from "./messages";
import { RequirementFields } from "./requirement-fields";
import { blankRequirementForm, requirementInputOf } from "./requirement-form";

export function NewRequirement() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const w = useWs();
  const { messages: m, intlLocale } = useLocale();
  const start = useStartOperation();
  const create = useMutation(trpc.requirement.create.mutationOptions());
  return (
    <CreateRecordForm
      title={w.newRequirementTitle}
      back={{ href: "/workspace/requirements", label: w.backToRequirements }}
      initial={start === null ? null : blankRequirementForm(start)}
      keep={["operation", "entity", "stage", "currency", "periodStart", "periodEnd", "document"]}
      fields={(p) => <RequirementFields {...p} />}
      toInput={(form) => requirementInputOf(form, intlLocale)}
      create={create}
      afterCreate={async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.requirement.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.report.pathKey() });
      }}
      recordOf={(saved) => ({
        href: `/workspace/requirements/${saved.id}`,
        ref: `${saved.external_ref} (${m.statuses[saved.stage] ?? saved.stage})`,
      })}
      labels={{ create: w.createRequirement, created: w.requirementCreated, open: w.openFlow }}
    />
  );
}
