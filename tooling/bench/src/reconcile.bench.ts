// Reconciliation benchmark (run on demand: `pnpm --filter @coherence/bench bench:reconcile`).
// Builds a seeded synthetic dataset of 1,000,000 flows and 100,000 requirement lines over
// 20 operations × 12 tasks × 5 peacekeeping years, then times, on the same records:
//   floor      — one loop summing each flow's USD cents into a Map keyed by operation, task,
//                period and status (USD cents precomputed, outside the timing);
//   reconcile  — the full engine: conversion, day-overlap spreading, crosswalk split,
//                transfers, requirement stages, attribution and every operation × period task table.
import {
  Crosswalk,
  RateTable,
  buildTotals,
  finalizeTotals,
  type Entity,
  type ExchangeRate,
  type Flow,
  type FlowStatus,
  type FundingType,
  type Mandate,
  type ReconcileOptions,
  type RequirementLine,
} from "@coherence/funding-model";

const FLOWS = Number(process.env.BENCH_FLOWS ?? 1_000_000);
const LINES = Number(process.env.BENCH_LINES ?? 100_000);
const OPS = 20;
const TASKS = 12;
const YEARS = [2020, 2021, 2022, 2023, 2024];
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

// mulberry32: small, fast, seeded.
let seed = 20240701;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const ops = Array.from({ length: OPS }, (_, i) => `OP${String(i + 1).padStart(2, "0")}`);
const taskCodes = Array.from({ length: TASKS }, (_, i) => `T${String(i + 1).padStart(2, "0")}`);
const agencies = ["UNDP", "UNICEF", "WFP", "OHCHR", "UNHCR", "UNFPA", "UNOPS", "FAO"];
const entities: Entity[] = [
  {
    code: "UN-DPO",
    name: "UN-DPO",
    kind: "peacekeeping",
    fiscalYearStartMonth: 7,
    reportingCurrency: "USD",
    taxonomy: "PK",
  },
  {
    code: "PBF",
    name: "Peacebuilding Fund",
    kind: "pooled_fund",
    fiscalYearStartMonth: 1,
    reportingCurrency: "USD",
  },
  ...agencies.map((code): Entity => ({
    code,
    name: code,
    kind: "agency",
    fiscalYearStartMonth: 1,
    reportingCurrency: "USD",
    taxonomy: "AG",
  })),
];
const donors = Array.from({ length: 60 }, (_, i) => `D${String(i + 1).padStart(2, "0")}`);
const currencies = ["EUR", "GBP", "JPY", "KWD", "NOK"];

// Monthly operational rates for every currency over the whole window.
const rates: ExchangeRate[] = [];
const base: Record<string, number> = { EUR: 0.92, GBP: 0.79, JPY: 140, KWD: 0.307, NOK: 10.5 };
for (let y = 2019; y <= 2026; y++)
  for (let m = 1; m <= 12; m++)
    for (const c of currencies)
      rates.push({
        currency: c,
        effectiveFrom: `${y}-${String(m).padStart(2, "0")}-01`,
        unitsPerUsd: (base[c]! * (0.9 + random() * 0.2)).toFixed(c === "JPY" ? 2 : 4),
      });

const dates: string[] = [];
for (let d = Date.UTC(2020, 6, 1); d <= Date.UTC(2025, 5, 30); d += 86400000)
  dates.push(new Date(d).toISOString().slice(0, 10));
const dayIndex = new Map(dates.map((d, i) => [d, i]));

const mandates: Mandate[] = ops.map((operationCode) => ({
  operationCode,
  resolution: `S/RES/${operationCode}`,
  adoptedOn: "2020-06-30",
  periodStart: "2020-07-01",
  periodEnd: "2025-06-30",
  tasks: taskCodes.map((code, i) => ({ code, title: code, rank: i + 1 })),
}));

