// The same suite on SQLite and PostgreSQL: migrations, the demo seed, and the ledger reads.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  createFlow,
  findOperationByCode,
  findOrganizationByCode,
  loadOperationLedger,
  migrateToLatest,
  seedDemoIfEmpty,
} from "../src/index";
import type { Connection } from "../src/index";
import { ENGINES, freshDatabase } from "../src/testing";

describe.each(ENGINES)("ledger on %s", (engine) => {
  let connection: Connection;

  beforeAll(async () => {
    connection = await freshDatabase(engine, inject("pgUrl"));
  });
  afterAll(async () => {
    await connection.close();
  });

  it("runs on the engine it was asked for", () => {
    expect(connection.engine).toBe(engine);
  });

  it("is idempotent when migrated again", async () => {
    expect(await migrateToLatest(connection.db)).toEqual([]);
  });

  it("seeds the demo dataset once, and never over existing data", async () => {
    expect(await seedDemoIfEmpty(connection.db)).toBe(true);
    expect(await seedDemoIfEmpty(connection.db)).toBe(false);
    const operations = await connection.db.selectFrom("operations").select("code").execute();
    expect(operations).toEqual([{ code: "MINUSCA" }]);
  });

  it("reads the latest mandate's ranked tasks and the operation's records", async () => {
    const minusca = await findOperationByCode(connection.db, "MINUSCA");
    expect(minusca).toBeDefined();
    const ledger = await loadOperationLedger(connection.db, minusca!.id);
    expect(ledger.tasks.map((t) => [t.rank, t.code])).toEqual([
      [1, "CIV-PROTECT"],
      [2, "STATE-AUTH"],
      [3, "PEACE-PROC"],
      [4, "HUMANITARIAN"],
      [5, "UN-PROTECT"],
    ]);
    expect(ledger.requirements.length).toBeGreaterThan(0);
    expect(ledger.flows.every((f) => Number.isSafeInteger(f.amountUsdCents))).toBe(true);
  });

  it("stores a flow with its first status history entry, amounts exact past 2^32 cents", async () => {
    const minusca = await findOperationByCode(connection.db, "MINUSCA");
    const usa = await findOrganizationByCode(connection.db, "USA");
    const dpo = await findOrganizationByCode(connection.db, "UN-DPO");
    const amount = 98_765_432_101_23; // 98.7 billion USD in cents: needs 64-bit storage
    const flow = await createFlow(connection.db, {
      source_id: usa!.id,
      recipient_id: dpo!.id,
      operation_id: minusca!.id,
      task_code: "CIV-PROTECT",
      funding_type: "assessed",
      status: "committed",
      status_date: "2025-01-31",
      amount,
      currency: "USD",
      amount_usd_cents: amount,
      units_per_usd: "1",
      rate_origin: "identity",
      period_start: "2024-07-01",
      period_end: "2025-06-30",
      earmarking: null,
      category: null,
      notes: null,
      provenance: "test",
    });
    expect(flow.amount_usd_cents).toBe(amount);
    expect(flow.status_date).toBe("2025-01-31");
    const history = await connection.db
      .selectFrom("flow_status_history")
      .selectAll()
      .where("flow_id", "=", flow.id)
      .execute();
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ status: "committed", amount_usd_cents: amount });
  });

  it("refuses a negative amount at the database itself", async () => {
    const usa = await findOrganizationByCode(connection.db, "USA");
    await expect(
      connection.db
        .insertInto("flows")
        .values({
          source_id: usa!.id,
          recipient_id: usa!.id,
          operation_id: null,
          task_code: null,
          funding_type: "assessed",
          status: "paid",
          status_date: "2025-01-01",
          amount: -1,
          currency: "USD",
          amount_usd_cents: -1,
          units_per_usd: "1",
          rate_origin: "identity",
          period_start: "2025-01-01",
          period_end: "2025-01-01",
          earmarking: null,
          category: null,
          notes: null,
          provenance: "test",
        })
        .execute(),
    ).rejects.toThrow(/check/i);
  });
});
