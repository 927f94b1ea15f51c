import type { Kysely } from "kysely";
import type { Database } from "@coherence/db";
import { MAX_FAILURES_PER_CLIENT, MAX_FAILURES_PER_USERNAME, THROTTLE_WINDOW_MS } from "./policy";

/** True when recent failed sign-ins for this username or from this client pass the limits. */
export async function isThrottled(
  db: Kysely<Database>,
  username: string,
  client: string,
  now: Date,
): Promise<boolean> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  const count = async (column: "username" | "client", value: string) => {
    const row = await db
      .selectFrom("login_attempts")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where(column, "=", value)
      .where("succeeded", "=", 0)
      .where("at", ">", since)
      .executeTakeFirstOrThrow();
    return row.n;
  };
  return (
    (await count("username", username)) >= MAX_FAILURES_PER_USERNAME ||
    (await count("client", client)) >= MAX_FAILURES_PER_CLIENT
  );
}

export async function recordAttempt(
  db: Kysely<Database>,
  username: string,
  client: string,
  now: Date,
  succeeded: boolean,
): Promise<void> {
  await db
    .insertInto("login_attempts")
    .values({ username, client, at: now.toISOString(), succeeded: succeeded ? 1 : 0 })
    .execute();
}
