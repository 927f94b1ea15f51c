// One budget-line stage row's editor: a RecordEditor of requirements, with delete for users who
// may write (a deleted row is shown, never edited), and links to its audit trail and to the
// budget line it belongs to.
import { useState } from "react";
import { Link } from "wouter";
import { canWrite } from "./common";
import { useWs } from "./messages";
import { RecordEditor } from "./record-editor";
import { recordEditorKind } from "./record-editor-kind";
import { RequirementDelete } from "./requirement-delete";
import { RequirementFields, requirementLabels } from "./requirement-fields";
import { requirementFormText } from "./requirement-form";

const requirementEditor = recordEditorKind({
  name: "requirement",
  className: "record-editor requirement-editor",
  router: (trpc) => trpc.requirement,
  recordOf: (got) => got,
  form: requirementFormText,
  labels: requirementLabels,
  Fields: RequirementFields,
  ref: (r, m) => `${r.external_ref} (${m.statuses[r.stage] ?? r.stage})`,
  // A deleted row is shown, never edited.
  writable: (r, me) =>
    r.deleted_at === null && canWrite(me, { operationId: r.operation_id, entityId: r.entity_id }),
});

export function RequirementEditor({ id }: { id: number }) {
  const w = useWs();
  // A refused delete says why until the user asks again or saves the form.
  const [deleteRefused, setDeleteRefused] = useState<string | null>(null);
  return (
    <RecordEditor
      id={id}
      kind={requirementEditor}
      onSubmit={() => {
        setDeleteRefused(null);
      }}
      labels={{
        back: { href: "/workspace/requirements", label: w.backToRequirements },
        title: w.requirementTitle,
        conflict: w.requirementConflictHeading,
        form: { id: "edit-requirement", heading: w.editRequirementHeading },
      }}
      notice={(r) => r.deleted_at !== null && <p className="note">{w.requirementDeleted}</p>}
      actions={(editor) => (
        <RequirementDelete editor={editor} refusal={deleteRefused} onRefusal={setDeleteRefused} />
      )}
      readOnly={(r) =>
        r.deleted_at === null && <p className="note read-only-note">{w.requirementNotAssigned}</p>
      }
      footer={(editor) => (
        <p>
          <Link href={`/workspace/audit?table=requirements&recordId=${id}`}>
            {w.auditForRequirement}
          </Link>{" "}
          ·{" "}
          <Link href={`/records/budget/${encodeURIComponent(editor.record.external_ref)}`}>
            {w.seeBudgetLine}
          </Link>
        </p>
      )}
    />
  );
}
