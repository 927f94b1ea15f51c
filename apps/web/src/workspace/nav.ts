// The little the shell needs from the workspace (the rest loads with the workspace chunk).
import type { Me } from "../api-types";

export const workspaceNavLabel = { en: "Workspace", fr: "Espace de travail" } as const;

/** May the user write anything at all (shows the workspace entry point)? */
export function isWriter(me: Me | null | undefined): boolean {
  return (
    !!me && (me.role === "admin" || (me.role === "finance_officer" && me.assignments.length > 0))
  );
}
