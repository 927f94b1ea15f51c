import { describe, expect, it } from "vitest";
import { buildTotals } from "./build-totals";
import { Crosswalk } from "./crosswalk";
import { InvalidDateError, InvalidRecordError, MoneyOverflowError } from "./errors";
import { mergeTotals } from "./partial-totals";
import { RateTable } from "./rates";
import { finalizeTotals } from "./reconcile";
import type { ReconcileOptions } from "./reconcile";
import type { Flow, RequirementLine } from "./types";

// Large builds exercise what the small records of the property tests do not: a hash table of
// cells past 65,536 slots, attribution beyond 2^53 (totals × weights), many cells per summary.
// These tests check that they give exactly what small builds merged together give, the figures
// of the engine before its cells were restructured, and the same errors.

let seed = 7;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const ops = ["OP1", "OP2", "OP3", "OP4"];
const tasks = ["T1", "T2", "T3", "T4", "T5"];
const agencies = ["UNDP", "UNICEF", "WFP"];
const donors = Array.from({ length: 300 }, (_, i) => `D${i}`);
const options: ReconcileOptions = {
  scheme: { kind: "peacekeeping" },
  rates: new RateTable([
    { currency: "EUR", effectiveFrom: "2019-01-01", unitsPerUsd: "0.9" },
    { currency: "EUR", effectiveFrom: "2022-01-01", unitsPerUsd: "0.95" },
  ]),
  crosswalk: new Crosswalk([
    { taxonomy: "AG", categoryCode: "PROJECT", commonCode: "UNSDG-1", share: "1/3" },
    { taxonomy: "AG", categoryCode: "PROJECT", commonCode: "UNSDG-2", share: "1/3" },
    { taxonomy: "AG", categoryCode: "PROJECT", commonCode: "UNSDG-3", share: "1/3" },
  ]),
  entities: [
    ...agencies.map((code) => ({
      code,
      name: code,
      kind: "agency" as const,
      fiscalYearStartMonth: 1,
      reportingCurrency: "USD",
      taxonomy: "AG",
    })),
    {
      code: "FUND",
      name: "FUND",
      kind: "pooled_fund" as const,
      fiscalYearStartMonth: 1,
      reportingCurrency: "USD",
      taxonomy: "AG",
    },
  ],
  mandates: ops.map((operationCode) => ({
    operationCode,
    resolution: `R-${operationCode}`,
    adoptedOn: "2019-06-30",
    periodStart: "2019-07-01",
    periodEnd: "2025-06-30",
    tasks: tasks.slice(0, 4).map((code, i) => ({ code, title: code, rank: i + 1 })),
  })),
};

const years = [2019, 2020, 2021, 2022, 2023];
const flows: Flow[] = Array.from({ length: 24_000 }, (_, i): Flow => {
  const year = pick(years);
  const from = `${year}-${pick(["01", "04", "08", "11"])}-${pick(["01", "15", "28"])}`;
  const to = `${year + pick([0, 1, 2, 3])}-12-31`;
  const roll = random();
  return {
    id: `F${i}`,
    operationCode: pick(ops),
    taskCode: roll < 0.2 ? null : pick(tasks),
    donorCode: pick(donors),
    recipientEntityCode: roll < 0.1 ? "FUND" : pick(agencies),
    fundingType: roll < 0.15 ? "assessed" : "voluntary_earmarked",
    status: pick(["pledged", "committed", "paid"] as const),
    statusDate: from,
    amountMinor: Math.floor(random() * 1e9),
    currency: random() < 0.8 ? "USD" : "EUR",
    usageStart: from,
    usageEnd: to,
    categoryCode: random() < 0.5 ? "PROJECT" : null,
    ...(roll > 0.95 ? { transferFromEntityCode: "FUND" } : {}),
  };
});
const requirementLines: RequirementLine[] = Array.from({ length: 3000 }, (_, i) => {
  const year = pick(years);
  return {
    lineRef: `L${i}`,
    operationCode: pick(ops),
    taskCode: pick(tasks),
    entityCode: pick(agencies),
    currency: "USD",
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    categoryCode: "PROJECT",
    stage: pick(["proposed", "appropriated"] as const),
    amountMinor: Math.floor(random() * 1e11),
  };
});

