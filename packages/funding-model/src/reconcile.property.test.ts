import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildTotals, flowUsage } from "./build-totals";
import { Crosswalk } from "./crosswalk";
import { explainFigure } from "./explain";
import { PartialTotals, mergeTotals } from "./partial-totals";
import { RateTable } from "./rates";
import { GROUP_DIMENSIONS, finalizeTotals, reconcile } from "./reconcile";
import type { ReconcileOptions } from "./reconcile";
import type { Flow, RequirementLine } from "./types";
import { FLOW_STATUSES, FUNDING_TYPES, REQUIREMENT_STAGES } from "./types";

const rates = new RateTable([
  { currency: "JPY", effectiveFrom: "2020-01-01", unitsPerUsd: "147.5" },
  { currency: "KWD", effectiveFrom: "2020-01-01", unitsPerUsd: "0.307" },
  { currency: "EUR", effectiveFrom: "2020-01-01", unitsPerUsd: "0.925" },
  { currency: "EUR", effectiveFrom: "2023-01-01", unitsPerUsd: "0.9" },
]);
const crosswalk = new Crosswalk([
  { taxonomy: "AG", categoryCode: "C1", commonCode: "UNSDG-1", share: "1/3" },
  { taxonomy: "AG", categoryCode: "C1", commonCode: "UNSDG-2", share: "1/3" },
  { taxonomy: "AG", categoryCode: "C1", commonCode: "UNSDG-7", share: "1/3" },
  { taxonomy: "DPO", categoryCode: "C1", commonCode: "UNSDG-4", share: "0.6" },
  { taxonomy: "DPO", categoryCode: "C1", commonCode: "UNSDG-5", share: "0.4" },
  { taxonomy: "PF", categoryCode: "C1", commonCode: "UNSDG-6", share: "1" },
]);
const tasks = [
  { code: "T1", title: "t1", rank: 1 },
  { code: "T2", title: "t2", rank: 2 },
  { code: "T3", title: "t3", rank: 2 },
];
const options: ReconcileOptions = {
  scheme: { kind: "peacekeeping" },
  rates,
  crosswalk,
  entities: [
    {
      code: "DPO",
      name: "DPO",
      kind: "peacekeeping",
      fiscalYearStartMonth: 7,
      reportingCurrency: "USD",
    },
    { code: "AG", name: "AG", kind: "agency", fiscalYearStartMonth: 1, reportingCurrency: "USD" },
    {
      code: "PF",
      name: "PF",
      kind: "pooled_fund",
      fiscalYearStartMonth: 1,
      reportingCurrency: "USD",
    },
  ],
  mandates: [
    {
      operationCode: "A",
      resolution: "R1",
      adoptedOn: "2022-01-01",
      periodStart: "2022-01-01",
      periodEnd: "2023-12-31",
      tasks,
    },
    {
      operationCode: "A",
      resolution: "R2",
      adoptedOn: "2023-06-01",
      periodStart: "2023-06-01",
      periodEnd: "2026-12-31",
      tasks: tasks.slice(0, 2),
    },
    {
      operationCode: "B",
      resolution: "R3",
      adoptedOn: "2021-01-01",
      periodStart: "2021-01-01",
      periodEnd: "2026-12-31",
      tasks,
    },
  ],
};

const day = fc
  .integer({ min: 0, max: 5 * 365 })
  .map((d) => new Date(Date.UTC(2021, 0, 1) + d * 86400000).toISOString().slice(0, 10));
const currency = fc.constantFrom("USD", "JPY", "KWD", "EUR");
const amount = fc.integer({ min: 0, max: 10 ** 10 });
const task = fc.constantFrom(null, "T1", "T2", "T3", "NOPE");
const category = fc.constantFrom(null, "C1", "UNSDG-3");

