// One line under each workspace view's title: what the signed-in user may change.
import { useCodes, useMe } from "./hooks";
import { useWs } from "./messages";

export function ScopeNote() {
  const w = useWs();
  const me = useMe();
  const codes = useCodes();
  if (!me) return null;
  let text: string;
  if (me.role === "admin") text = w.scopeEverything;
  else if (me.role !== "finance_officer" || me.assignments.length === 0) text = w.scopeNothing;
  else
    text = w.yourScope(
      me.assignments
        .map((a) => [codes.op(a.operationId), a.entityId === null ? null : codes.org(a.entityId)])
        .map(([o, e]) => [o, e].filter(Boolean).join(" / "))
        .join(", "),
    );
  return <p className="note scope-note">{text}</p>;
}
