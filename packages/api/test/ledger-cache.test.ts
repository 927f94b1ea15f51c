// The server's cache of ledgers and reconciliations, on both engines: repeated reads of an
// unchanged operation read its ledger once; any committed change — through the API, or an
// import as the CLI makes it — is seen by the next read; and what is read while another
// transaction holds uncommitted changes is never kept.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { writeAudit } from "@coherence/db";
import { ENGINES } from "@coherence/db/testing";
import { runImport } from "@coherence/imports";
import { LedgerCache, uncachedLedgers } from "@coherence/reports";
import type { LedgerSource } from "@coherence/reports";
import { createCaller, createFixture, flowInput } from "./support";
import type { Caller, Fixture } from "./support";

const PK_2024 = { kind: "peacekeeping", year: 2024 } as const;
const CY_2025 = { kind: "calendar", year: 2025 } as const;

describe.each(ENGINES)("ledger cache on %s", (engine) => {
  let fx: Fixture;
  let reviewer: Caller;
  let officer: Caller;
  const calls = { ledgers: 0, reconciliations: 0 };
  beforeAll(async () => {
    fx = await createFixture(engine, inject("pgUrl"));
    const uncached = uncachedLedgers(fx.connection.db);
    const counting: LedgerSource = {
      ledger: (operationCode) => {
        calls.ledgers += 1;
        return uncached.ledger(operationCode);
      },
      reconciliation: (ledger, scheme) => {
        calls.reconciliations += 1;
        return uncached.reconciliation(ledger, scheme);
      },
    };
    const ledgers = new LedgerCache(fx.connection.db, { source: counting });
    reviewer = createCaller(fx.context(fx.principals.reviewer, { ledgers }));
    officer = createCaller(fx.context(fx.principals.financeOwn, { ledgers }));
  });
  afterAll(async () => {
    await fx.close();
  });

  const funded = async (taskCode: string) =>
    (await reviewer.report.operation({ operation: "MINUSCA", period: CY_2025 })).tasks.find(
      (t) => t.taskCode === taskCode,
    )!.figures.funded;

  it("reads an unchanged operation's ledger once and reconciles it once per period scheme", async () => {
    const first = await reviewer.report.operation({ operation: "MINUSCA", period: PK_2024 });
    expect(calls).toEqual({ ledgers: 1, reconciliations: 1 });
    expect(await reviewer.report.operation({ operation: "MINUSCA", period: PK_2024 })).toEqual(
      first,
    );
    // Other reports and years of the same scheme, and the timeline's requirement line (per
    // peacekeeping year), use the same reconciliation.
    await reviewer.report.operation({
      operation: "MINUSCA",
      period: { kind: "peacekeeping", year: 2023 },
    });
    await reviewer.report.drilldown({ operation: "MINUSCA", period: PK_2024, by: "donor" });
    await reviewer.report.execution({ operation: "MINUSCA", period: PK_2024 });
    const timeline = await reviewer.analytics.timeline({ operation: "MINUSCA" });
    expect(calls).toEqual({ ledgers: 1, reconciliations: 1 });
    expect(timeline.requirement.find((r) => r.periodStart === "2024-07-01")?.cents).toBe(
      first.total.requirement,
    );
    // A calendar year is another scheme: one more reconciliation, same ledger.
    await reviewer.report.operation({ operation: "MINUSCA", period: CY_2025 });
    expect(calls).toEqual({ ledgers: 1, reconciliations: 2 });
  });

  it("reads again after a write through the API, and serves the new figure", async () => {
    const before = await funded("PEACE-PROC");
    const loads = calls.ledgers;
    await officer.flow.create({
      ...flowInput,
      taskCode: "PEACE-PROC",
      amount: "1234.56",
      periodStart: "2025-01-01",
      periodEnd: "2025-12-31",
    });
    expect((await funded("PEACE-PROC")) - before).toBe(123_456);
    expect(calls.ledgers).toBe(loads + 1);
    await funded("PEACE-PROC");
    expect(calls.ledgers).toBe(loads + 1);
  });

  it("sees a change committed outside the API (an import, as the CLI makes it)", async () => {
    const before = await funded("STATE-AUTH");
    const csv =
      "external_ref,source,recipient,operation,task_code,funding_type,status,amount,currency,date,period_start,period_end,earmarking,category,notes\n" +
      "CACHE-CLI-1,NOR,UNDP,MINUSCA,STATE-AUTH,voluntary_earmarked,paid,500.00,USD,2025-03-01,2025-01-01,2025-12-31,earmarked,,\n";
    const outcome = await runImport(fx.connection.db, {
      kind: "flows",
      files: [{ fileName: "cache.csv", data: csv }],
      actor: "cli:test",
    });
    expect(outcome.committed).toBe(true);
    expect((await funded("STATE-AUTH")) - before).toBe(500_00);
  });

  it("drops the least recently used ledger beyond its memory budget", async () => {
    const loads: (string | undefined)[] = [];
    const uncached = uncachedLedgers(fx.connection.db);
    const small = new LedgerCache(fx.connection.db, {
      maxRecords: 1,
      source: {
        ...uncached,
        ledger: (op) => {
          loads.push(op);
          return uncached.ledger(op);
        },
      },
    });
    const read = (op: string) =>
      createCaller(fx.context(fx.principals.reviewer, { ledgers: small })).report.operation({
        operation: op,
        period: PK_2024,
      });
    await read("MINUSCA");
    await read("MINUSCA");
    await read("UNMISS");
    await read("MINUSCA");
    expect(loads).toEqual(["MINUSCA", "UNMISS", "MINUSCA"]);
  });

  // Only PostgreSQL lets a reader run beside an open write transaction (SQLite makes it wait).
  if (engine === "postgres")
    it("keeps nothing read while another transaction holds uncommitted changes", async () => {
      const before = await funded("HUMANITARIAN");
      const db = fx.connection.db;
      const insertFlow = async (trx: typeof db, ref: string, amount: number) => {
        const ids = await trx
          .selectFrom("organizations")
          .select(["id", "code"])
          .where("code", "in", ["NOR", "UNICEF"])
          .execute();
        const op = await trx
          .selectFrom("operations")
          .select("id")
          .where("code", "=", "MINUSCA")
          .executeTakeFirstOrThrow();
        const flow = await trx
          .insertInto("flows")
          .values({
            external_ref: ref,
            source_id: ids.find((o) => o.code === "NOR")!.id,
            recipient_id: ids.find((o) => o.code === "UNICEF")!.id,
            operation_id: op.id,
            task_code: "HUMANITARIAN",
            funding_type: "voluntary_earmarked",
            status: "paid",
            status_date: "2025-03-01",
            amount,
            currency: "USD",
            amount_usd_cents: amount,
            units_per_usd: "1",
            rate_origin: "identity",
            period_start: "2025-01-01",
            period_end: "2025-12-31",
            earmarking: null,
            category: null,
            notes: null,
            provenance: "test",
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await writeAudit(trx, {
          actor: "test",
          userId: null,
          action: "create",
          table: "flows",
          recordId: flow.id,
          before: null,
          after: flow,
        });
      };
      await db.transaction().execute(async (slow) => {
        // The slow writer draws a lower audit id than a quick one that commits first: the
        // highest committed id will not move when the slow one commits.
        await insertFlow(slow, "CACHE-SLOW", 300_00);
        await db.transaction().execute((quick) => insertFlow(quick, "CACHE-QUICK", 200_00));
        const loads = calls.ledgers;
        expect((await funded("HUMANITARIAN")) - before).toBe(200_00);
        expect((await funded("HUMANITARIAN")) - before).toBe(200_00);
        expect(calls.ledgers).toBe(loads + 2);
      });
      expect((await funded("HUMANITARIAN")) - before).toBe(500_00);
    });
});
