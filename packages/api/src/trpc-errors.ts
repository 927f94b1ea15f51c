// Error causes that the error formatter turns into structured data for the client.
import { TRPCError } from "@trpc/server";
import type { ApiMessage, MessageCode } from "./messages";

/** One message in English with its code and parameters, for the client's language. */
export interface CodedText {
  text: string;
  coded: MessageCode;
}

/** A message as the formatter needs it: its English text beside its code and parameters. */
export function codedText(message: ApiMessage): CodedText {
  return { text: message.text, coded: { code: message.code, params: message.params } };
}

/** Input problems tied to one field, shown next to that field in the web app. */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    readonly messages: readonly CodedText[],
  ) {
    super(messages.map((m) => m.text).join("; "));
  }
}

/** Carries the current version of a record to the client that lost a concurrent write. */
export class ConflictDetails extends Error {
  constructor(
    readonly details: unknown,
    readonly coded: MessageCode | null = null,
  ) {
    super("conflict");
  }
}

/** The code and parameters of an error's whole message (a refusal, a conflict). */
export class CodedMessage extends Error {
  constructor(readonly coded: MessageCode) {
    super(coded.code ?? "message");
  }
}

/** A tRPC error whose message has a code and parameters for the client's language. */
export function codedError(code: TRPCError["code"], message: ApiMessage): TRPCError {
  return new TRPCError({
    code,
    message: message.text,
    cause: new CodedMessage({ code: message.code, params: message.params }),
  });
}

/**
 * A BAD_REQUEST whose messages belong to one input field, each coded (wordable in any language).
 * @example throw fieldError("taskCode", apiMessage("task_needs_operation"));
 */
export function fieldError(field: string, message: ApiMessage | readonly ApiMessage[]): TRPCError {
  const messages = (Array.isArray(message) ? message : [message]) as readonly ApiMessage[];
  const cause = new FieldError(field, messages.map(codedText));
  return new TRPCError({ code: "BAD_REQUEST", message: cause.message, cause });
}

/** A CONFLICT carrying the current record (or shares) and its coded message. */
export function conflictError(message: ApiMessage, details: unknown): TRPCError {
  return new TRPCError({
    code: "CONFLICT",
    message: message.text,
    cause: new ConflictDetails(details, { code: message.code, params: message.params }),
  });
}
