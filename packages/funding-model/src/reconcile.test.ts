import { describe, expect, it } from "vitest";
import { Crosswalk } from "./crosswalk";
import { MINUSCA_DEMO as demo } from "./demo-data";
import { RateTable } from "./rates";
import { reconcile } from "./reconcile";
import type { ReconcileOptions } from "./reconcile";
import type { Flow, RequirementStage } from "./types";

const options: ReconcileOptions = {
  scheme: { kind: "peacekeeping" },
  rates: new RateTable(demo.rates),
  crosswalk: new Crosswalk(demo.crosswalk),
  entities: demo.entities,
  mandates: demo.mandates,
};

describe("reconcile on the MINUSCA demo data", () => {
  const rec = reconcile(demo, options);
  const table = rec.taskTable("MINUSCA", 2023);

  it("lists every task in rank order, with the requirement at the highest stage", () => {
    expect(table.tasks.map((t) => [t.taskCode, t.rank])).toEqual([
      ["CIV-PROTECT", 1],
      ["STATE-AUTH", 2],
      ["PEACE-PROC", 3],
      ["HUMANITARIAN", 4],
      ["UN-PROTECT", 5],
    ]);
    expect(table.resolution).toBe("S/RES/2709 (2023)");
    expect(table.tasks[0]!.figures.requirement).toBe(50_500_000_000);
    expect(table.tasks[0]!.figures.expended).toBe(49_800_000_000);
  });

  it("attributes assessed money without a task by appropriated requirement", () => {
    const attributed = table.tasks.reduce((s, t) => s + t.figures.attributed.funded, 0);
    // 277.5M + 195M + 400M USD + JPY 11,300,000,000 / 140 = 80,714,285.71 USD
    expect(attributed).toBe(27_750_000_000 + 19_500_000_000 + 40_000_000_000 + 8_071_428_571);
  });

  it("counts the pooled fund's allocation once and shows its unallocated balance", () => {
    expect(table.unallocated).toHaveLength(1);
    const pbf = table.unallocated[0]!;
    // EUR 9,250,000 at 0.925 = 10,000,000 USD; SAR as FTS converted it; minus the 6M allocation.
    expect(pbf.figures.paid).toBe(1_000_000_000 + 8_675_400);
    expect(pbf.figures.committed).toBe(-600_000_000);
    expect(pbf.figures.funded).toBe(1_000_000_000 + 8_675_400 - 600_000_000);
    expect(table.tasks[2]!.figures.committed).toBeGreaterThanOrEqual(600_000_000);
  });

  it("keeps money for a task outside the mandate in Not specified", () => {
    expect(table.notSpecified.paid).toBe(50_000_000);
  });
});

const base = {
  operationCode: "OP",
  donorCode: "D1",
  recipientEntityCode: "AG",
  fundingType: "voluntary_earmarked" as const,
  currency: "USD",
};
const tasks = [
  { code: "T1", title: "First", rank: 1 },
  { code: "T2", title: "Second", rank: 2 },
  { code: "T3", title: "Third", rank: 3 },
];
const small: ReconcileOptions = {
  scheme: { kind: "calendar" },
  rates: new RateTable([{ currency: "KWD", effectiveFrom: "2020-01-01", unitsPerUsd: "0.3" }]),
  entities: [
    {
      code: "DPO",
      name: "DPO",
      kind: "peacekeeping",
      fiscalYearStartMonth: 7,
      reportingCurrency: "USD",
    },
    {
      code: "AG",
      name: "Agency",
      kind: "agency",
      fiscalYearStartMonth: 1,
      reportingCurrency: "USD",
    },
  ],
  mandates: [
    {
      operationCode: "OP",
      resolution: "R1",
      adoptedOn: "2023-01-01",
      periodStart: "2023-01-01",
      periodEnd: "2025-12-31",
      tasks,
    },
  ],
};
const line = (
  lineRef: string,
  taskCode: string | null,
  amountMinor: number,
  stage: RequirementStage = "appropriated",
) => ({
  lineRef,
  operationCode: "OP",
  taskCode,
  entityCode: "DPO",
  stage,
  amountMinor,
  currency: "USD",
  periodStart: "2024-01-01",
  periodEnd: "2024-12-31",
});

