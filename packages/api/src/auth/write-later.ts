// A credential's bookkeeping — a session's sliding expiry, an API token's last use, an expired
// session's removal — is written beside the request, never before its answer: on SQLite the
// write connection may be held by a long import for minutes, and a read must not wait behind
// it. Writes to the same record that queue up meanwhile are merged (the newest wins), so a
// script polling through a long import leaves one write behind, not one per request.
import type { Kysely } from "kysely";
import type { Database } from "@coherence/db";

type Write = (db: Kysely<Database>) => Promise<unknown>;

/** Per database: the newest write of each record still waiting for the connection. */
const waiting = new WeakMap<Kysely<Database>, Map<string, Write>>();

/**
 * Run `write` on `db` once the connection is free, without waiting for it; if another write
 * for `key` is still waiting, it is replaced by this one. A failure is logged: the request
 * that asked for it has its answer already.
 *
 * @example
 * writeLater(db, `session:${idHash}`, (conn) =>
 *   conn.updateTable("sessions").set({ last_seen_at: now }).where("id_hash", "=", idHash).execute());
 */
export function writeLater(db: Kysely<Database>, key: string, write: Write): void {
  let pending = waiting.get(db);
  if (!pending) {
    pending = new Map();
    waiting.set(db, pending);
  }
  const queued = pending.has(key);
  pending.set(key, write);
  if (queued) return;
  const writes = pending;
  let taken = false;
  db.connection()
    .execute(async (conn) => {
      // The newest write for the record, taken once the connection is ours.
      taken = true;
      const newest = writes.get(key);
      writes.delete(key);
      await newest?.(conn);
    })
    .catch((error: unknown) => {
      if (!taken) writes.delete(key);
      console.error(`credential bookkeeping (${key}) failed`, error);
    });
}
