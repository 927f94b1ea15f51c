// The code checks a flow and a budget line share: each reports its problem to the caller's
// references and returns undefined (or false) when the code does not resolve.
import type { OrganizationRef, RecordReferences } from "./record-references";

/** The organization a code names, read from `column` (source, recipient, entity, ...). */
export function organizationOf<At, Org extends OrganizationRef>(
  refs: Pick<RecordReferences<At>, "reportProblem"> & {
    organizationByCode(code: string): Org | undefined;
  },
  at: At,
  column: string,
  code: string,
): Org | undefined {
  const organization = refs.organizationByCode(code);
  if (!organization)
    refs.reportProblem(at, { code: "unknown_organization", column, organization: code });
  return organization;
}

/** The id of the operation a code names. */
export function operationIdOf<At>(
  refs: RecordReferences<At>,
  at: At,
  code: string,
): number | undefined {
  const id = refs.operationIdByCode(code);
  if (id === undefined)
    refs.reportProblem(at, { code: "unknown_operation", column: "operation", operation: code });
  return id;
}

/** Whether the task is a priority task of one of the operation's mandates. */
export function isTaskOf<At>(
  refs: RecordReferences<At>,
  at: At,
  operationId: number,
  operationCode: string,
  taskCode: string,
): boolean {
  if (refs.hasTask(operationId, taskCode)) return true;
  refs.reportProblem(at, { code: "unknown_task", operation: operationCode, taskCode });
  return false;
}
