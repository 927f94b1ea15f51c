// Reconciliation benchmark (run on demand: `pnpm --filter @coherence/bench bench:reconcile`).
// Builds a seeded synthetic dataset of 1,000,000 flows and 100,000 requirement lines over
// 20 operations × 12 tasks × 5 peacekeeping years, then times, on the same records:
//   floor      — one loop summing each flow's USD cents into a Map keyed by operation, task,
//                period and status (USD cents precomputed, outside the timing);
//   reconcile  — the full engine: conversion, day-overlap spreading, crosswalk split,
//                transfers, requirement stages, attribution and every operation × period task table.
import os from "node:os";
import {
  Crosswalk,
  RateTable,
  buildTotals,
  finalizeTotals,
  type Entity,
  type ExchangeRate,
  type Flow,
  type FlowStatus,
  type Figures,
  type FundingType,
  type Mandate,
  type ReconcileOptions,
  type Reconciliation,
  type RequirementLine,
  type TaskTable,
} from "@coherence/funding-model";

const FLOWS = Number(process.env.BENCH_FLOWS ?? 1_000_000);
const LINES = Number(process.env.BENCH_LINES ?? 100_000);
const OPS = 20;
const TASKS = 12;
const YEARS = [2020, 2021, 2022, 2023, 2024];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

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

interface Phases {
  build: number;
  finalize: number;
  tables: number;
}
const phases: Phases = { build: 0, finalize: 0, tables: 0 };
const phaseRuns: Phases[] = [];
let cellCount = 0;
let lastTables: TaskTable[] = [];
let lastRec: Reconciliation | null = null;
let keep = false; // keep the last run's result for the digest (only then: it would inflate peak RSS)

/** FNV-1a over every task table's figures: equal digests ⇒ identical dashboard figures. */
function digestOf(values: number[]): string {
  let h = 0x811c9dc5;
  for (const v of values) {
    const s = String(v);
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 124, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

function full(): number {
  const t0 = performance.now();
  const totals = buildTotals({ flows, requirementLines }, options);
  const t1 = performance.now();
  const rec = finalizeTotals(totals, options);
  const t2 = performance.now();
  let rows = 0;
  const tables: TaskTable[] = [];
  for (const op of ops)
    for (const year of YEARS) {
      const table = rec.taskTable(op, year);
      rows += table.tasks.length;
      tables.push(table);
    }
  const t3 = performance.now();
  Object.assign(phases, { build: t1 - t0, finalize: t2 - t1, tables: t3 - t2 });
  phaseRuns.push({ ...phases });
  cellCount = totals.cellCount;
  if (keep) {
    lastTables = tables;
    lastRec = rec;
  }
  return rows + totals.cellCount;
}

interface Sample {
  ms: number;
  /** user + system CPU time of the whole process (main thread and V8's helper threads). */
  cpuMs: number;
  result: number;
}

function time(fn: () => number): Sample {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = fn();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, result };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(", ");
globalThis.gc?.();
console.log(`Dataset ready: heap ${mb(process.memoryUsage().heapUsed)}, days ${dayIndex.size}`);
console.log(`load average before: ${load()} (${os.cpus().length} cores)`);

// Floor and reconcile alternate, so both see the same machine state; GC between samples.
const floorRuns: Sample[] = [];
const fullRuns: Sample[] = [];
for (let run = 0; run < RUNS; run++) {
  floorRuns.push(time(floor));
  globalThis.gc?.();
  keep = run === RUNS - 1;
  fullRuns.push(time(full));
  globalThis.gc?.();
}
// Peak memory of the runs themselves (the digest below allocates its own rows).
const peakRss = process.resourceUsage().maxRSS * 1024;
// Outside the timing: a digest of every figure shown, to check that changes keep them exact.
const digestValues: number[] = [];
const push = (f: Figures) =>
  digestValues.push(
    f.requirement,
    f.appropriated,
    f.expended,
    f.pledged,
    f.committed,
    f.paid,
    f.attributed.pledged,
    f.attributed.committed,
    f.attributed.paid,
  );
for (const table of lastTables) {
  for (const t of table.tasks) push(t.figures);
  push(table.notSpecified);
  push(table.total);
  for (const u of table.unallocated) push(u.figures);
}
// … and a drill-down over the dimensions task tables do not show.
for (const row of lastRec!.rows({
  groupBy: ["entity", "donor", "fundingType", "category", "bucket", "attributed"],
}))
  push(row.figures);
const digest = digestOf(digestValues);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const list = (xs: number[]) => xs.map((t) => t.toFixed(0)).join(", ");
const floorMs = median(floorRuns.map((r) => r.ms));
const fullMs = median(fullRuns.map((r) => r.ms));
const floorCpu = median(floorRuns.map((r) => r.cpuMs));
const fullCpu = median(fullRuns.map((r) => r.cpuMs));
const phase = (k: keyof Phases) => median(phaseRuns.map((p) => p[k])).toFixed(0);
console.log(`medians of ${RUNS} runs (wall ms / CPU ms):`);
console.log(
  `floor     (Map sum of USD cents by operation, task, period, status): ${floorMs.toFixed(0)} ms wall, ${floorCpu.toFixed(0)} ms CPU  runs: ${list(floorRuns.map((r) => r.ms))} / ${list(floorRuns.map((r) => r.cpuMs))}`,
);
console.log(
  `reconcile (buildTotals + finalizeTotals + ${OPS * YEARS.length} task tables):        ${fullMs.toFixed(0)} ms wall, ${fullCpu.toFixed(0)} ms CPU  runs: ${list(fullRuns.map((r) => r.ms))} / ${list(fullRuns.map((r) => r.cpuMs))}`,
);
console.log(
  `  phases (median wall): buildTotals ${phase("build")} ms, finalizeTotals ${phase("finalize")} ms, task tables ${phase("tables")} ms; ${cellCount.toLocaleString("en")} cells; figures digest ${digest}`,
);
console.log(
  `ratio reconcile / floor: ${(fullMs / floorMs).toFixed(2)}× wall, ${(fullCpu / floorCpu).toFixed(2)}× CPU (goal ≤ 3×)`,
);
console.log(
  `peak RSS ${mb(peakRss)} during the runs (goal ≤ 1 GB), heap now ${mb(process.memoryUsage().heapUsed)}`,
);
console.log(`load average after: ${load()}`);
