// What the workspace's editors rely on: the budget-line table's totals equal the reports'
// figures, one budget line read by id, taxonomies with the entities that use them, and a
// crosswalk save refused with the current shares when someone changed them since.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ENGINES } from "@coherence/db/testing";
import { hashPassword, loadPrincipal } from "../src/index";
import { createCaller, createFixture } from "./support";
import type { Caller, Fixture } from "./support";

const PK2025 = { kind: "peacekeeping", year: 2025 } as const;

const line = (ref: string, overrides: Record<string, unknown> = {}) => ({
  externalRef: ref,
  operation: "MINUSCA",
  entity: "UN-DPO",
  taskCode: "STATE-AUTH",
  category: null,
  periodStart: "2025-07-01",
  periodEnd: "2026-06-30",
  stage: "proposed" as const,
  amount: "1250000.50",
  currency: "USD",
  document: null,
  ...overrides,
});

/** A finance officer whose assignments are given as [operation, entity] codes. */
async function officer(fx: Fixture, username: string, scopes: [string | null, string | null][]) {
  const db = fx.connection.db;
  const { id } = await db
    .insertInto("users")
    .values({
      username,
      display_name: username,
      role: "finance_officer",
      password_hash: await hashPassword("irrelevant password"),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const [operation, entity] of scopes) {
    const op = operation
      ? await db
          .selectFrom("operations")
          .select("id")
          .where("code", "=", operation)
          .executeTakeFirst()
      : null;
    const org = entity
      ? await db
          .selectFrom("organizations")
          .select("id")
          .where("code", "=", entity)
          .executeTakeFirst()
      : null;
    await db
      .insertInto("user_assignments")
      .values({ user_id: id, operation_id: op?.id ?? null, entity_id: org?.id ?? null })
      .execute();
  }
  return createCaller(fx.context(await loadPrincipal(db, id, "session")));
}

describe.each(ENGINES)("workspace editors' API on %s", (engine) => {
  let fx: Fixture;
  let own: Caller;
  beforeAll(async () => {
    fx = await createFixture(engine, inject("pgUrl"));
    own = fx.caller("financeOwn");
  });
  afterAll(async () => {
    await fx.close();
  });

  it("totals the budget lines of a period exactly as report.operation counts them", async () => {
    const report = async (filter = {}) =>
      (await own.report.operation({ operation: "MINUSCA", period: PK2025, filter })).total;
    const listed = async (extra = {}) =>
      own.requirement.list({ operation: "MINUSCA", period: PK2025, limit: 1, ...extra });

    const before = await listed();
    expect(before.reportTotals).not.toBeNull();
    expect(before.reportTotals!.period).toEqual({
      label: "2025/26",
      from: "2025-07-01",
      to: "2026-06-30",
    });
    expect(before.reportTotals!.requirement).toBe((await report()).requirement);
    expect(before.reportTotals!.expended).toBe((await report()).expended);
    const dpo = await listed({ entity: "UN-DPO" });
    expect(dpo.reportTotals!.requirement).toBe(
      (await report({ entityCode: "UN-DPO" })).requirement,
    );

    // A new line moves the table's total and the report's by exactly its amount.
    await own.requirement.create(line("EDITORS-TOTALS-1"));
    const after = await listed();
    expect(after.reportTotals!.requirement - before.reportTotals!.requirement).toBe(125_000_050);
    expect(after.reportTotals!.requirement).toBe((await report()).requirement);
    expect(after.total).toBe(before.total + 1);
    expect(after.totalUsdCents - before.totalUsdCents).toBe(125_000_050);

    // A higher stage of the same line replaces it in the requirement (not added to it).
    await own.requirement.create(
      line("EDITORS-TOTALS-1", { stage: "appropriated", amount: "1000000.00" }),
    );
    const appropriated = await listed();
    expect(appropriated.reportTotals!.requirement - before.reportTotals!.requirement).toBe(
      100_000_000,
    );
    expect(appropriated.reportTotals!.requirement).toBe((await report()).requirement);
    // The stage filter narrows the rows, not the report's figures.
    const proposedOnly = await listed({ stage: "proposed" });
    expect(proposedOnly.reportTotals).toEqual(appropriated.reportTotals);
  });

  it("lists only rows overlapping the period, sorted and searched as asked", async () => {
    const all = await own.requirement.list({ operation: "MINUSCA", period: PK2025, limit: 500 });
    expect(all.items.length).toBeGreaterThan(0);
    for (const r of all.items) {
      expect(r.period_start <= "2026-06-30" && r.period_end >= "2025-07-01").toBe(true);
    }
    const byAmount = await own.requirement.list({
      operation: "MINUSCA",
      sort: "amount_usd_cents",
      direction: "desc",
      limit: 500,
    });
    const amounts = byAmount.items.map((r) => r.amount_usd_cents);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    const found = await own.requirement.list({ search: "EDITORS-TOTALS" });
    expect(found.items.map((r) => r.external_ref)).toEqual([
      "EDITORS-TOTALS-1",
      "EDITORS-TOTALS-1",
    ]);
    // Without a period there is no report figure to show.
    expect((await own.requirement.list({ operation: "MINUSCA" })).reportTotals).toBeNull();
  });

  it("reads one budget-line row by id with its codes, and says NOT_FOUND for another", async () => {
    const created = await own.requirement.create(line("EDITORS-GET-1"));
    const row = await fx.caller("reviewer").requirement.get({ id: created.id });
    expect(row).toMatchObject({
      external_ref: "EDITORS-GET-1",
      operation_code: "MINUSCA",
      entity_code: "UN-DPO",
      amount: 125_000_050,
      version: 1,
    });
    await expect(own.requirement.get({ id: 999_999 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists taxonomies with the entities that use them", async () => {
    const taxonomies = await fx.caller("reviewer").crosswalk.taxonomies();
    const dpo = taxonomies.find((t) => t.code === "DPO-GROUPS");
    expect(dpo?.entities.map((e) => e.code)).toEqual(["UN-DPO"]);
    expect(taxonomies.find((t) => t.code === "UNDP")?.entities.map((e) => e.code)).toEqual([
      "UNDP",
    ]);
  });

  it("lets the officer of an entity keep its crosswalk, and nobody else's", async () => {
    const dpoOfficer = await officer(fx, "t.finance.dpo", [
      ["MINUSCA", null],
      [null, "UN-DPO"],
    ]);
    const shares = [
      { commonCategory: "UNSDG-3", share: "0.3" },
      { commonCategory: "UNSDG-4", share: "0.4" },
      { commonCategory: "UNSDG-7", share: "3/10" },
    ];
    await expect(
      dpoOfficer.crosswalk.setCategory({
        taxonomy: "DPO-GROUPS",
        category: "III",
        name: "x",
        shares,
      }),
    ).resolves.toEqual({ ok: true });
    // An operation-wide assignment does not reach an entity's taxonomy (it serves every operation).
    await expect(
      own.crosswalk.setCategory({ taxonomy: "DPO-GROUPS", category: "III", name: "x", shares }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      dpoOfficer.crosswalk.setCategory({
        taxonomy: "UNDP",
        category: "71200",
        name: "x",
        shares: [{ commonCategory: "UNSDG-1", share: "1" }],
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a crosswalk save based on shares someone changed since, naming the current ones", async () => {
    const admin = fx.caller("admin");
    const read = await admin.crosswalk.list({ taxonomy: "UNDP" });
    const opened = read.categories.find((c) => c.code === "74500")!.shares;
    expect(opened).toHaveLength(2);
    const theirs = [{ commonCategory: "UNSDG-7", share: "1" }];
    await admin.crosswalk.setCategory({
      taxonomy: "UNDP",
      category: "74500",
      name: "x",
      shares: theirs,
      expected: opened,
    });
    const audit = async () =>
      (await admin.audit.list({ table: "crosswalk_shares", recordId: "UNDP/74500" })).total;
    const entries = await audit();

    const mine = [
      { commonCategory: "UNSDG-4", share: "0.25" },
      { commonCategory: "UNSDG-7", share: "0.75" },
    ];
    const refused = await admin.crosswalk
      .setCategory({
        taxonomy: "UNDP",
        category: "74500",
        name: "x",
        shares: mine,
        expected: opened,
      })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refused).toMatchObject({ code: "CONFLICT" });
    expect((refused as Error).message).toMatch(/changed by user:t\.admin/);
    expect((refused as { cause: { details: unknown } }).cause.details).toMatchObject({
      current: { category: "74500", shares: theirs, updated_by: "user:t.admin" },
    });
    expect(
      (await admin.crosswalk.list({ taxonomy: "UNDP" })).categories.find((c) => c.code === "74500")!
        .shares,
    ).toEqual(theirs);
    expect(await audit()).toBe(entries);

    // Knowingly saving over theirs (expected = what the conflict showed) succeeds; "1.0" equals "1".
    await expect(
      admin.crosswalk.setCategory({
        taxonomy: "UNDP",
        category: "74500",
        name: "x",
        shares: mine,
        expected: [{ commonCategory: "UNSDG-7", share: "1.0" }],
      }),
    ).resolves.toEqual({ ok: true });
    expect(await audit()).toBe(entries + 1);
    // A new category is expected to have no shares yet.
    await expect(
      admin.crosswalk.setCategory({
        taxonomy: "UNDP",
        category: "74500",
        name: "x",
        shares: mine,
        expected: [],
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
