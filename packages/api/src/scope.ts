// A finance officer writes only where one of their assignments covers the record: the
// assignment's operation (if set) is the record's operation, and its entity (if set) is the
// record's entity (a requirement's entity, a flow's recipient). Admins write everywhere.
import type { ApiMessage } from "./messages";
import { codedError } from "./trpc-errors";
import type { Principal } from "./auth/principal";

export interface RecordScope {
  operationId: number | null;
  entityId: number | null;
}

export function canWrite(principal: Principal, record: RecordScope): boolean {
  if (principal.role === "admin") return true;
  if (principal.role !== "finance_officer") return false;
  return principal.assignments.some(
    (a) =>
      (a.operationId === null || a.operationId === record.operationId) &&
      (a.entityId === null || a.entityId === record.entityId),
  );
}

/** Refuse (FORBIDDEN) a write outside the caller's assignments; `refusal` names the record's scope. */
export function assertCanWrite(
  principal: Principal,
  record: RecordScope,
  refusal: ApiMessage,
): void {
  if (!canWrite(principal, record)) throw codedError("FORBIDDEN", refusal);
}
