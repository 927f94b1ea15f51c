import { describe, expect, it } from "vitest";
import { alignmentOf, alignmentScore } from "./alignment";
import { assessAppropriation, assessmentFlows } from "./assessment";
import { Crosswalk } from "./crosswalk";
import { MINUSCA_DEMO as demo } from "./demo-data";
import { findDuplicates } from "./duplicates";
import { execution } from "./execution";
import { explainFigure } from "./explain";
import { predictability } from "./predictability";
import { ratioToDecimalString } from "./ratio";
import { RateTable } from "./rates";
import { reconcile } from "./reconcile";
import type { ReconcileOptions } from "./reconcile";
import { entityScorecards } from "./scorecard";
import type { Flow } from "./types";

const rates = new RateTable(demo.rates);
const options: ReconcileOptions = {
  scheme: { kind: "peacekeeping" },
  rates,
  crosswalk: new Crosswalk(demo.crosswalk),
  entities: demo.entities,
  mandates: demo.mandates,
};

describe("alignment score and priority inversions", () => {
  it("weights capped coverage by 1/rank and skips tasks without coverage", () => {
    const a = alignmentScore([
      { taskCode: "POC", rank: 1, requirement: 100, funded: 50 },
      { taskCode: "SA", rank: 2, requirement: 100, funded: 300 },
      { taskCode: "NONE", rank: 3, requirement: 0, funded: 10 },
    ]);
    // (1·0.5 + 0.5·1) / 1.5 = 2/3
    expect(a.exact).toEqual({ numerator: 2n, denominator: 3n });
    expect(ratioToDecimalString(a.exact!, 4)).toBe("0.6667");
    expect(a.tasksCounted).toBe(2);
    expect(a.inversions).toEqual([
      {
        higher: { taskCode: "POC", rank: 1, coverage: 0.5 },
        lower: { taskCode: "SA", rank: 2, coverage: 3 },
      },
    ]);
    expect(alignmentScore([]).score).toBeNull();
  });

  it("does not count equal coverage or equal ranks as inversions", () => {
    const a = alignmentScore([
      { taskCode: "A", rank: 1, requirement: 100, funded: 50 },
      { taskCode: "B", rank: 2, requirement: 200, funded: 100 },
      { taskCode: "C", rank: 2, requirement: 100, funded: 90 },
    ]);
    expect(a.inversions.map((i) => [i.higher.taskCode, i.lower.taskCode])).toEqual([["A", "C"]]);
  });

  it("scores the MINUSCA demo with the latest mandate's ranks", () => {
    const table = reconcile(demo, options).taskTable("MINUSCA", 2023);
    const a = alignmentOf(table);
    expect(a.tasksCounted).toBe(5);
    expect(a.score).toBeGreaterThan(0.5);
    expect(a.score).toBeLessThanOrEqual(1);
  });
});

describe("execution", () => {
  it("computes unencumbered balance and implementation rate", () => {
    expect(execution({ appropriated: 1000, expended: 900 })).toMatchObject({
      unencumbered: 100,
      implementationRate: 0.9,
      implementationRatio: { numerator: 900, denominator: 1000 },
    });
    expect(execution({ appropriated: 0, expended: 5 })).toMatchObject({
      unencumbered: -5,
      implementationRate: null,
    });
  });
});

describe("predictability", () => {
  const flow = (
    f: Partial<Flow> & Pick<Flow, "id" | "status" | "statusDate" | "amountMinor">,
  ): Flow => ({
    operationCode: "OP",
    taskCode: null,
    donorCode: "D",
    recipientEntityCode: "E",
    fundingType: "voluntary_earmarked",
    currency: "USD",
    ...f,
  });
  const flows: Flow[] = [
    flow({
      id: "1",
      status: "paid",
      statusDate: "2024-03-01",
      amountMinor: 800,
      history: [
        { status: "pledged", date: "2024-01-01", amountMinor: 1000 },
        { status: "paid", date: "2024-03-01" },
      ],
    }),
    flow({
      id: "2",
      status: "paid",
      statusDate: "2023-02-11",
      amountMinor: 500,
      history: [
        { status: "pledged", date: "2023-01-01" },
        { status: "committed", date: "2023-01-21" },
        { status: "paid", date: "2023-02-11" },
      ],
      usageStart: "2023-01-01",
      usageEnd: "2024-12-31",
    }),
    flow({ id: "3", status: "pledged", statusDate: "2024-05-01", amountMinor: 700 }),
    flow({
      id: "4",
      status: "committed",
      statusDate: "2024-05-01",
      amountMinor: 300,
      fundingType: "assessed",
    }),
    flow({
      id: "5",
      status: "committed",
      statusDate: "2024-05-02",
      amountMinor: 100,
      fundingType: "assessed",
    }),
  ];

  it("computes each BRIEF item 10 figure", () => {
    const p = predictability(flows, { rates, asOf: "2024-05-31" });
    // pledged 1000 + 500 + 700; paid 800 + 500
    expect(p.pledgeFulfilment).toEqual({ numerator: 1300, denominator: 2200 });
    expect(p.medianDaysPledgeToPayment).toBe((41 + 60) / 2);
    expect(p.paymentsAfterPledge).toBe(2);
    // funded = 800 + 500 + 300 + 100; multi-year = flow 2 (731 days)
    expect(p.multiYearShare).toEqual({ numerator: 500, denominator: 1700 });
    expect(p.assessedShare).toEqual({ numerator: 400, denominator: 1700 });
    // Arrears from the 30th day after the commitment date.
    expect(p.arrears.flows.map((f) => [f.flowId, f.daysUnpaid])).toEqual([["4", 30]]);
    expect(p.arrears.totalCents).toBe(300);
  });

  it("computes volatility over the last five full years", () => {
    const p = predictability(flows, { rates, asOf: "2024-05-31" });
    expect(p.annualVoluntary.map((y) => y.period.label)).toEqual([
      "2019",
      "2020",
      "2021",
      "2022",
      "2023",
    ]);
    // Flow 2's 500 spread over 2023–2024 (365 + 366 days): 250 in 2023.
    expect(p.annualVoluntary.map((y) => y.fundedCents)).toEqual([0, 0, 0, 0, 250]);
    expect(p.volatility).toBeCloseTo(2, 10);
    expect(predictability([], { rates, asOf: "2024-05-31" }).volatility).toBeNull();
  });
});

