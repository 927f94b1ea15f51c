// The HTTP surface: tRPC under /trpc, the built web app everywhere else (with the SPA's
// index.html for client-side routes).
import { createServer } from "node:http";
import type { Server } from "node:http";
import { existsSync } from "node:fs";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import sirv from "sirv";
import type { Kysely } from "kysely";
import { appRouter, createHttpContext } from "@coherence/api";
import type { Database, Engine } from "@coherence/db";
import { LedgerCache } from "@coherence/reports";

export interface HttpOptions {
  db: Kysely<Database>;
  /** Where queries and the caller lookup read (see @coherence/db's `connect`). */
  readDb: Kysely<Database>;
  engine: Engine;
  /** Mark cookies Secure (when served behind HTTPS). */
  secureCookies: boolean;
  /** Folder of the built web app; when absent only the API is served. */
  webRoot: string | null;
}

const SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "X-Frame-Options": "DENY",
  "Content-Security-Policy":
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'",
};

export function createHttpServer({
  db,
  readDb,
  engine,
  secureCookies,
  webRoot,
}: HttpOptions): Server {
  // Ledgers and reconciliations kept while the data is unchanged (checked on every request, so
  // changes made by the CLI on the same database are seen at once). Read on the read
  // connection, as every report is: committed data only, which is what the cache keys on.
  const ledgers = new LedgerCache(readDb);
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    createContext: ({ req, res }) =>
      createHttpContext({ db, readDb, engine, req, res, secureCookies, ledgers }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        console.error(`tRPC ${path ?? "?"} failed:`, error);
      }
    },
  });
  const assets =
    webRoot && existsSync(webRoot)
      ? sirv(webRoot, { single: true, etag: true, gzip: false })
      : null;

  return createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const url = req.url ?? "/";
    if (url.startsWith("/trpc/")) {
      trpc(req, res);
      return;
    }
    if (url === "/healthz") {
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return;
    }
    if (assets) {
      assets(req, res, () => {
        res.writeHead(404).end("Not found");
      });
      return;
    }
    res
      .writeHead(404, { "content-type": "text/plain" })
      .end("The web app is not built: run npm start");
  });
}
