// Deleting a budget line's stage row, asked twice: the row leaves the figures and keeps its
// history. Someone changed it since it was opened: the editor shows what it is now instead, and
// nothing is deleted unseen.
import { useMutation } from "@tanstack/react-query";
import { useLocation } from "wouter";
import { useLocale } from "../i18n/locale";
import { useTRPC } from "../trpc";
import { cell, errorInfo } from "./common";
import { ConfirmAction } from "./confirm-action";
import { useWs } from "./messages";
import type { RecordEditorContext } from "./record-editor";

export function RequirementDelete({
  editor,
  refusal,
  onRefusal,
}: {
  editor: RecordEditorContext<unknown, unknown>;
  /** Why the last delete was refused; the editor clears it when the form is saved. */
  refusal: string | null;
  onRefusal: (refusal: string | null) => void;
}) {
  const trpc = useTRPC();
  const w = useWs();
  const { locale } = useLocale();
  const [, navigate] = useLocation();
  const remove = useMutation(
    trpc.requirement.remove.mutationOptions({
      onSuccess: async () => {
        await editor.refresh();
        navigate("/workspace/requirements");
      },
      onError: (error) => {
        const info = errorInfo(error, locale);
        if (info.code === "CONFLICT" && info.conflictCurrent) {
          const current = info.conflictCurrent;
          editor.reset(current);
          onRefusal(w.deleteConflict(cell(current.updated_by)));
          void editor.refresh();
          return;
        }
        onRefusal(info.message);
      },
    }),
  );
  return (
    <ConfirmAction
      heading={w.deleteRequirementHeading}
      intro={w.deleteRequirementIntro}
      action={w.deleteRequirement}
      question={w.deleteRequirementConfirm(editor.ref)}
      yes={w.deleteRequirementYes}
      pending={remove.isPending}
      refusal={refusal}
      onAsk={() => {
        onRefusal(null);
      }}
      onConfirm={() => {
        remove.mutate({ id: editor.id, version: editor.baseVersion });
      }}
    />
  );
}