describe("assessments", () => {
  it("assesses an appropriation exactly, by largest remainder", () => {
    const r = assessAppropriation(100_00, [
      { memberState: "C", ratePercent: "33.333" },
      { memberState: "A", ratePercent: "33.333" },
      { memberState: "B", ratePercent: "33.334" },
    ]);
    expect(r.ok).toBe(true);
    expect(r.assessments.map((a) => [a.memberState, a.amountCents])).toEqual([
      ["B", 3334],
      ["A", 3333],
      ["C", 3333],
    ]);
    expect(r.assessments.reduce((s, a) => s + a.amountCents, 0)).toBe(100_00);
    const ties = assessAppropriation(1, [
      { memberState: "Y", ratePercent: "50" },
      { memberState: "X", ratePercent: "50" },
    ]);
    expect(ties.assessments.map((a) => [a.memberState, a.amountCents])).toEqual([
      ["X", 1],
      ["Y", 0],
    ]);
  });

  it("weights rates with different numbers of decimals exactly", () => {
    // 0.125 % = 1/800 and 99.875 %: 1,000.00 USD → 1.25 and 998.75 exactly.
    const r = assessAppropriation(100_000, [
      { memberState: "A", ratePercent: "0.125" },
      { memberState: "B", ratePercent: "99.875" },
    ]);
    expect(r.assessments.map((a) => [a.memberState, a.amountCents])).toEqual([
      ["B", 99_875],
      ["A", 125],
    ]);
    const mixed = assessAppropriation(1_000_000_00, [
      { memberState: "A", ratePercent: "20.004" },
      { memberState: "B", ratePercent: "0.125" },
      { memberState: "C", ratePercent: "79.871" },
    ]);
    expect(mixed.assessments.map((a) => a.amountCents)).toEqual([79_871_000, 20_004_000, 125_000]);
    // Denominators 8 and 25 and no rate with their LCM (200): weights must use the LCM.
    const lcm = assessAppropriation(1_000_000_00, [
      { memberState: "A", ratePercent: "0.125" },
      { memberState: "B", ratePercent: "0.875" },
      { memberState: "C", ratePercent: "0.04" },
      { memberState: "D", ratePercent: "0.96" },
      { memberState: "E", ratePercent: "98" },
    ]);
    expect(lcm.assessments.map((a) => [a.memberState, a.amountCents])).toEqual([
      ["E", 98_000_000],
      ["D", 960_000],
      ["B", 875_000],
      ["A", 125_000],
      ["C", 40_000],
    ]);
  });

  it("reports a scale whose rates do not sum to 100 and assesses nothing", () => {
    const r = assessAppropriation(100_00, [
      { memberState: "USA", ratePercent: "22.000" },
      { memberState: "CHN", ratePercent: "20.004" },
    ]);
    expect(r).toMatchObject({ ok: false, scaleTotalPercent: "42.004", assessments: [] });
    expect(r.issues).toEqual(["rates sum to 42.004, not 100"]);
    expect(assessAppropriation(1, [{ memberState: "A", ratePercent: "x" }]).issues[0]).toMatch(
      /not a decimal/,
    );
  });

  it("turns assessments into committed assessed flows that reconcile back to the appropriation", () => {
    const r = assessAppropriation(1_000_000_00, [
      { memberState: "A", ratePercent: "60" },
      { memberState: "B", ratePercent: "40" },
    ]);
    const flows = assessmentFlows(r, {
      idPrefix: "OP-2024",
      operationCode: "MINUSCA",
      entityCode: "UN-DPO",
      assessedOn: "2023-07-01",
      usageStart: "2023-07-01",
      usageEnd: "2024-06-30",
    });
    expect(flows.map((f) => [f.id, f.status, f.fundingType, f.amountMinor])).toEqual([
      ["OP-2024-A", "committed", "assessed", 600_000_00],
      ["OP-2024-B", "committed", "assessed", 400_000_00],
    ]);
    const rec = reconcile({ flows, requirementLines: demo.requirementLines }, options);
    expect(rec.total({ operationCode: "MINUSCA", fundingType: "assessed" }).committed).toBe(
      1_000_000_00,
    );
  });
});

