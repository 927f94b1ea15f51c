// "New contribution" on the contributions table: one contribution typed from the keyboard, with
// the server's field errors; "add another" keeps donor, recipient, type, currency and usage period.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale } from "../i18n/locale";
import { useTRPC } from "../trpc";
import { CreateRecordForm } from "./create-record";
import { FlowFields } from "./flow-fields";
import { blankFlowForm, flowInputOf } from "./flow-form";
import { useStartOperation } from "./hooks";
import { useWs } from "./messages";

export function NewFlow() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const w = useWs();
  const { intlLocale } = useLocale();
  const start = useStartOperation();
  const create = useMutation(trpc.flow.create.mutationOptions());
  return (
    <CreateRecordForm
      title={w.newFlowTitle}
      back={{ href: "/workspace", label: w.backToFlows }}
      initial={start === null ? null : blankFlowForm(start)}
      keep={[
        "operation",
        "source",
        "recipient",
        "fundingType",
        "currency",
        "periodStart",
        "periodEnd",
      ]}
      fields={(p) => <FlowFields {...p} />}
      toInput={(form) => flowInputOf(form, intlLocale)}
      create={create}
      afterCreate={async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.flow.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.report.pathKey() });
      }}
      recordOf={(saved) => ({
        href: `/workspace/flows/${saved.id}`,
        ref: saved.external_ref ?? `#${saved.id}`,
      })}
      labels={{ create: w.createFlow, created: w.flowCreated, open: w.openFlow }}
    />
  );
}
