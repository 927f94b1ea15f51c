// The analytic views' data through the router, on both engines; each checked against the
// operation report or the stored records it comes from.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ENGINES } from "@coherence/db/testing";
import { createFixture, insertFlow } from "./support";
import type { Caller, Fixture } from "./support";

const PK_2024 = { kind: "peacekeeping", year: 2024 } as const;

describe.each(ENGINES)("analytics on %s", (engine) => {
  let fx: Fixture;
  let reviewer: Caller;
  beforeAll(async () => {
    fx = await createFixture(engine, inject("pgUrl"));
    reviewer = fx.caller("reviewer");
  });
  afterAll(async () => {
    await fx.close();
  });

  it("builds a flow graph whose task inflows equal each task's funded figure, and whose pooled fund balances", async () => {
    const graph = await reviewer.analytics.flowGraph({
      operation: "MINUSCA",
      period: { kind: "calendar", year: 2025 },
    });
    const report = await reviewer.report.operation({
      operation: "MINUSCA",
      period: { kind: "calendar", year: 2025 },
    });
    for (const task of report.tasks) {
      const inflow = graph.links
        .filter((l) => l.target === `task:${task.taskCode}`)
        .reduce((s, l) => s + l.cents, 0);
      expect(inflow).toBe(task.figures.funded);
    }
    for (const node of graph.nodes.filter((n) => n.kind === "pooled_fund")) {
      const into = graph.links.filter((l) => l.target === node.id).reduce((s, l) => s + l.cents, 0);
      const out = graph.links.filter((l) => l.source === node.id).reduce((s, l) => s + l.cents, 0);
      expect(out).toBe(into);
    }
    expect(graph.links.some((l) => l.kind === "transfer")).toBe(true);
  });

  it("gives the coverage grid the same figures as the operation report, for years and quarters", async () => {
    const grid = await reviewer.analytics.coverageGrid({
      operation: "MINUSCA",
      kind: "peacekeeping",
      granularity: "year",
      fromYear: 2023,
      toYear: 2025,
    });
    const report = await reviewer.report.operation({ operation: "MINUSCA", period: PK_2024 });
    const column = grid.periods.findIndex((p) => p.from === "2024-07-01");
    for (const [row, task] of grid.tasks.entries()) {
      const expected = report.tasks.find((t) => t.taskCode === task.taskCode)!.figures;
      expect(grid.cells[row]![column]).toMatchObject({
        requirement: expected.requirement,
        funded: expected.funded,
        coverageDecimal: expected.coverageDecimal,
      });
    }
    const quarters = await reviewer.analytics.coverageGrid({
      operation: "MINUSCA",
      kind: "peacekeeping",
      granularity: "quarter",
      fromYear: 2024,
      toYear: 2024,
    });
    expect(quarters.periods.map((p) => [p.from, p.to])).toEqual([
      ["2024-07-01", "2024-09-30"],
      ["2024-10-01", "2024-12-31"],
      ["2025-01-01", "2025-03-31"],
      ["2025-04-01", "2025-06-30"],
    ]);
    for (const [row] of quarters.tasks.entries()) {
      const sum = quarters.cells[row]!.reduce((s, c) => s + c.requirement, 0);
      expect(sum).toBe(grid.cells[row]![column]!.requirement);
    }
  });

  it("draws the timeline from each contribution's dated history", async () => {
    const flow = await insertFlow(fx.connection);
    const officer = fx.caller("financeOwn");
    await fx.connection.db
      .insertInto("flow_status_history")
      .values({
        flow_id: flow.id,
        status: "pledged",
        status_date: "2025-03-01",
        amount: flow.amount,
        currency: "USD",
        amount_usd_cents: flow.amount,
      })
      .execute();
    const committed = await officer.flow.advanceStatus({
      id: flow.id,
      version: 1,
      status: "committed",
      date: "2025-04-01",
    });
    await officer.flow.advanceStatus({
      id: flow.id,
      version: committed.version,
      status: "paid",
      date: "2025-05-11",
    });
    const timeline = await reviewer.analytics.timeline({ operation: "MINUSCA", donor: "NOR" });
    const mine = timeline.events.filter((e) => e.flowId === String(flow.id));
    expect(mine.map((e) => [e.status, e.date, e.cents])).toEqual([
      ["pledged", "2025-03-01", 100_000_00],
      ["committed", "2025-04-01", 100_000_00],
      ["paid", "2025-05-11", 100_000_00],
    ]);
    expect(timeline.medianDaysPledgeToPayment).not.toBeNull();
    const last = timeline.series[timeline.series.length - 1]!;
    expect(last.paid).toBe(
      timeline.events.filter((e) => e.status === "paid").reduce((s, e) => s + e.cents, 0),
    );
  });

  it("shows a donor's contributions, earmarking mix and payment record", async () => {
    const donor = await reviewer.analytics.donor({ donor: "USA" });
    const stored = await fx.connection.db
      .selectFrom("flows")
      .innerJoin("organizations", "organizations.id", "flows.source_id")
      .select(["flows.amount_usd_cents", "flows.status"])
      .where("organizations.code", "=", "USA")
      .where("flows.deleted_at", "is", null)
      .execute();
    const funded = stored
      .filter((f) => f.status !== "pledged")
      .reduce((s, f) => s + f.amount_usd_cents, 0);
    expect(donor.earmarkingMix.reduce((s, e) => s + e.funded, 0)).toBe(funded);
    expect(donor.byOperationTask.reduce((s, e) => s + e.funded, 0)).toBe(funded);
    expect(donor.payments).toHaveLength(stored.length);
    await expect(reviewer.analytics.donor({ donor: "NOPE" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("filters the timeline, the coverage grid and predictability by donor, entity or task", async () => {
    const all = await reviewer.analytics.timeline({ operation: "MINUSCA" });
    const donors = [
      ...new Set(
        (await fx.connection.db.selectFrom("organizations").select("code").execute()).map(
          (o) => o.code,
        ),
      ),
    ];
    let paidByDonor = 0;
    for (const donor of donors) {
      const t = await reviewer.analytics.timeline({ operation: "MINUSCA", donor });
      paidByDonor += t.events.filter((e) => e.status === "paid").reduce((s, e) => s + e.cents, 0);
    }
    expect(paidByDonor).toBe(
      all.events.filter((e) => e.status === "paid").reduce((s, e) => s + e.cents, 0),
    );
    const byEntity = await reviewer.analytics.timeline({ operation: "MINUSCA", entity: "UNICEF" });
    expect(byEntity.entity).toBe("UNICEF");
    expect(byEntity.events.length).toBeLessThan(all.events.length);

    const grid = await reviewer.analytics.coverageGrid({
      operation: "MINUSCA",
      kind: "peacekeeping",
      granularity: "year",
      fromYear: 2024,
      toYear: 2024,
      filter: { entityCode: "UNICEF" },
    });
    const report = await reviewer.report.operation({
      operation: "MINUSCA",
      period: PK_2024,
      filter: { entityCode: "UNICEF" },
    });
    for (const [row, task] of grid.tasks.entries()) {
      const expected = report.tasks.find((t) => t.taskCode === task.taskCode)!.figures;
      expect(grid.cells[row]![0]!.funded).toBe(expected.funded);
    }

    // Predictability by donor: the donors' parts add up to the operation's sums.
    const at = { operation: "MINUSCA", asOf: "2025-12-31" };
    const unfiltered = await reviewer.report.predictability(at);
    expect(unfiltered.filter).toEqual({ donor: null, entity: null, task: null });
    const byDonor = await Promise.all(
      donors.map((donor) => reviewer.report.predictability({ ...at, donor })),
    );
    const sum = (f: (p: (typeof byDonor)[number]) => number) =>
      byDonor.reduce((s, p) => s + f(p), 0);
    expect(sum((p) => p.arrears.totalCents)).toBe(unfiltered.arrears.totalCents);
    expect(sum((p) => p.pledgeFulfilment?.numerator ?? 0)).toBe(
      unfiltered.pledgeFulfilment!.numerator,
    );
    expect(sum((p) => p.pledgeFulfilment?.denominator ?? 0)).toBe(
      unfiltered.pledgeFulfilment!.denominator,
    );
    const usa = byDonor[donors.indexOf("USA")]!;
    expect(usa.filter).toEqual({ donor: "USA", entity: null, task: null });
    expect(usa.pledgeFulfilment).not.toEqual(unfiltered.pledgeFulfilment);
  });

  it("explains an entity's total and a donor→entity link without a task", async () => {
    const graph = await reviewer.analytics.flowGraph({
      operation: "MINUSCA",
      period: { kind: "calendar", year: 2025 },
    });
    const link = graph.links.find((l) => l.kind === "contribution")!;
    // Without a task or bucket, report.explain covers all of the operation's matching money.
    const why = await reviewer.report.explain({
      operation: "MINUSCA",
      period: { kind: "calendar", year: 2025 },
      measure: "funded",
      filter: { donorCode: link.source.slice(4), entityCode: link.target.slice(4) },
    });
    expect(why.bucket).toBe("all");
    const [linkWhy] = why.explanations;
    expect(linkWhy!.value).toBe(link.cents);
    const sum =
      linkWhy!.contributions.reduce((s, c) => s + c.cents, 0) +
      linkWhy!.attributions.reduce((s, a) => s + a.cents, 0);
    expect(sum).toBe(linkWhy!.value);
    const execution = await reviewer.report.execution({ operation: "MINUSCA", period: PK_2024 });
    const entity = execution.entities.find((e) => e.appropriated > 0)!;
    const appropriated = await reviewer.report.explain({
      operation: "MINUSCA",
      period: PK_2024,
      measure: "appropriated",
      filter: { entityCode: entity.entityCode ?? undefined },
    });
    expect(appropriated.explanations[0]!.value).toBe(entity.appropriated);
  });

  it("explains each predictability measure with the records it is computed from, summing to it", async () => {
    const at = { operation: "MINUSCA", asOf: "2025-12-31" };
    const p = await reviewer.report.predictability(at);
    const explain = (
      measure:
        | "pledgeFulfilment"
        | "medianDays"
        | "arrears"
        | "multiYearShare"
        | "assessedShare"
        | "volatility",
    ) => reviewer.analytics.predictabilityExplain({ ...at, measure });
    const total = <T>(xs: readonly T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);

    const fulfilment = await explain("pledgeFulfilment");
    expect(fulfilment.pledges.length).toBeGreaterThan(0);
    expect(total(fulfilment.pledges, (x) => x.paidCents)).toBe(p.pledgeFulfilment!.numerator);
    expect(total(fulfilment.pledges, (x) => x.pledgedCents)).toBe(p.pledgeFulfilment!.denominator);
    expect(fulfilment.decimals.pledgeFulfilment).toBe(p.decimals.pledgeFulfilment);
    expect(fulfilment.funded).toEqual([]);

    const median = await explain("medianDays");
    const days = median.pledges.map((x) => x.daysToPayment!);
    expect(days).toEqual([...days].sort((a, b) => a - b));
    expect(days.length).toBe(p.paymentsAfterPledge);
    const mid = days.length >> 1;
    expect(p.medianDaysPledgeToPayment).toBe(
      days.length % 2 ? days[mid] : (days[mid - 1]! + days[mid]!) / 2,
    );

    for (const measure of ["multiYearShare", "assessedShare"] as const) {
      const why = await explain(measure);
      const flag = measure === "multiYearShare" ? "multiYear" : "assessed";
      expect(total(why.funded, (x) => (x[flag] ? x.cents : 0))).toBe(p[measure]!.numerator);
      expect(total(why.funded, (x) => x.cents)).toBe(p[measure]!.denominator);
    }

    const volatility = await explain("volatility");
    expect(volatility.annualVoluntary.map((y) => y.fundedCents)).toEqual(
      p.annualVoluntary.map((y) => y.fundedCents),
    );
    for (const y of volatility.annualVoluntary)
      expect(total(y.parts, (x) => x.cents)).toBe(y.fundedCents);
    expect(volatility.volatility.sum).toBe(String(total(p.annualVoluntary, (y) => y.fundedCents)));
    expect(volatility.decimals.volatility).toBe(p.decimals.volatility);

    const arrears = await explain("arrears");
    expect(total(arrears.arrears, (x) => x.cents)).toBe(p.arrears.totalCents);
    await expect(
      reviewer.analytics.predictabilityExplain({ ...at, measure: "luck" as "arrears" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
