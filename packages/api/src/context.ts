// Builds a request's context from HTTP: the session cookie or an API token identifies the
// caller (looked up on the read connection, so that no request waits for a long import to
// commit); sign-in and sign-out set and clear the cookie (httpOnly, SameSite=Lax).
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
  /** The read connection (see Context.readDb); `db` itself on PostgreSQL. */
  readDb: Kysely<Database>;
  engine: Engine;
  req: IncomingMessage;
  res: ServerResponse;
  /** Add `Secure` to cookies (when served over HTTPS). */
  secureCookies: boolean;
  now?: () => Date;
  /** The server's LedgerCache, shared by every request (see Context.ledgers). */
  ledgers?: LedgerSource;
}

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
  const { db, readDb, engine, req, res, secureCookies } = options;
  const now = options.now ?? (() => new Date());
  const sessionToken = readCookie(req.headers.cookie, SESSION_COOKIE);
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1] ?? null;

  let principal = null;
  if (bearer) {
    const userId = await resolveApiToken(db, bearer, now(), readDb);
    principal = userId === null ? null : await loadPrincipal(readDb, userId, "token");
  } else if (sessionToken) {
    const userId = await resolveSession(db, sessionToken, now(), readDb);
    principal = userId === null ? null : await loadPrincipal(readDb, userId, "session");
  }

  return {
    db,
    readDb,
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
