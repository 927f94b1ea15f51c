// Error causes that the error formatter turns into structured data for the client.
import { TRPCError } from "@trpc/server";
import type { ApiMessage, MessageCode } from "./messages";

/** An input problem tied to one field, shown next to that field in the web app. */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
    /** The message's code and parameters, for the client's language. */
    readonly coded: MessageCode | null = null,
  ) {
    super(message);
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