const crosswalk = new Crosswalk([
  { taxonomy: "PK", categoryCode: "OPERATIONAL", commonCode: "UNSDG-2", share: "1/3" },
  { taxonomy: "PK", categoryCode: "OPERATIONAL", commonCode: "UNSDG-4", share: "1/3" },
  { taxonomy: "PK", categoryCode: "OPERATIONAL", commonCode: "UNSDG-7", share: "1/3" },
  { taxonomy: "PK", categoryCode: "PERSONNEL", commonCode: "UNSDG-1", share: "1" },
  { taxonomy: "AG", categoryCode: "PROJECT", commonCode: "UNSDG-1", share: "0.25" },
  { taxonomy: "AG", categoryCode: "PROJECT", commonCode: "UNSDG-6", share: "0.5" },
  { taxonomy: "AG", categoryCode: "PROJECT", commonCode: "UNSDG-7", share: "0.25" },
]);

const statuses: FlowStatus[] = ["pledged", "committed", "committed", "paid", "paid", "paid"];
const voluntary: FundingType[] = ["voluntary_core", "voluntary_earmarked", "voluntary_earmarked"];

console.log(
  `Generating ${FLOWS.toLocaleString("en")} flows and ${LINES.toLocaleString("en")} requirement lines…`,
);
const flows: Flow[] = new Array<Flow>(FLOWS);
for (let i = 0; i < FLOWS; i++) {
  const roll = random();
  const day = Math.floor(random() * dates.length);
  const statusDate = dates[day]!;
  const multi = random() < 0.4;
  const usageEnd = multi
    ? dates[Math.min(dates.length - 1, day + 30 + Math.floor(random() * 700))]!
    : null;
  const currency = random() < 0.85 ? "USD" : pick(currencies);
  const amountMinor = Math.floor(random() * (currency === "JPY" ? 5e8 : 5e9));
  let flow: Flow;
  if (roll < 0.15) {
    // Assessed contribution: no task, to the mission; attributed by requirement.
    flow = {
      id: `F${i}`,
      operationCode: pick(ops),
      taskCode: null,
      donorCode: pick(donors),
      recipientEntityCode: "UN-DPO",
      fundingType: "assessed",
      status: pick(statuses),
      statusDate,
      amountMinor,
      currency,
      usageStart: multi ? statusDate : null,
      usageEnd,
    };
  } else if (roll < 0.2) {
    // Receipt of the pooled fund (no task) …
    flow = {
      id: `F${i}`,
      operationCode: pick(ops),
      taskCode: null,
      donorCode: pick(donors),
      recipientEntityCode: "PBF",
      fundingType: "pooled",
      status: "paid",
      statusDate,
      amountMinor,
      currency,
    };
  } else if (roll < 0.23) {
    // … and its allocations to agencies: transfers counted once.
    flow = {
      id: `F${i}`,
      operationCode: pick(ops),
      taskCode: pick(taskCodes),
      donorCode: "PBF",
      recipientEntityCode: pick(agencies),
      fundingType: "pooled",
      status: pick(statuses),
      statusDate,
      amountMinor,
      currency: "USD",
      transferFromEntityCode: "PBF",
      usageStart: multi ? statusDate : null,
      usageEnd,
    };
  } else {
    flow = {
      id: `F${i}`,
      operationCode: pick(ops),
      taskCode: random() < 0.1 ? null : pick(taskCodes),
      donorCode: pick(donors),
      recipientEntityCode: pick(agencies),
      fundingType: pick(voluntary),
      status: pick(statuses),
      statusDate,
      amountMinor,
      currency,
      usageStart: multi ? statusDate : null,
      usageEnd,
      categoryCode: random() < 0.2 ? "PROJECT" : null,
    };
  }
  flows[i] = flow;
}