const flowArb = fc
  .record({
    operationCode: fc.constantFrom("A", "B", "C", null),
    taskCode: task,
    donorCode: fc.constantFrom("D1", "D2", "PF"),
    recipientEntityCode: fc.constantFrom("DPO", "AG", "PF"),
    fundingType: fc.constantFrom(...FUNDING_TYPES),
    status: fc.constantFrom(...FLOW_STATUSES),
    statusDate: day,
    amountMinor: amount,
    currency,
    usage: fc.option(fc.tuple(day, fc.integer({ min: 0, max: 900 })), { nil: null }),
    categoryCode: category,
    transfer: fc.constantFrom(null, null, "PF", "DPO"),
  })
  .map(({ usage, transfer, ...f }) => ({
    ...f,
    usageStart: usage?.[0] ?? null,
    usageEnd: usage
      ? new Date(Date.parse(usage[0]) + usage[1] * 86400000).toISOString().slice(0, 10)
      : null,
    transferFromEntityCode: transfer,
  }));

const lineArb = fc.record({
  lineRef: fc.constantFrom("L1", "L2", "L3", "L4", "L5", "L6"),
  operationCode: fc.constantFrom("A", "B", "C"),
  taskCode: task,
  entityCode: fc.constantFrom("DPO", "AG"),
  stage: fc.constantFrom(...REQUIREMENT_STAGES),
  amountMinor: amount,
  currency,
  periodStart: day,
  length: fc.integer({ min: 0, max: 800 }),
  categoryCode: category,
});

const datasetArb = fc
  .record({
    flows: fc.array(flowArb, { maxLength: 40 }),
    lines: fc.array(lineArb, { maxLength: 25 }),
  })
  .map(({ flows, lines }) => {
    // One row per stage per line, and shared dimensions within a line, as stored data has.
    const seen = new Set<string>();
    const first = new Map<string, (typeof lines)[number]>();
    const requirementLines: RequirementLine[] = [];
    for (const l of lines) {
      if (seen.has(`${l.lineRef}/${l.stage}`)) continue;
      seen.add(`${l.lineRef}/${l.stage}`);
      const head = first.get(l.lineRef) ?? l;
      first.set(l.lineRef, head);
      requirementLines.push({
        lineRef: l.lineRef,
        operationCode: head.operationCode,
        taskCode: head.taskCode,
        entityCode: head.entityCode,
        stage: l.stage,
        amountMinor: l.amountMinor,
        currency: l.currency,
        periodStart: head.periodStart,
        periodEnd: new Date(Date.parse(head.periodStart) + head.length * 86400000)
          .toISOString()
          .slice(0, 10),
        categoryCode: head.categoryCode,
      });
    }
    return { flows: flows.map((f, i): Flow => ({ ...f, id: `F${i}` })), requirementLines };
  });

function usd(f: Flow): number {
  return rates.convert(f.amountMinor, f.currency, f.statusDate).amountUsdCents;
}

const RANK: Record<string, number> = { revised: 4, appropriated: 3, recommended: 2, proposed: 1 };

