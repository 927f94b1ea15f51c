// report.operation on the demo dataset, called N times through the API's router with the
// server's LedgerCache and without it (every call reading the operation's ledger and
// reconciling it afresh, as before the cache), in alternating rounds in one process. Prints the
// median time per call of each and their ratio against the uncached baseline of the same run.
// Run: pnpm --filter @coherence/bench bench:reports [calls per round]
//      (BENCH_ROUNDS, default 5; BENCH_DB=postgres://… an empty database instead of SQLite)
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { appRouter, createCallerFactory } from "@coherence/api";
import type { Context } from "@coherence/api";
import { connect, migrateToLatest } from "@coherence/db";
import { loadDemoDataset } from "@coherence/imports";
import { LedgerCache } from "@coherence/reports";

const CALLS = Number(process.argv[2] ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const INPUT = { operation: "MINUSCA", period: { kind: "peacekeeping", year: 2024 } } as const;

const dir = process.env.BENCH_DB ? null : mkdtempSync(path.join(tmpdir(), "coherence-bench-"));
const connection = connect(process.env.BENCH_DB ?? path.join(dir!, "reports.db"));
await migrateToLatest(connection.db);
await loadDemoDataset(connection.db, "bench:demo");

const context = (ledgers?: LedgerCache): Context => ({
  db: connection.db,
  engine: connection.engine,
  principal: {
    userId: null,
    username: "bench",
    displayName: "Benchmark",
    role: "reviewer",
    assignments: [],
    via: "cli",
  },
  client: "127.0.0.1",
  now: () => new Date(),
  cookies: { current: null, set: () => {}, clear: () => {} },
  ...(ledgers ? { ledgers } : {}),
});
const createCaller = createCallerFactory(appRouter);
const uncached = createCaller(context());
const cached = createCaller(context(new LedgerCache(connection.db)));

// Same figures both ways (and a warm-up of both paths before timing).
const a = JSON.stringify(await uncached.report.operation(INPUT));
const b = JSON.stringify(await cached.report.operation(INPUT));
if (a !== b) throw new Error("the cached report differs from the uncached one");

async function perCall(caller: typeof uncached): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < CALLS; i++) await caller.report.operation(INPUT);
  return (performance.now() - start) / CALLS;
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(", ");
console.log(`engine: ${connection.engine}; ${CALLS} calls × ${ROUNDS} rounds each way`);
console.log(`load average before: ${load()} (${cpus().length} cores)`);
const without: number[] = [];
const withCache: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  without.push(await perCall(uncached));
  withCache.push(await perCall(cached));
}
const base = median(without);
const fast = median(withCache);
console.log(`load average after:  ${load()}`);
console.log(`uncached (baseline): ${base.toFixed(2)} ms per call (median of ${ROUNDS} rounds)`);
console.log(
  `cached:              ${fast.toFixed(2)} ms per call = ${(fast / base).toFixed(3)} × the baseline (${(base / fast).toFixed(1)}× faster)`,
);
await connection.close();
if (dir) rmSync(dir, { recursive: true, force: true });