describe("reconcile edge cases", () => {
  it("orders tasks by rank, whatever order the mandate lists them in", () => {
    const reversed = { ...small.mandates[0]!, tasks: [...tasks].reverse() };
    const rec = reconcile(
      { requirementLines: [line("L1", "T2", 100)] },
      {
        ...small,
        mandates: [reversed],
      },
    );
    expect(rec.taskTable("OP", 2024).tasks.map((t) => t.taskCode)).toEqual(["T1", "T2", "T3"]);
  });

  it("takes each line's highest stage as its requirement and never counts expended", () => {
    const rec = reconcile(
      {
        requirementLines: [
          line("L1", "T1", 500, "proposed"),
          line("L1", "T1", 400, "appropriated"),
          line("L1", "T1", 399, "expended"),
          line("L2", "T1", 50, "revised"),
          line("L2", "T1", 70, "recommended"),
        ],
      },
      small,
    );
    expect(rec.taskTable("OP", 2024).tasks[0]!.figures).toMatchObject({
      requirement: 450,
      expended: 399,
    });
  });

  it("counts committed and paid as funded, keeps pledges apart; money without a known task is Not specified", () => {
    const flow = (
      id: string,
      taskCode: string | null,
      status: Flow["status"],
      amountMinor: number,
    ) => ({ ...base, id, taskCode, status, statusDate: "2024-05-01", amountMinor }) satisfies Flow;
    const rec = reconcile(
      {
        requirementLines: [line("L1", "T1", 1000)],
        flows: [
          flow("p", "T1", "pledged", 300),
          flow("c", "T1", "committed", 200),
          flow("d", "T1", "paid", 150),
          flow("s", "T2", "paid", 99),
          flow("n", null, "paid", 7),
          flow("u", "UNKNOWN", "committed", 3),
        ],
      },
      small,
    );
    const table = rec.taskTable("OP", 2024);
    expect(table.tasks[0]!.figures).toMatchObject({
      pledged: 300,
      funded: 350,
      gap: 650,
      surplus: 0,
      coverage: 0.35,
    });
    expect(table.tasks[1]!.figures).toMatchObject({
      requirement: 0,
      funded: 99,
      gap: 0,
      surplus: 99,
      coverage: null,
    });
    expect(table.notSpecified.funded).toBe(10);
  });

  it("zero requirement: coverage undefined, funding is surplus; a task with nothing still has its row", () => {
    const rec = reconcile(
      {
        flows: [
          {
            ...base,
            id: "f",
            taskCode: "T1",
            status: "paid",
            statusDate: "2024-05-01",
            amountMinor: 500,
          },
        ],
      },
      small,
    );
    const table = rec.taskTable("OP", 2024);
    expect(table.tasks[0]!.figures).toMatchObject({
      requirement: 0,
      funded: 500,
      gap: 0,
      surplus: 500,
      coverage: null,
      coverageRatio: null,
    });
    expect(table.tasks[2]!.figures).toMatchObject({ requirement: 0, funded: 0, coverage: null });
    expect(table.tasks.map((t) => t.taskCode)).toEqual(["T1", "T2", "T3"]);
  });

  it("a flow to an operation without a mandate is Not specified at operation level", () => {
    const rec = reconcile(
      {
        flows: [
          {
            ...base,
            id: "f",
            operationCode: "NOMANDATE",
            taskCode: "T1",
            status: "committed",
            statusDate: "2024-05-01",
            amountMinor: 700,
          },
        ],
      },
      small,
    );
    const table = rec.taskTable("NOMANDATE", 2024);
    expect(table.tasks).toEqual([]);
    expect(table.resolution).toBeNull();
    expect(table.notSpecified.funded).toBe(700);
  });

  it("attribution: equal remainders go to the higher-ranked task", () => {
    const rec = reconcile(
      {
        requirementLines: [line("L1", "T3", 100), line("L2", "T2", 100), line("L3", "T1", 100)],
        flows: [
          {
            ...base,
            id: "a",
            taskCode: null,
            recipientEntityCode: "DPO",
            fundingType: "assessed",
            status: "paid",
            statusDate: "2024-01-01",
            amountMinor: 2,
          },
        ],
      },
      small,
    );
    const table = rec.taskTable("OP", 2024);
    expect(table.tasks.map((t) => [t.taskCode, t.figures.paid, t.figures.attributed.paid])).toEqual(
      [
        ["T1", 1, 1],
        ["T2", 1, 1],
        ["T3", 0, 0],
      ],
    );
    expect(
      rec
        .rows({ groupBy: ["attributed"], where: { operationCode: "OP" } })
        .map((r) => [r.key.attributed, r.figures.paid]),
    ).toEqual([
      [false, 0],
      [true, 2],
    ]);
  });

  it("assessed money without a task stays Not specified when no task has an appropriated requirement", () => {
    const rec = reconcile(
      {
        requirementLines: [line("L1", "T1", 100, "proposed")],
        flows: [
          {
            ...base,
            id: "a",
            taskCode: null,
            recipientEntityCode: "DPO",
            fundingType: "assessed",
            status: "paid",
            statusDate: "2024-01-01",
            amountMinor: 2,
          },
        ],
      },
      small,
    );
    expect(rec.taskTable("OP", 2024).notSpecified.paid).toBe(2);
  });

  it("usage periods that start before and end after the report keep only their days in it", () => {
    const rec = reconcile(
      {
        flows: [
          {
            ...base,
            id: "f",
            taskCode: "T1",
            status: "paid",
            statusDate: "2023-01-01",
            amountMinor: 1_000_000,
            currency: "KWD",
            usageStart: "2022-07-01",
            usageEnd: "2026-06-30",
          },
        ],
      },
      small,
    );
    // 1,000.000 KWD / 0.3 = 3,333.33 USD (333333 cents) over 1461 days: 184, 365, 366, 365, 181.
    const years = rec
      .rows({ groupBy: ["period"] })
      .map((r) => [r.key.period?.label, r.figures.paid]);
    expect(years).toEqual([
      ["2022", 41980],
      ["2023", 83276],
      ["2024", 83505],
      ["2025", 83276],
      ["2026", 41296],
    ]);
    expect(years.reduce((s, [, v]) => s + (v as number), 0)).toBe(333333);
  });

  it("uses the status as of a date from the dated history", () => {
    const flow = {
      ...base,
      id: "f",
      taskCode: "T1",
      status: "paid" as const,
      statusDate: "2024-06-01",
      amountMinor: 900,
      history: [
        { status: "pledged" as const, date: "2024-01-10", amountMinor: 1000 },
        { status: "committed" as const, date: "2024-03-01" },
        { status: "paid" as const, date: "2024-06-01" },
      ],
    };
    const at = (asOf: string | null) => reconcile({ flows: [flow] }, { ...small, asOf }).total();
    expect(at(null)).toMatchObject({ pledged: 0, committed: 0, paid: 900 });
    expect(at("2024-02-01")).toMatchObject({ pledged: 1000, committed: 0, paid: 0 });
    expect(at("2024-03-01")).toMatchObject({ pledged: 0, committed: 900, paid: 0 });
    expect(at("2023-12-31")).toMatchObject({ pledged: 0, committed: 0, paid: 0 });
  });

  it("counts a transfer once: at its final leg, taken off the source entity", () => {
    const rec = reconcile(
      {
        flows: [
          {
            ...base,
            id: "in",
            taskCode: null,
            recipientEntityCode: "FUND",
            fundingType: "pooled",
            status: "paid",
            statusDate: "2024-02-01",
            amountMinor: 1000,
          },
          {
            ...base,
            id: "out",
            taskCode: "T2",
            donorCode: "FUND",
            fundingType: "pooled",
            status: "paid",
            statusDate: "2024-03-01",
            amountMinor: 600,
            transferFromEntityCode: "FUND",
          },
        ],
      },
      {
        ...small,
        entities: [
          ...small.entities!,
          {
            code: "FUND",
            name: "Fund",
            kind: "pooled_fund",
            fiscalYearStartMonth: 1,
            reportingCurrency: "USD",
          },
        ],
      },
    );
    const table = rec.taskTable("OP", 2024);
    expect(table.total.paid).toBe(1000);
    expect(table.tasks[1]!.figures.paid).toBe(600);
    expect(table.unallocated).toMatchObject([{ entityCode: "FUND", figures: { paid: 400 } }]);
    expect(table.notSpecified.paid).toBe(0);
  });

  it("reconciles over custom one-day periods", () => {
    const rec = reconcile(
      {
        flows: [
          {
            ...base,
            id: "f",
            taskCode: "T1",
            status: "paid",
            statusDate: "2024-01-01",
            amountMinor: 10,
            usageStart: "2024-01-01",
            usageEnd: "2024-01-03",
          },
        ],
      },
      {
        ...small,
        scheme: {
          kind: "custom",
          periods: [{ label: "day-2", from: "2024-01-02", to: "2024-01-02" }],
        },
      },
    );
    expect(
      rec.rows({ groupBy: ["period"] }).map((r) => [r.key.period?.label ?? null, r.figures.paid]),
    ).toEqual([
      [null, 7],
      ["day-2", 3],
    ]);
    expect(rec.taskTable("OP", 0).tasks[0]!.figures.paid).toBe(3);
  });
});
