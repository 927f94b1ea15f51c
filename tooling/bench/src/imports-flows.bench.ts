// Imports a seeded 1,000,000-row canonical flows CSV into a fresh SQLite database through
// @coherence/imports (full validation, reference resolution, conversion, status history, audit
// entry per row, one transaction) and prints rows/s next to a floor measured in the same run:
// the same rows inserted into the same flows table by one prepared better-sqlite3 statement in
// one transaction, on a connection with the import's settings; and a second floor that also
// writes the history rows and audit entries the import must write. Peak RSS is sampled every 50 ms;
// with NODE_OPTIONS=--expose-gc the live heap after collection is printed at each quarter.
// Run: pnpm --filter @coherence/bench bench:imports [rows]   (under /usr/bin/time -v for max RSS)
import {
  createReadStream,
  createWriteStream,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from "node:fs";
import { once } from "node:events";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { connect, migrateToLatest } from "@coherence/db";
import { runImport } from "@coherence/imports";
import { prepareFlowStatements } from "@coherence/imports/sqlite-flows";

const ROWS = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(path.join(tmpdir(), "coherence-bench-"));
const HEADER =
  "external_ref,source,recipient,operation,task_code,funding_type,status,amount,currency,date,period_start,period_end,earmarking,category,notes\n";
const DONORS = ["DEU", "GBR", "NOR", "USA"];
const RECIPIENTS = ["UNDP", "UNICEF", "WFP"];
const TASKS = ["CIV-PROTECT", "STATE-AUTH", "PEACE-PROC", ""];
const STATUSES = ["pledged", "committed", "paid"];

/** Deterministic row i (a small LCG: the same file on every run). */
function row(i: number) {
  const r = (Math.imul(i + 1, 2654435761) >>> 0) % 1_000_000;
  const currency = r % 5 === 0 ? "EUR" : "USD";
  const month = String(1 + (r % 12)).padStart(2, "0");
  const withPeriod = r % 3 !== 0;
  return {
    ref: `BENCH-${i}`,
    source: DONORS[r % 4]!,
    recipient: RECIPIENTS[r % 3]!,
    task: TASKS[r % 4]!,
    status: STATUSES[r % 3]!,
    amount: `${100 + (r % 900_000)}.${String(r % 100).padStart(2, "0")}`,
    currency,
    date: `2024-${month}-15`,
    start: withPeriod ? "2024-01-01" : "",
    end: withPeriod ? "2024-12-31" : "",
    notes: `bench row ${i}`,
  };
}

async function writeFile(file: string) {
  const out = createWriteStream(file);
  let chunk = HEADER;
  for (let i = 0; i < ROWS; i++) {
    const x = row(i);
    chunk += `${x.ref},${x.source},${x.recipient},MINUSCA,${x.task},voluntary_earmarked,${x.status},${x.amount},${x.currency},${x.date},${x.start},${x.end},earmarked,,${x.notes}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  out.end(chunk);
  await once(out, "finish");
}

const REFERENCE = {
  organizations: `code,name,kind,fiscal_year_start_month,currency\nDEU,Germany,member_state,1,EUR\nGBR,United Kingdom,member_state,4,GBP\nNOR,Norway,member_state,1,NOK\nUSA,United States,member_state,10,USD\nUNDP,UNDP,un_entity,1,USD\nUNICEF,UNICEF,un_entity,1,USD\nWFP,WFP,un_entity,1,USD\n`,
  rates: `currency,units_per_usd,effective_date\nEUR,0.925,2024-01-01\n`,
  mandates: `operation,country,resolution,adopted_on,period_start,period_end,task_code,task_title,rank\nMINUSCA,CAF,S/RES/2709 (2023),2023-11-14,2023-11-15,2024-11-15,CIV-PROTECT,Protection of civilians,1\nMINUSCA,CAF,S/RES/2709 (2023),2023-11-14,2023-11-15,2024-11-15,STATE-AUTH,State authority,2\nMINUSCA,CAF,S/RES/2709 (2023),2023-11-14,2023-11-15,2024-11-15,PEACE-PROC,Peace process,3\n`,
};

async function freshDb(name: string) {
  // The server's settings: the log is copied into the file by a background thread.
  // BENCH_CHECKPOINTS=0: SQLite's automatic checkpoint in the commit instead (the CLI's setting).
  const connection = connect(path.join(dir, name), {
    backgroundCheckpoints: process.env.BENCH_CHECKPOINTS !== "0",
  });
  await migrateToLatest(connection.db);
  for (const [kind, text] of Object.entries(REFERENCE)) {
    const outcome = await runImport(connection.db, {
      kind: kind as "organizations",
      files: [{ fileName: `${kind}.csv`, data: text }],
      actor: "bench",
    });
    if (!outcome.committed) throw new Error(`reference ${kind} did not import`);
  }
  return connection;
}

/**
 * CPU seconds of this process's main thread alone (Linux: /proc/self/task/<pid>/stat): the
 * import's own work, without V8's helper threads and the background checkpoints; null where
 * /proc is not there.
 */
function mainThreadCpuSeconds(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 per second).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * With --expose-gc (NODE_OPTIONS=--expose-gc): the main thread's live heap after a full
 * collection at each quarter of the rows, to tell memory that grows with the file from garbage
 * not yet collected. (The collections slow the import: time it without.)
 */
const liveHeap: string[] = [];
const collect = (globalThis as { gc?: () => void }).gc;
let nextQuarter = 1;
function sampleLiveHeap(progress: { rowsDone: number }) {
  if (!collect || progress.rowsDone < (ROWS * nextQuarter) / 4) return;
  collect();
  liveHeap.push(
    `${progress.rowsDone.toLocaleString("en-US")} rows: ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`,
  );
  nextQuarter++;
}

/** User + system CPU seconds of a `process.cpuUsage` difference. */
function cpuSeconds(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1e6;
}

let peakRss = 0;
/** V8's heap (JS objects) when the RSS peaked: the rest is SQLite, buffers and code. */
let peakHeap = 0;
const sampler = setInterval(() => {
  const usage = process.memoryUsage();
  if (usage.rss > peakRss) {
    peakRss = usage.rss;
    peakHeap = usage.heapTotal;
  }
}, 50);

const file = path.join(dir, "flows.csv");
await writeFile(file);
const size = statSync(file).size;

// The import.
const imported = await freshDb("import.db");
for (const p of (process.env.BENCH_PRAGMAS ?? "").split(";").filter(Boolean))
  imported.sqlite!.pragma(p);
peakRss = process.memoryUsage().rss;
peakHeap = process.memoryUsage().heapTotal;
const rssBefore = peakRss;
const cpu0 = process.cpuUsage();
const mainCpu0 = mainThreadCpuSeconds();
const t0 = performance.now();
const outcome = await runImport(imported.db, {
  kind: "flows",
  files: [{ fileName: "flows.csv", data: createReadStream(file), size }],
  actor: "bench",
  // BENCH_GENERAL=1 measures the general (Kysely) path that PostgreSQL takes, on SQLite.
  ...(process.env.BENCH_GENERAL === "1" ? { fastPath: false } : {}),
  onProgress: sampleLiveHeap,
});
const importSeconds = (performance.now() - t0) / 1000;
const importCpu = cpuSeconds(process.cpuUsage(cpu0));
const mainCpu1 = mainThreadCpuSeconds();
const importMainCpu = mainCpu0 === null || mainCpu1 === null ? null : mainCpu1 - mainCpu0;
const importPeak = peakRss;
const importPeakHeap = peakHeap;
// Closing copies what the background thread has not yet copied of the log into the file.
const closeStarted = performance.now();
await imported.close();
const closeSeconds = (performance.now() - closeStarted) / 1000;
if (!outcome.committed || outcome.counts.created !== ROWS)
  throw new Error(
    `import failed: ${JSON.stringify(outcome.counts)} ${JSON.stringify(outcome.problems.slice(0, 3))}`,
  );

/**
 * The floor: the same rows inserted by one prepared statement in one transaction, on a connection
 * opened by `connect` (the import's settings: WAL, foreign keys, cache). With `recorded`, every
 * 5,000 rows also get their status-history rows and audit entries, written set-based by SQLite
 * from the rows just inserted (the statements the import uses): what the import must write at
 * the least, without reading, validating or converting anything.
 */
async function floorRun(name: string, recorded: boolean) {
  const connection = await freshDb(name);
  const raw = connection.sqlite!;
  const ids = Object.fromEntries(
    (raw.prepare("select id, code from organizations").all() as { id: number; code: string }[]).map(
      (o) => [o.code, o.id],
    ),
  );
  const opId = (raw.prepare("select id from operations").get() as { id: number }).id;
  const insert = raw.prepare(
    `insert into flows (external_ref, source_id, recipient_id, operation_id, task_code, funding_type, status, status_date, amount, currency, amount_usd_cents, units_per_usd, rate_origin, period_start, period_end, earmarking, category, notes, provenance)
     values (?, ?, ?, ?, ?, 'voluntary_earmarked', ?, ?, ?, ?, ?, ?, 'identity', ?, ?, 'earmarked', null, ?, 'bench')`,
  );
  const statements = prepareFlowStatements(raw);
  const now = new Date().toISOString();
  const record = (first: number, last: number) => {
    statements.history.run(now, null, first, last);
    statements.audit.run(now, "bench", null, null, first, last);
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  raw.transaction(() => {
    let first = -1;
    let last = -1;
    for (let i = 0; i < ROWS; i++) {
      const x = row(i);
      const minor = Math.round(Number(x.amount) * 100);
      last = Number(
        insert.run(
          x.ref,
          ids[x.source],
          ids[x.recipient],
          opId,
          x.task || null,
          x.status,
          x.date,
          minor,
          x.currency,
          minor,
          "1",
          x.start || "2024-01-01",
          x.end || "2024-12-31",
          x.notes,
        ).lastInsertRowid,
      );
      if (first < 0) first = last;
      if (recorded && (i + 1) % 5000 === 0) {
        record(first, last);
        first = -1;
      }
    }
    if (recorded && first >= 0) record(first, last);
  })();
  const seconds = (performance.now() - started) / 1000;
  const cpuUsed = cpuSeconds(process.cpuUsage(cpu));
  await connection.close();
  return { seconds, cpu: cpuUsed };
}

const plain = await floorRun("floor.db", false);
const recorded = await floorRun("floor-recorded.db", true);
const floorSeconds = plain.seconds;
const floorCpu = plain.cpu;
clearInterval(sampler);
rmSync(dir, { recursive: true, force: true });

const rate = ROWS / importSeconds;
const floor = ROWS / floorSeconds;
console.log(
  `load:    ${loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")} (1, 5, 15 min) on ${cpus().length} cores`,
);
console.log(`rows: ${ROWS.toLocaleString("en-US")} (${(size / 2 ** 20).toFixed(0)} MiB CSV)`);
console.log(
  `import:  ${importSeconds.toFixed(1)} s, ${Math.round(rate).toLocaleString("en-US")} rows/s, CPU ${importCpu.toFixed(1)} s = ${Math.round(ROWS / importCpu).toLocaleString("en-US")} rows per CPU-second (validation, conversion, history, audit, one transaction)`,
);
if (importMainCpu !== null)
  console.log(
    `         of which the main thread ${importMainCpu.toFixed(1)} s = ${Math.round(ROWS / importMainCpu).toLocaleString("en-US")} rows per main-thread CPU-second (the rest: V8's helper threads, background checkpoints)`,
  );
console.log(
  `         then closing the database (copying the rest of the log into the file): ${closeSeconds.toFixed(1)} s`,
);
console.log(
  `floor:   ${floorSeconds.toFixed(1)} s, ${Math.round(floor).toLocaleString("en-US")} rows/s, CPU ${floorCpu.toFixed(1)} s = ${Math.round(ROWS / floorCpu).toLocaleString("en-US")} rows per CPU-second (one prepared statement, one transaction)`,
);
console.log(
  `floor+:  ${recorded.seconds.toFixed(1)} s, ${Math.round(ROWS / recorded.seconds).toLocaleString("en-US")} rows/s, CPU ${recorded.cpu.toFixed(1)} s (the floor plus the history rows and audit entries, written set-based by SQLite)`,
);
console.log(
  `ratio:   import is ${(floor / rate).toFixed(1)}× slower than the floor (${(importCpu / floorCpu).toFixed(1)}× its CPU time); goal 100,000 rows/s ${rate >= 100_000 ? "met" : "NOT met"}`,
);
console.log(
  `memory:  peak RSS during the import ${(importPeak / 2 ** 20).toFixed(0)} MiB (before it: ${(rssBefore / 2 ** 20).toFixed(0)} MiB; V8 heap at the peak ${(importPeakHeap / 2 ** 20).toFixed(0)} MiB)`,
);
if (liveHeap.length > 0) console.log(`live heap (main thread, after GC): ${liveHeap.join("; ")}`);
