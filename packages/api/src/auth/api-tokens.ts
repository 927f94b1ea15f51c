import type { Kysely } from "kysely";
import type { Database } from "@coherence/db";
import { hashSecret, newSecret } from "./secrets";
import { writeLater } from "./write-later";

export const API_TOKEN_PREFIX = "coh_";

/** Issue a token; the plain value is returned once and never stored. */
export async function issueApiToken(
  db: Kysely<Database>,
  userId: number,
  name: string,
  now: Date,
  expiresAt: Date | null,
): Promise<{ id: number; token: string }> {
  const token = newSecret(API_TOKEN_PREFIX);
  const { id } = await db
    .insertInto("api_tokens")
    .values({
      user_id: userId,
      name,
      token_hash: hashSecret(token),
      created_at: now.toISOString(),
      expires_at: expiresAt?.toISOString() ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id, token };
}

/**
 * The user id behind a live, unrevoked token; null otherwise. Looked up on `readDb` (committed
 * tokens); its last use is recorded on `db` beside the request (see write-later.ts).
 */
export async function resolveApiToken(
  db: Kysely<Database>,
  token: string,
  now: Date,
  readDb: Kysely<Database> = db,
): Promise<number | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const row = await readDb
    .selectFrom("api_tokens")
    .select(["id", "user_id", "expires_at", "revoked_at"])
    .where("token_hash", "=", hashSecret(token))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null) return null;
  if (row.expires_at !== null && new Date(row.expires_at) <= now) return null;
  writeLater(db, `token:${row.id}`, (conn) =>
    conn
      .updateTable("api_tokens")
      .set({ last_used_at: now.toISOString() })
      .where("id", "=", row.id)
      .execute(),
  );
  return row.user_id;
}