describe("duplicate detection", () => {
  const f = (
    id: string,
    amountMinor: number,
    statusDate: string,
    extra: Partial<Flow> = {},
  ): Flow => ({
    id,
    operationCode: "OP",
    taskCode: null,
    donorCode: "NOR",
    recipientEntityCode: "UNDP",
    fundingType: "voluntary_earmarked",
    status: "paid",
    statusDate,
    amountMinor,
    currency: "USD",
    ...extra,
  });

  it("flags same donor, recipient and currency within 0.5 % and 30 days, with the reason", () => {
    const found = findDuplicates([
      f("a", 100_000, "2024-01-01"),
      f("b", 100_500, "2024-01-31"), // 0.4975 % of the larger, 30 days: duplicate
      f("c", 100_000, "2024-03-05"), // 64 days from a, 34 from b
      f("d", 102_000, "2024-01-02"), // 1.96 % from a, 1.47 % from b
      f("e", 100_000, "2024-01-05", { currency: "EUR" }),
    ]);
    expect(found.map((d) => [d.flowIds, d.reason])).toEqual([
      [["a", "b"], "similar_amount_and_date"],
    ]);
    expect(found[0]!.detail).toMatch(/30 days/);
  });

  it("flags a flow republished by another source", () => {
    const found = findDuplicates([
      f("iati-1", 5_000, "2024-01-01", { source: { system: "iati", id: "XM-1" } }),
      f("fts-9", 7_000, "2024-06-01", {
        donorCode: "OTHER",
        source: { system: "fts", id: "9" },
        alsoReportedAs: [{ system: "iati", id: "XM-1" }],
      }),
    ]);
    expect(found).toEqual([
      {
        flowIds: ["fts-9", "iati-1"],
        reason: "republished",
        detail: "iati:XM-1 reported again as fts:9",
      },
    ]);
  });
});

describe("explanations and scorecards on the demo data", () => {
  it("explains the humanitarian task's paid money down to the rate and days", () => {
    const why = explainFigure(demo, options, {
      operationCode: "MINUSCA",
      periodIndex: 2023,
      taskCode: "HUMANITARIAN",
      measure: "paid",
    });
    const gbp = why.contributions.find((c) => c.recordId === "V-GBR-UNICEF")!;
    expect(gbp.conversion.rate?.unitsPerUsd).toBe("0.775");
    expect(gbp.conversion.amountUsdCents).toBe(645_161_290);
    // Usage 2023-08-01..2024-07-31 = 366 days; 335 of them in 2023/24.
    expect([gbp.overlapDays, gbp.usageDays]).toEqual([335, 366]);
    expect(why.attributions.length).toBeGreaterThan(0);
    expect(why.attributions.every((a) => a.taskCode === "HUMANITARIAN")).toBe(true);
    const sum =
      why.contributions.reduce((s, c) => s + c.cents, 0) +
      why.attributions.reduce((s, a) => s + a.cents, 0);
    expect(sum).toBe(why.value);
  });

  it("gives the reason for Not specified money", () => {
    const why = explainFigure(demo, options, {
      operationCode: "MINUSCA",
      periodIndex: 2023,
      bucket: "not_specified",
      measure: "paid",
    });
    expect(why.contributions.map((c) => [c.recordId, c.reason])).toEqual([
      ["V-ITA-UNKNOWN", "task not in the mandate in force"],
    ]);
  });

  it("builds per-entity scorecards", () => {
    const cards = entityScorecards(reconcile(demo, options), "MINUSCA", 2023);
    expect(cards.map((c) => c.entityCode)).toEqual(["PBF", "UN-DPO", "UNDP", "UNICEF"]);
    const dpo = cards.find((c) => c.entityCode === "UN-DPO")!;
    expect(dpo.execution.implementationRatio).toEqual({
      numerator: 100_100_000_000,
      denominator: 102_500_000_000,
    });
    expect(dpo.tasksEngaged).toBe(5);
    expect(cards.find((c) => c.entityCode === "PBF")!.untaskedFundedShare).toBe(1);
  });
});
