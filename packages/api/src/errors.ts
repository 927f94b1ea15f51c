// Turns errors from the layers below into tRPC errors the client can act on, so bad input
// never surfaces as a 500.
import { TRPCError } from "@trpc/server";
import { FundingModelError } from "@coherence/funding-model";
import { RecordNotFoundError, VersionConflictError } from "@coherence/db";
import { apiMessage } from "./messages";
import type { ApiMessage } from "./messages";
import { ConflictDetails, codedError } from "./trpc-errors";

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

export function toTRPCError(error: unknown): TRPCError | null {
  if (error instanceof TRPCError) return error;
  if (error instanceof VersionConflictError) {
    const changed = recordChanged(error.current);
    return new TRPCError({
      code: "CONFLICT",
      message: error.message,
      cause: new ConflictDetails(
        { current: error.current },
        { code: changed.code, params: changed.params },
      ),
    });
  }
  if (error instanceof RecordNotFoundError) {
    return new TRPCError({ code: "NOT_FOUND", message: error.message });
  }
  if (error instanceof FundingModelError) {
    return new TRPCError({ code: "BAD_REQUEST", message: error.message });
  }
  switch (databaseCode(error)) {
    case "SQLITE_CONSTRAINT_UNIQUE":
    case "SQLITE_CONSTRAINT_PRIMARYKEY":
    case "23505":
      return codedError("CONFLICT", apiMessage("same_key_exists"));
    case "SQLITE_CONSTRAINT_FOREIGNKEY":
    case "23503":
      return new TRPCError({
        code: "BAD_REQUEST",
        message: "The record refers to something that does not exist, or is still referred to",
      });
    case "SQLITE_CONSTRAINT_CHECK":
    case "23514":
      return new TRPCError({
        code: "BAD_REQUEST",
        message: "The value breaks a rule of the ledger (e.g. a negative amount)",
      });
    default:
      return null;
  }
}
