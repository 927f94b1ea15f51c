// Reconciliation benchmark (run on demand: `pnpm --filter @coherence/bench bench:reconcile`).
// Builds a seeded synthetic dataset of 1,000,000 flows and 100,000 requirement lines over
// 20 operations × 12 tasks × 5 peacekeeping years, then times, on the same records:
//   floor      — one loop summing each flow's USD cents into a Map keyed by operation, task,
//                period and status (USD cents precomputed, outside the timing);
//   reconcile  — the full engine: conversion, day-overlap spreading, crosswalk split,
//                transfers, requirement stages, attribution and every operation × period task table.
import os from "node:os";
import {
  buildTotals,
  finalizeTotals,
  type Figures,
  type Reconciliation,
  type TaskTable,
} from "@coherence/funding-model";
import {
  FLOWS,
  OPS,
  YEARS,
  dayIndex,
  flows,
  ops,
  options,
  rateTable,
  requirementLines,
} from "./reconcile-dataset";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

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
