import type { Kysely } from "kysely";
import type { Database } from "@coherence/db";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SESSION_TOUCH_MS } from "./policy";
import { hashSecret, newSecret } from "./secrets";
import { writeLater } from "./write-later";

export interface NewSession {
  token: string;
  expiresAt: Date;
}

export async function createSession(
  db: Kysely<Database>,
  userId: number,
  now: Date,
): Promise<NewSession> {
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
  await db
    .insertInto("sessions")
    .values({
      id_hash: hashSecret(token),
      user_id: userId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
    })
    .execute();
  return { token, expiresAt };
}

/**
 * The user id behind a live session token, sliding its idle expiry; null when unknown or
 * expired. Looked up on `readDb` (committed sessions); the expiry slides, and an expired
 * session is removed, on `db` beside the request (see write-later.ts).
 */
export async function resolveSession(
  db: Kysely<Database>,
  token: string,
  now: Date,
  readDb: Kysely<Database> = db,
): Promise<number | null> {
  const idHash = hashSecret(token);
  const session = await readDb
    .selectFrom("sessions")
    .selectAll()
    .where("id_hash", "=", idHash)
    .executeTakeFirst();
  if (!session) return null;
  const key = `session:${idHash}`;
  if (new Date(session.expires_at) <= now) {
    writeLater(db, key, (conn) =>
      conn.deleteFrom("sessions").where("id_hash", "=", idHash).execute(),
    );
    return null;
  }
  if (now.getTime() - new Date(session.last_seen_at).getTime() > SESSION_TOUCH_MS) {
    const absoluteEnd = new Date(session.created_at).getTime() + SESSION_ABSOLUTE_MS;
    const expiresAt = new Date(Math.min(absoluteEnd, now.getTime() + SESSION_IDLE_MS));
    writeLater(db, key, (conn) =>
      conn
        .updateTable("sessions")
        .set({ last_seen_at: now.toISOString(), expires_at: expiresAt.toISOString() })
        .where("id_hash", "=", idHash)
        .execute(),
    );
  }
  return session.user_id;
}

export async function endSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom("sessions").where("id_hash", "=", hashSecret(token)).execute();
}
