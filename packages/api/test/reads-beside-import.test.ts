// Reads answer while an import's transaction holds the write connection: on SQLite a second,
// read-only connection serves every query and the caller's session lookup (PostgreSQL's pool
// always did). Through the HTTP context the server builds, with session cookies: a reviewer's
// report shows what is committed, the importer's progress poll answers, and a session's
// sliding expiry is written once the write connection is free.
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { writeAudit } from "@coherence/db";
import { ENGINES, answersWithin } from "@coherence/db/testing";
import { LedgerCache } from "@coherence/reports";
import { SESSION_COOKIE } from "../src/auth/policy";
import { createSession } from "../src/auth/sessions";
import { createHttpContext } from "../src/index";
import { createCaller, createFixture, insertFlow } from "./support";
import type { Caller, Fixture } from "./support";

const PERIOD = { kind: "calendar", year: 2025 } as const;
/** Long enough for a loaded machine; a read waiting for the transaction would never answer. */
const ANSWER_MS = 5000;

const imported = {
  fileName: "beside.csv",
  encoding: "text" as const,
  content:
    "external_ref,source,recipient,operation,task_code,funding_type,status,amount,currency,date,period_start,period_end,earmarking,category,notes\n" +
    "BESIDE-1,NOR,UNICEF,MINUSCA,CIV-PROTECT,voluntary_earmarked,pledged,250.00,USD,2025-03-01,2025-01-01,2025-12-31,,,\n",
};

describe.each(ENGINES)("reads beside an open import transaction on %s", (engine) => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await createFixture(engine, inject("pgUrl"));
  });
  afterAll(async () => {
    await fx.close();
  });

  it("answers a reviewer's report and an importer's progress poll, then sees the commit", async () => {
    const { db, readDb } = fx.connection;
    // As the server: one ledger cache on the read connection.
    const ledgers = new LedgerCache(readDb);
    const response = { appendHeader: () => undefined } as unknown as ServerResponse;
    /** A request's caller as the server builds it, from its session cookie. */
    const overHttp = async (token: string): Promise<Caller> =>
      createCaller(
        await createHttpContext({
          db,
          readDb,
          engine,
          req: {
            headers: { cookie: `${SESSION_COOKIE}=${token}` },
            socket: { remoteAddress: "127.0.0.1" },
          } as unknown as IncomingMessage,
          res: response,
          secureCookies: false,
          ledgers,
        }),
      );
    const minusca = async (caller: Caller) =>
      (await caller.report.portfolio({ period: PERIOD })).operations.find(
        (o) => o.code === "MINUSCA",
      )!.total;
    const before = await minusca(fx.caller("reviewer"));
    // The reviewer was last seen six minutes ago: their next request slides the session.
    const lastSeen = new Date(Date.now() - 6 * 60_000);
    const reviewer = await createSession(db, fx.principals.reviewer!.userId!, lastSeen);
    const officer = await createSession(db, fx.principals.financeOwn!.userId!, new Date());

    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let written!: () => void;
    const wrote = new Promise<void>((resolve) => {
      written = resolve;
    });
    // An import's write transaction, held open: a flow and its audit row, not yet committed.
    const holding = db.transaction().execute(async (trx) => {
      const flow = await insertFlow({ db: trx });
      await writeAudit(trx, {
        actor: "system:test",
        userId: null,
        action: "create",
        table: "flows",
        recordId: flow.id,
        before: null,
        after: flow,
      });
      written();
      await released;
    });
    let jobId = "";
    try {
      await wrote;
      ({ jobId } = await answersWithin(
        ANSWER_MS,
        overHttp(officer.token).then((caller) =>
          caller.import.start({ kind: "flows", files: [imported] }),
        ),
      ));
      const during = await answersWithin(ANSWER_MS, overHttp(reviewer.token).then(minusca));
      // Never the held transaction's flow. On SQLite the import waits for the write connection;
      // on PostgreSQL it runs in its own transaction and may have committed its 250.00 already.
      if (engine === "sqlite") expect(during).toEqual(before);
      else expect([before.pledged, before.pledged + 250_00]).toContain(during.pledged);
      const polled = await answersWithin(
        ANSWER_MS,
        overHttp(officer.token).then((caller) => caller.import.progress({ jobId })),
      );
      expect(polled.jobId).toBe(jobId);
      // On SQLite the job waits for the write connection; PostgreSQL may have run it already.
      if (engine === "sqlite") expect(polled).toMatchObject({ state: "running", rowsWritten: 0 });
    } finally {
      release();
      await holding;
    }

    const officerCaller = await overHttp(officer.token);
    await vi.waitFor(
      async () => {
        const done = await officerCaller.import.progress({ jobId });
        expect(done).toMatchObject({ state: "done", outcome: { committed: true } });
      },
      { timeout: 20_000, interval: 25 },
    );
    const after = await minusca(await overHttp(reviewer.token));
    expect(after.pledged).toBe(before.pledged + 100_000_00 + 250_00);
    await vi.waitFor(async () => {
      const session = await readDb
        .selectFrom("sessions")
        .select("last_seen_at")
        .where("user_id", "=", fx.principals.reviewer!.userId!)
        .executeTakeFirstOrThrow();
      expect(session.last_seen_at > lastSeen.toISOString()).toBe(true);
    });
  });
});