describe("reconciliation properties", () => {
  it("conserves money: every grouping sums back to the converted records", () => {
    fc.assert(
      fc.property(datasetArb, fc.subarray([...GROUP_DIMENSIONS]), (data, groupBy) => {
        const rec = reconcile(data, options);
        const expected = { pledged: 0, committed: 0, paid: 0, requirement: 0, expended: 0 };
        // Transfers net to zero (final leg + source leg), so only external flows remain.
        for (const f of data.flows) if (!f.transferFromEntityCode) expected[f.status] += usd(f);
        const best = new Map<string, RequirementLine>();
        for (const l of data.requirementLines) {
          if (l.stage === "expended")
            expected.expended += rates.convert(
              l.amountMinor,
              l.currency,
              l.periodStart,
            ).amountUsdCents;
          else if (!best.has(l.lineRef) || RANK[l.stage]! > RANK[best.get(l.lineRef)!.stage]!)
            best.set(l.lineRef, l);
        }
        for (const l of best.values())
          expected.requirement += rates.convert(
            l.amountMinor,
            l.currency,
            l.periodStart,
          ).amountUsdCents;
        const rows = rec.rows({ groupBy });
        const sum = (k: keyof typeof expected) => rows.reduce((s, r) => s + r.figures[k], 0);
        for (const k of Object.keys(expected) as (keyof typeof expected)[])
          expect(sum(k)).toBe(expected[k]);
        // Attribution never creates or loses money either.
        const attributed = rec.rows({ groupBy: ["attributed"], where: { attributed: true } });
        for (const r of attributed) expect(r.figures.attributed.funded).toBe(r.figures.funded);
      }),
      { numRuns: 1500 },
    );
  });

  it("merging partial totals in any grouping and order equals computing them at once", () => {
    fc.assert(
      fc.property(
        datasetArb,
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 80, maxLength: 80 }),
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 4, maxLength: 4 }),
        (data, batchOf, order) => {
          const all = buildTotals(data, options);
          // Budget lines go to a batch whole (see README), flows one by one.
          const batches = [0, 1, 2, 3].map((b) =>
            buildTotals(
              {
                flows: data.flows.filter((_, i) => batchOf[i % 80] === b),
                requirementLines: data.requirementLines.filter(
                  (l) => batchOf[Number(l.lineRef.slice(1)) + 40] === b,
                ),
              },
              options,
            ),
          );
          const shuffled = batches
            .map((t, i) => ({ t, k: order[i]! }))
            .sort((a, b) => a.k - b.k)
            .map((x) => x.t);
          const [a, b, c, d] = shuffled as [
            PartialTotals,
            PartialTotals,
            PartialTotals,
            PartialTotals,
          ];
          const empty = PartialTotals.empty(options.scheme);
          const left = mergeTotals(mergeTotals(mergeTotals(a, b), c), d);
          const right = mergeTotals(a, mergeTotals(b, mergeTotals(c, mergeTotals(d, empty))));
          const flat = mergeTotals(empty, d, c, b, a);
          expect(left.cells()).toEqual(all.cells());
          expect(right.cells()).toEqual(all.cells());
          expect(flat.cells()).toEqual(all.cells());
          expect(
            PartialTotals.fromJSON(
              JSON.parse(JSON.stringify(left.toJSON())) as ReturnType<PartialTotals["toJSON"]>,
            ).cells(),
          ).toEqual(all.cells());
          const groupBy = [
            "operation",
            "period",
            "task",
            "bucket",
            "entity",
            "donor",
            "category",
            "attributed",
          ] as const;
          expect(finalizeTotals(left, options).rows({ groupBy })).toEqual(
            reconcile(data, options).rows({ groupBy }),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("explains any figure: the contributions sum to it", () => {
    fc.assert(
      fc.property(
        datasetArb,
        fc.record(
          {
            operationCode: fc.constantFrom("A", "B"),
            periodIndex: fc.integer({ min: 2020, max: 2026 }),
            taskCode: fc.constantFrom(null, "T1", "T2", "T3"),
            entityCode: fc.constantFrom("DPO", "AG", "PF"),
            donorCode: fc.constantFrom("D1", "PF"),
          },
          { requiredKeys: ["operationCode"] },
        ),
        fc.constantFrom(
          "requirement",
          "pledged",
          "committed",
          "paid",
          "funded",
          "expended",
          "appropriated",
        ) as fc.Arbitrary<"funded">,
        (data, where, measure) => {
          const why = explainFigure(data, options, { ...where, measure });
          const sum =
            why.contributions.reduce((s, c) => s + c.cents, 0) +
            why.attributions.reduce((s, a) => s + a.cents, 0);
          expect(sum).toBe(why.value);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("the flow usage default is the day the flow was first recorded", () => {
    const f = {
      id: "x",
      statusDate: "2024-05-01",
      history: [{ status: "pledged" as const, date: "2024-01-01" }],
    } as unknown as Flow;
    expect(flowUsage(f)).toEqual(["2024-01-01", "2024-01-01"]);
  });
});
