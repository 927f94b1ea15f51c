// Shared set-up for the API suites: a fresh database on each engine with the demo dataset
// (loaded through the importers), an operation without data, and one account per kind of
// caller the authorisation rules distinguish.
import type { Connection, Engine } from "@coherence/db";
import { freshDatabase } from "@coherence/db/testing";
import { loadDemoDataset } from "@coherence/imports";
import { LedgerCache } from "@coherence/reports";
import type { LedgerSource } from "@coherence/reports";
import { appRouter, createCallerFactory, hashPassword, loadPrincipal } from "../src/index";
import type { Context, Principal } from "../src/index";

export const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

export const CALLERS = ["anonymous", "reviewer", "financeOther", "financeOwn", "admin"] as const;
export type CallerKind = (typeof CALLERS)[number];

export const PASSWORD = "correct horse battery";

export interface Fixture {
  connection: Connection;
  principals: Record<CallerKind, Principal | null>;
  /** Cookies set and cleared through the context, per caller. */
  cookieLog: string[];
  caller(kind: CallerKind, options?: { client?: string; now?: () => Date }): Caller;
  context(
    principal: Principal | null,
    options?: { client?: string; now?: () => Date; sessionToken?: string; ledgers?: LedgerSource },
  ): Context;
  close(): Promise<void>;
}

async function addUser(
  connection: Connection,
  username: string,
  role: Principal["role"],
  operation: string | null,
) {
  const { db } = connection;
  const { id } = await db
    .insertInto("users")
    .values({ username, display_name: username, role, password_hash: await hashPassword(PASSWORD) })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (operation) {
    const op = await db
      .selectFrom("operations")
      .select("id")
      .where("code", "=", operation)
      .executeTakeFirstOrThrow();
    await db
      .insertInto("user_assignments")
      .values({ user_id: id, operation_id: op.id, entity_id: null })
      .execute();
  }
  const principal = await loadPrincipal(db, id, "session");
  if (!principal) throw new Error("user not loaded");
  return principal;
}

export async function createFixture(engine: Engine, pgUrl: string): Promise<Fixture> {
  const connection = await freshDatabase(engine, pgUrl);
  await loadDemoDataset(connection.db, "system:demo");
  await connection.db
    .insertInto("operations")
    .values({
      code: "MINURSO",
      name: "United Nations Mission for the Referendum in Western Sahara",
      country: "ESH",
    })
    .execute();
  const principals: Record<CallerKind, Principal | null> = {
    anonymous: null,
    reviewer: await addUser(connection, "t.reviewer", "reviewer", null),
    financeOther: await addUser(connection, "t.finance.unmiss", "finance_officer", "UNMISS"),
    financeOwn: await addUser(connection, "t.finance.minusca", "finance_officer", "MINUSCA"),
    admin: await addUser(connection, "t.admin", "admin", null),
  };
  const cookieLog: string[] = [];
  // As on the server: one cache of ledgers for the database, shared by every call, so every
  // suite that writes and then reads figures also checks that the cache never serves stale ones.
  // Queries read on the read connection (on SQLite a second, read-only one), as on the server.
  const ledgers = new LedgerCache(connection.readDb);
  const context: Fixture["context"] = (principal, options = {}) => ({
    db: connection.db,
    readDb: connection.readDb,
    engine,
    principal,
    client: options.client ?? "127.0.0.1",
    now: options.now ?? (() => new Date()),
    ledgers: options.ledgers ?? ledgers,
    cookies: {
      current: options.sessionToken ?? null,
      set: (token) => cookieLog.push(`set:${token}`),
      clear: () => cookieLog.push("clear"),
    },
  });
  return {
    connection,
    principals,
    cookieLog,
    context,
    caller: (kind, options) => createCaller(context(principals[kind], options)),
    close: () => connection.close(),
  };
}

/** Insert a MINUSCA flow directly (as a fixture for update/remove calls), or within a transaction. */
export async function insertFlow(
  connection: Pick<Connection, "db">,
  overrides: { deleted?: boolean; status?: "pledged" | "committed" | "paid" } = {},
) {
  const { db } = connection;
  const org = (code: string) =>
    db.selectFrom("organizations").select("id").where("code", "=", code).executeTakeFirstOrThrow();
  const op = await db
    .selectFrom("operations")
    .select("id")
    .where("code", "=", "MINUSCA")
    .executeTakeFirstOrThrow();
  return db
    .insertInto("flows")
    .values({
      source_id: (await org("NOR")).id,
      recipient_id: (await org("UNICEF")).id,
      operation_id: op.id,
      task_code: "CIV-PROTECT",
      funding_type: "voluntary_earmarked",
      status: overrides.status ?? "pledged",
      status_date: "2025-03-01",
      amount: 100_000_00,
      currency: "USD",
      amount_usd_cents: 100_000_00,
      units_per_usd: "1",
      rate_origin: "identity",
      period_start: "2025-01-01",
      period_end: "2025-12-31",
      earmarking: "earmarked",
      category: null,
      notes: null,
      provenance: "test",
      deleted_at: overrides.deleted ? new Date().toISOString() : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A valid flow input for MINUSCA. */
export const flowInput = {
  externalRef: null,
  source: "NOR",
  recipient: "UNICEF",
  operation: "MINUSCA",
  taskCode: "CIV-PROTECT",
  fundingType: "voluntary_earmarked",
  status: "paid",
  date: "2025-06-01",
  amount: "1234567.89",
  currency: "USD",
  periodStart: "2025-01-01",
  periodEnd: "2025-12-31",
  earmarking: "earmarked",
  category: null,
  notes: null,
} as const;
