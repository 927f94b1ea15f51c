// Per-row validation for pasted blocks: every problem of every row, by field, each with its code
// beside its English text, so the web app can mark each cell in place (in the user's language)
// before anything is saved.
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { issueCode } from "./messages";
import type { MessageCode } from "./messages";
import { messageCodeOf } from "./trpc";
import { FieldError } from "./trpc-errors";

export type FieldErrors = Record<string, string[]>;
export type FieldCodes = Record<string, MessageCode[]>;

export interface RowResult {
  index: number;
  /** English messages by field; `_row` for a message about the whole row. */
  errors: FieldErrors;
  /** The code and parameters of each message, in the same places. */
  codes: FieldCodes;
}

export type RowProblems = Pick<RowResult, "errors" | "codes">;

function add(into: RowProblems, field: string, text: string, coded: MessageCode): void {
  (into.errors[field] ??= []).push(text);
  (into.codes[field] ??= []).push(coded);
}

/** The problems an error carries, by field (zod issues, a field error, or a refusal of the row). */
export function rowProblemsOf(error: unknown): RowProblems {
  const out: RowProblems = { errors: {}, codes: {} };
  if (error instanceof ZodError) {
    // As z.flattenError keys them: the first path segment, form-level issues under `_row`.
    for (const issue of error.issues)
      add(
        out,
        issue.path.length > 0 ? String(issue.path[0]) : "_row",
        issue.message,
        issueCode(issue),
      );
    return out;
  }
  if (error instanceof TRPCError) {
    const cause: unknown = error.cause;
    if (cause instanceof FieldError) {
      for (const m of cause.messages) add(out, cause.field, m.text, m.coded);
      return out;
    }
    if (cause instanceof ZodError) return rowProblemsOf(cause);
    add(out, "_row", error.message, messageCodeOf(cause) ?? { code: null, params: {} });
    return out;
  }
  throw error;
}
