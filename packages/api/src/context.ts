// Builds a request's context from HTTP: the session cookie or an API token identifies the
// caller; sign-in and sign-out set and clear the cookie (httpOnly, SameSite=Lax).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Kysely } from "kysely";
import type { Database, Engine } from "@coherence/db";
import type { LedgerSource } from "@coherence/reports";
import { resolveApiToken } from "./auth/api-tokens";
import { SESSION_COOKIE } from "./auth/policy";
import { loadPrincipal } from "./auth/principal";
import { resolveSession } from "./auth/sessions";
import type { Context } from "./trpc";

export interface HttpContextOptions {
  db: Kysely<Database>;
  engine: Engine;
  req: IncomingMessage;
  res: ServerResponse;
  /** Add `Secure` to cookies (when served over HTTPS). */
  secureCookies: boolean;
  now?: () => Date;
  /** The procedures the request calls (tRPC's request info). */
  info?: { calls: readonly { path: string }[] };
  /** The server's LedgerCache, shared by every request (see Context.ledgers). */
  ledgers?: LedgerSource;
}

/**
 * Procedures that authenticate on their own, by the credential the request carries: a request
 * made of these alone skips the session lookup, so that it never waits for the database
 * (a long SQLite import holds its only connection until it commits).
 */
const WITHOUT_DATABASE = new Set(["import.progress"]);

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

function cookieHeader(value: string, expires: Date, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${encodeURIComponent(value)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Expires=${expires.toUTCString()}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

export async function createHttpContext(options: HttpContextOptions): Promise<Context> {
  const { db, engine, req, res, secureCookies } = options;
  const now = options.now ?? (() => new Date());
  const sessionToken = readCookie(req.headers.cookie, SESSION_COOKIE);
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1] ?? null;

  const calls = options.info?.calls ?? [];
  const skipLookup = calls.length > 0 && calls.every((c) => WITHOUT_DATABASE.has(c.path));
  let principal = null;
  if (skipLookup) {
    // The procedure checks the credential itself.
  } else if (bearer) {
    const userId = await resolveApiToken(db, bearer, now());
    principal = userId === null ? null : await loadPrincipal(db, userId, "token");
  } else if (sessionToken) {
    const userId = await resolveSession(db, sessionToken, now());
    principal = userId === null ? null : await loadPrincipal(db, userId, "session");
  }

  return {
    db,
    engine,
    principal,
    credential: bearer ?? sessionToken,
    client: req.socket.remoteAddress ?? "unknown",
    now,
    ...(options.ledgers ? { ledgers: options.ledgers } : {}),
    cookies: {
      current: sessionToken,
      set(token, expiresAt) {
        res.appendHeader("Set-Cookie", cookieHeader(token, expiresAt, secureCookies));
      },
      clear() {
        res.appendHeader("Set-Cookie", cookieHeader("", new Date(0), secureCookies));
      },
    },
  };
}