describe("large partial totals", () => {
  it("equal small batches merged, cell for cell and figure for figure", () => {
    const large = buildTotals({ flows, requirementLines }, options);
    expect(large.slotCount).toBeGreaterThan(1 << 16);
    const batches = [buildTotals({ requirementLines }, options)];
    for (let i = 0; i < flows.length; i += 400)
      batches.push(buildTotals({ flows: flows.slice(i, i + 400) }, options));
    const merged = mergeTotals(...batches);
    expect(large.cells()).toEqual(merged.cells());

    const a = finalizeTotals(large, options);
    const b = finalizeTotals(merged, options);
    expect(a.cellCount).toBe(b.cellCount);
    for (const op of ops)
      for (const year of years) expect(a.taskTable(op, year)).toEqual(b.taskTable(op, year));
    const all = [
      "operation",
      "period",
      "task",
      "bucket",
      "entity",
      "donor",
      "fundingType",
      "category",
      "attributed",
    ] as const;
    expect(a.rows({ groupBy: all })).toEqual(b.rows({ groupBy: all }));
    expect(a.total({ fundingType: "assessed" }).attributed.paid).toBeGreaterThan(0);
  });

  it("raise an overflow, and raise it before an error in a later record", () => {
    const big: Flow = {
      ...flows[0]!,
      id: "BIG",
      amountMinor: 2 ** 52,
      currency: "USD",
      usageStart: null,
      usageEnd: null,
      categoryCode: null,
      transferFromEntityCode: null,
    };
    const twice = [big, { ...big, id: "BIG2" }];
    expect(() => buildTotals({ flows: twice }, options)).toThrow(MoneyOverflowError);
    expect(() => buildTotals({ flows: [...flows, ...twice] }, options)).toThrow(MoneyOverflowError);
    const bad: Flow = { ...flows[1]!, id: "BAD", statusDate: "2023-02-30" };
    expect(() => buildTotals({ flows: [...flows, ...twice, bad] }, options)).toThrow(
      MoneyOverflowError,
    );
    expect(() => buildTotals({ flows: [...flows, bad, ...twice] }, options)).toThrow(
      InvalidDateError,
    );
  });
});

describe("budget lines", () => {
  const line = {
    operationCode: "OP1",
    taskCode: "T1",
    entityCode: "UNDP",
    currency: "USD",
    periodStart: "2023-01-01",
    periodEnd: "2023-12-31",
    amountMinor: 100,
  };
  it("refuse two rows of one stage and unknown stages, line by line in order", () => {
    const rows = [
      { ...line, lineRef: "A", stage: "proposed" },
      { ...line, lineRef: "B", stage: "bogus" },
      { ...line, lineRef: "A", stage: "proposed" },
    ] as RequirementLine[];
    expect(() => buildTotals({ requirementLines: rows }, options)).toThrow(
      new InvalidRecordError(
        "A",
        'two "proposed" rows (a supplementary appropriation is a line of its own)',
      ),
    );
    expect(() => buildTotals({ requirementLines: rows.slice(1) }, options)).toThrow(
      new InvalidRecordError("B", 'unknown stage "bogus"'),
    );
  });

  it("count the highest stage as requirement and the approved row as appropriated", () => {
    const rows = [
      { ...line, lineRef: "A", stage: "appropriated", amountMinor: 300 },
      { ...line, lineRef: "A", stage: "proposed", amountMinor: 400 },
      { ...line, lineRef: "A", stage: "revised", amountMinor: 350 },
      { ...line, lineRef: "A", stage: "expended", amountMinor: 10 },
    ] as RequirementLine[];
    const sums = buildTotals({ requirementLines: rows }, options)
      .cells()
      .reduce(
        (s, c) => [
          s[0]! + c.values.requirement,
          s[1]! + c.values.appropriated,
          s[2]! + c.values.expended,
        ],
        [0, 0, 0],
      );
    expect(sums).toEqual([350, 350, 10]);
  });
});

describe("large reconciliation", () => {
  it("gives the figures the engine gave before its cells were restructured", () => {
    const rec = finalizeTotals(buildTotals({ flows, requirementLines }, options), options);
    const figures = ops.flatMap((op) =>
      years.flatMap((year) => {
        const table = rec.taskTable(op, year);
        return [
          ...table.tasks.map((t) => [
            t.figures.requirement,
            t.figures.funded,
            t.figures.attributed.funded,
          ]),
          [table.notSpecified.funded, table.total.funded, table.total.pledged],
          ...table.unallocated.map((u) => [u.figures.funded]),
        ];
      }),
    );
    let h = 0;
    for (const v of figures.flat()) h = (Math.imul(h, 31) + (v % 1_000_003)) | 0;
    expect([figures.length, h, rec.cellCount]).toMatchInlineSnapshot(`
      [
        120,
        1262295189,
        153091,
      ]
    `);
  });
});
