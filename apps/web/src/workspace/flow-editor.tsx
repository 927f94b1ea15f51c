// One contribution's editor: a RecordEditor of flows, with the status progress (a later status,
// its date and amount) for users who may write, and the status history below.
import { Link } from "wouter";
import { canWrite } from "./common";
import { FlowFields, flowLabels } from "./flow-fields";
import { flowFormText } from "./flow-form";
import { FlowHistory } from "./flow-history";
import { FlowStatusAdvance } from "./flow-status-advance";
import { useWs } from "./messages";
import { RecordEditor } from "./record-editor";
import { recordEditorKind } from "./record-editor-kind";

const flowEditor = recordEditorKind({
  name: "flow",
  className: "flow-editor",
  router: (trpc) => trpc.flow,
  recordOf: (got) => got.flow,
  form: flowFormText,
  labels: flowLabels,
  Fields: FlowFields,
  ref: (f) => f.external_ref ?? `#${f.id}`,
  writable: (f, me) => canWrite(me, { operationId: f.operation_id, entityId: f.recipient_id }),
});

export function FlowEditor({ id }: { id: number }) {
  const w = useWs();
  return (
    <RecordEditor
      id={id}
      kind={flowEditor}
      labels={{
        back: { href: "/workspace", label: w.backToFlows },
        title: w.flowTitle,
        conflict: w.conflictHeading,
        form: { id: "edit-title", heading: w.editHeading },
      }}
      readOnly={() => <p className="note read-only-note">{w.notAssigned}</p>}
      actions={(editor) => <FlowStatusAdvance editor={editor} />}
      footer={(editor) => (
        <>
          <FlowHistory history={editor.got.history} />
          <p>
            <Link href={`/workspace/audit?table=flows&recordId=${id}`}>{w.auditForRecord}</Link>
          </p>
        </>
      )}
    />
  );
}
