// Per-row validation for pasted blocks: every problem of every row, by field, so the web app
// can mark each cell in place before anything is saved.
import { TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";
import { FieldError } from "./trpc-errors";

export type FieldErrors = Record<string, string[]>;

export interface RowResult {
  index: number;
  errors: FieldErrors;
}

/** The field errors an error carries (zod issues, a field error, or a message for the row). */
export function fieldErrorsOf(error: unknown): FieldErrors {
  if (error instanceof ZodError) {
    const flat = z.flattenError(error);
    const errors: FieldErrors = {};
    for (const [field, messages] of Object.entries(flat.fieldErrors)) {
      // zod types the values loosely for an unknown schema: they are lists of messages.
      const list = messages as string[] | undefined;
      if (list?.length) errors[field] = list;
    }
    if (flat.formErrors.length) errors._row = flat.formErrors;
    return errors;
  }
  if (error instanceof TRPCError) {
    const cause: unknown = error.cause;
    if (cause instanceof FieldError) return { [cause.field]: [cause.message] };
    if (cause instanceof ZodError) return fieldErrorsOf(cause);
    return { _row: [error.message] };
  }
  throw error;
}
