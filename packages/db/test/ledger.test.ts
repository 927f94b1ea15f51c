// The same suite on SQLite and PostgreSQL: migrations, a minimal inline fixture, and how flows
// are stored. (The demo dataset is loaded through @coherence/imports, which db cannot depend on;
// reading the ledger for the figures is @coherence/reports', tested through the API.)
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  createFlow,
  findOperationByCode,
  findOrganizationByCode,
  migrateToLatest,
} from "../src/index";
import type { Connection, Database } from "../src/index";
import type { Kysely } from "kysely";
import { ENGINES, freshDatabase } from "../src/testing";

const TASKS = [
  { code: "CIV-PROTECT", title: "Protection of civilians", rank: 1 },
  { code: "STATE-AUTH", title: "Extension of State authority", rank: 2 },
  { code: "PEACE-PROC", title: "Support to the peace process", rank: 3 },
  { code: "HUMANITARIAN", title: "Humanitarian access", rank: 4 },
  { code: "UN-PROTECT", title: "Protection of UN personnel", rank: 5 },
];

/** Two organizations, MINUSCA with two mandate versions, one budget line and one flow. */
async function loadFixture(db: Kysely<Database>): Promise<void> {
  const org = (code: string, kind: "member_state" | "un_entity", month: number) =>
    db
      .insertInto("organizations")
      .values({
        code,
        name: code,
        kind,
        fiscal_year_start_month: month,
        currency: "USD",
        taxonomy: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
  const usa = await org("USA", "member_state", 10);
  const dpo = await org("UN-DPO", "un_entity", 7);
  const op = await db
    .insertInto("operations")
    .values({ code: "MINUSCA", name: "MINUSCA", country: "CAF" })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const [resolution, adopted] of [
    ["S/RES/2709 (2023)", "2023-11-14"],
    ["S/RES/2759 (2024)", "2024-11-14"],
  ] as const) {
    const mandate = await db
      .insertInto("mandates")
      .values({
        operation_id: op.id,
        resolution,
        adopted_on: adopted,
        period_start: adopted,
        period_end: `${Number(adopted.slice(0, 4)) + 1}-11-15`,
        military_ceiling: 14400,
        police_ceiling: 3020,
        superseded_by_id: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("priority_tasks")
      .values(TASKS.map((t) => ({ ...t, mandate_id: mandate.id })))
      .execute();
  }
  await db
    .insertInto("requirements")
    .values({
      external_ref: "MINUSCA-2024/25-POC",
      operation_id: op.id,
      entity_id: dpo.id,
      task_code: "CIV-PROTECT",
      category: null,
      period_start: "2024-07-01",
      period_end: "2025-06-30",
      stage: "appropriated",
      amount: 520_000_000_00,
      currency: "USD",
      amount_usd_cents: 520_000_000_00,
      units_per_usd: "1",
      rate_origin: "identity",
      document: null,
    })
    .execute();
  await createFlow(db, {
    external_ref: "FIXTURE-1",
    source_id: usa.id,
    recipient_id: dpo.id,
    operation_id: op.id,
    task_code: null,
    funding_type: "assessed",
    status: "paid",
    status_date: "2024-09-01",
    amount: 1_000_00,
    currency: "USD",
    amount_usd_cents: 1_000_00,
    units_per_usd: "1",
    rate_origin: "identity",
    period_start: "2024-07-01",
    period_end: "2025-06-30",
    earmarking: null,
    category: null,
    notes: null,
    provenance: "test",
  });
}

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

  it("stores the fixture", async () => {
    await loadFixture(connection.db);
    const operations = await connection.db.selectFrom("operations").select("code").execute();
    expect(operations).toEqual([{ code: "MINUSCA" }]);
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
