// tRPC initialisation: the context every procedure receives, and the procedure builders that
// enforce sign-in and roles on the server for every call.
import type { TRPCError } from "@trpc/server";
import { initTRPC } from "@trpc/server";
import type { Kysely } from "kysely";
import superjson from "superjson";
import { ZodError, z } from "zod";
import type { Database, Engine } from "@coherence/db";
import type { LedgerSource } from "@coherence/reports";
import type { Principal } from "./auth/principal";
import { toTRPCError } from "./errors";
import { apiMessage, issueCode } from "./messages";
import type { MessageCode } from "./messages";
import {
  CodedMessage,
  ConflictDetails,
  FieldError,
  codedError,
  conflictError,
  fieldError,
} from "./trpc-errors";

export interface SessionCookies {
  set(token: string, expiresAt: Date): void;
  clear(): void;
  /** The session token the request came with, if any. */
  current: string | null;
}

export interface Context {
  /**
   * The write connection in a mutation; in a query, the read connection (`readDb`, see
   * baseProcedure).
   */
  db: Kysely<Database>;
  /**
   * Where queries read: on SQLite the server's second, read-only connection, which reads what
   * is committed while a long import holds the write connection (see @coherence/db's
   * `connect`). Absent, or `db` itself (PostgreSQL), queries read on `db`.
   */
  readDb?: Kysely<Database>;
  engine: Engine;
  principal: Principal | null;
  /** Client address, for sign-in throttling. */
  client: string;
  cookies: SessionCookies;
  now: () => Date;
  /** The session token or API token the request came with (an upload is tied to it). */
  credential?: string | null;
  /**
   * Where reports read ledgers and reconciliations: the server's LedgerCache (kept while the
   * data is unchanged); absent, every report reads and reconciles afresh.
   */
  ledgers?: LedgerSource;
}

/**
 * Extra fields on every error: field-level messages and, for CONFLICT, the other version; the
 * codes and parameters of the message and of each field message, for the client's language
 * (the English text stays in `message` and `fieldErrors`).
 */
export interface ErrorDetails {
  fieldErrors: Record<string, string[] | undefined> | null;
  fieldCodes: Record<string, MessageCode[]> | null;
  conflict: unknown;
  messageCode: MessageCode | null;
}

function fieldCodesOf(cause: unknown): Record<string, MessageCode[]> | null {
  if (cause instanceof FieldError) return { [cause.field]: cause.messages.map((m) => m.coded) };
  if (!(cause instanceof ZodError)) return null;
  const out: Record<string, MessageCode[]> = {};
  for (const issue of cause.issues) {
    // As z.flattenError keys them: the first path segment, form-level issues apart.
    const field = issue.path.length > 0 ? String(issue.path[0]) : null;
    if (field !== null) (out[field] ??= []).push(issueCode(issue));
  }
  return out;
}

/** The code of an error cause's whole message, if it has one. */
export function messageCodeOf(cause: unknown): MessageCode | null {
  if (cause instanceof CodedMessage) return cause.coded;
  if (cause instanceof ConflictDetails) return cause.coded;
  if (cause instanceof FieldError && cause.messages.length === 1) return cause.messages[0]!.coded;
  return null;
}

/**
 * The extra data of an error as the client receives it (see the error formatter): field messages,
 * their codes, the code of the whole message, and the current record of a CONFLICT.
 */
export function errorDetailsOf(error: TRPCError): ErrorDetails {
  const cause: unknown = error.cause;
  const fieldErrors =
    cause instanceof ZodError
      ? z.flattenError(cause).fieldErrors
      : cause instanceof FieldError
        ? { [cause.field]: cause.messages.map((m) => m.text) }
        : null;
  return {
    fieldErrors,
    fieldCodes: fieldCodesOf(cause),
    conflict: cause instanceof ConflictDetails ? cause.details : null,
    messageCode: messageCodeOf(cause),
  };
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    return { ...shape, data: { ...shape.data, ...errorDetailsOf(error) } };
  },
});

export { codedError, conflictError, fieldError };

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Every procedure starts here. A query reads on the read connection: queries never write, and
 * so never need to read their own writes, and they answer while a long import holds the write
 * connection. Known errors from below become typed tRPC errors, never 500s.
 */
const baseProcedure = t.procedure.use(async ({ ctx, type, next }) => {
  const result = await (type === "query" && ctx.readDb
    ? next({ ctx: { ...ctx, db: ctx.readDb } })
    : next());
  if (!result.ok) {
    const mapped = toTRPCError(result.error.cause ?? result.error);
    if (mapped && mapped !== result.error) throw mapped;
  }
  return result;
});

/** Anyone, signed in or not: sign-in itself and health checks only. */
export const publicProcedure = baseProcedure;

/** Any signed-in user (reviewers included): every read. */
export const protectedProcedure = baseProcedure.use(({ ctx, next }) => {
  if (!ctx.principal) throw codedError("UNAUTHORIZED", apiMessage("sign_in_first"));
  return next({ ctx: { ...ctx, principal: ctx.principal } });
});

/** Finance officers and admins; what a finance officer may touch is checked per record (scope.ts). */
export const writerProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.principal.role === "reviewer") {
    throw codedError("FORBIDDEN", apiMessage("reviewers_read_only"));
  }
  return next();
});

/** Admins only: users and reference data. */
export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.principal.role !== "admin") {
    throw codedError("FORBIDDEN", apiMessage("admin_only"));
  }
  return next();
});
