// Turns errors from the layers below into tRPC errors the client can act on, so bad input
// never surfaces as a 500.
import { TRPCError } from "@trpc/server";
import { FundingModelError } from "@coherence/funding-model";
import { RecordNotFoundError, VersionConflictError } from "@coherence/db";
import { UnknownOperationError } from "@coherence/reports";
import { fundingModelMessage } from "./funding-model-messages";
import { apiMessage } from "./messages";
import type { ApiMessage } from "./messages";
import { codedError, conflictError } from "./trpc-errors";

/** "This record was changed by … at … (now version …)", coded. */
export function recordChanged(current: {
  updated_by: string | null;
  updated_at: string;
  version: number;
}): ApiMessage {
  return current.updated_by === null
    ? apiMessage("record_changed_unknown", { at: current.updated_at, version: current.version })
    : apiMessage("record_changed", {
        who: current.updated_by,
        at: current.updated_at,
        version: current.version,
      });
}

function databaseCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null || !("code" in error)) return null;
  const value = error.code;
  return typeof value === "string" ? value : null;
}

/** Errors from below as coded tRPC errors (null: not ours to map; it stays a 500). */
export function toTRPCError(error: unknown): TRPCError | null {
  if (error instanceof TRPCError) return error;
  if (error instanceof VersionConflictError)
    return conflictError(recordChanged(error.current), { current: error.current });
  if (error instanceof RecordNotFoundError)
    return codedError(
      "NOT_FOUND",
      apiMessage("record_not_found", { table: error.table, id: error.id }),
    );
  if (error instanceof UnknownOperationError)
    return codedError("NOT_FOUND", apiMessage("unknown_operation", { code: error.code }));
  if (error instanceof FundingModelError)
    return codedError("BAD_REQUEST", fundingModelMessage(error));
  switch (databaseCode(error)) {
    case "SQLITE_CONSTRAINT_UNIQUE":
    case "SQLITE_CONSTRAINT_PRIMARYKEY":
    case "23505":
      return codedError("CONFLICT", apiMessage("same_key_exists"));
    case "SQLITE_CONSTRAINT_FOREIGNKEY":
    case "23503":
      return codedError("BAD_REQUEST", apiMessage("record_referenced"));
    case "SQLITE_CONSTRAINT_CHECK":
    case "23514":
      return codedError("BAD_REQUEST", apiMessage("ledger_rule"));
    default:
      return null;
  }
}