const requirementLines: RequirementLine[] = [];
for (let i = 0; requirementLines.length < LINES; i++) {
  const year = pick(YEARS);
  const peacekeeping = random() < 0.5;
  const common = {
    lineRef: `L${i}`,
    operationCode: pick(ops),
    taskCode: random() < 0.05 ? null : pick(taskCodes),
    entityCode: peacekeeping ? "UN-DPO" : pick(agencies),
    currency: "USD",
    periodStart: peacekeeping ? `${year}-07-01` : `${year + 1}-01-01`,
    periodEnd: peacekeeping ? `${year + 1}-06-30` : `${year + 1}-12-31`,
    categoryCode: peacekeeping ? pick(["OPERATIONAL", "PERSONNEL"]) : "PROJECT",
  };
  const amount = Math.floor(random() * 2e10);
  requirementLines.push({ ...common, stage: "proposed", amountMinor: amount });
  if (requirementLines.length < LINES)
    requirementLines.push({
      ...common,
      stage: "appropriated",
      amountMinor: Math.floor(amount * 0.95),
    });
}

const rateTable = new RateTable(rates);
const options: ReconcileOptions = {
  scheme: { kind: "peacekeeping" },
  rates: rateTable,
  crosswalk,
  entities,
  mandates,
};

// The floor's input: each flow's USD cents, precomputed outside the timing.
const usdCents = new Float64Array(FLOWS);
for (let i = 0; i < FLOWS; i++) {
  const f = flows[i]!;
  usdCents[i] = rateTable.convert(f.amountMinor, f.currency, f.statusDate).amountUsdCents;
}

function floor(): number {
  const sums = new Map<string, number>();
  for (let i = 0; i < FLOWS; i++) {
    const f = flows[i]!;
    const date = f.statusDate;
    const year = Number(date.slice(0, 4));
    const period = Number(date.slice(5, 7)) >= 7 ? year : year - 1;
    const key = `${f.operationCode ?? ""}|${f.taskCode ?? ""}|${period}|${f.status}`;
    sums.set(key, (sums.get(key) ?? 0) + usdCents[i]!);
  }
  return sums.size;
}

const phases = { build: 0, finalize: 0, tables: 0, cells: 0 };
function full(): number {
  const t0 = performance.now();
  const totals = buildTotals({ flows, requirementLines }, options);
  const t1 = performance.now();
  const rec = finalizeTotals(totals, options);
  const t2 = performance.now();
  let rows = 0;
  for (const op of ops) for (const year of YEARS) rows += rec.taskTable(op, year).tasks.length;
  const t3 = performance.now();
  Object.assign(phases, {
    build: t1 - t0,
    finalize: t2 - t1,
    tables: t3 - t2,
    cells: totals.cellCount,
  });
  return rows + totals.cellCount;
}

function time(fn: () => number): { ms: number; result: number } {
  const start = performance.now();
  const result = fn();
  return { ms: performance.now() - start, result };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
globalThis.gc?.();
console.log(`Dataset ready: heap ${mb(process.memoryUsage().heapUsed)}, days ${dayIndex.size}`);

const floorTimes: number[] = [];
const fullTimes: number[] = [];
for (let run = 0; run < RUNS; run++) {
  floorTimes.push(time(floor).ms);
  fullTimes.push(time(full).ms);
  globalThis.gc?.();
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const floorMs = median(floorTimes);
const fullMs = median(fullTimes);
console.log(
  `floor     (Map sum of USD cents by operation, task, period, status): ${floorMs.toFixed(0)} ms  runs: ${floorTimes.map((t) => t.toFixed(0)).join(", ")}`,
);
console.log(
  `reconcile (buildTotals + finalizeTotals + ${OPS * YEARS.length} task tables):        ${fullMs.toFixed(0)} ms  runs: ${fullTimes.map((t) => t.toFixed(0)).join(", ")}`,
);
console.log(
  `  last run: buildTotals ${phases.build.toFixed(0)} ms, finalizeTotals ${phases.finalize.toFixed(0)} ms, task tables ${phases.tables.toFixed(0)} ms; ${phases.cells.toLocaleString("en")} cells`,
);
console.log(`ratio reconcile / floor: ${(fullMs / floorMs).toFixed(2)}× (goal ≤ 3×)`);
console.log(
  `peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} (goal ≤ 1 GB), heap now ${mb(process.memoryUsage().heapUsed)}`,
);
