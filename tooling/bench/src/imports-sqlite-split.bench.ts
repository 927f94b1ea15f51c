// Where the SQLite part of a flow import goes: the same statements the import's SQLite fast path
// runs (packages/imports/src/apply/flows-sqlite.ts), timed apart in CPU microseconds per row —
// the flow insert, its status-history row, its audit entry (full record as JSON) and the commit —
// on a freshly migrated file database, in batches of 5,000 like the import.
// Run: pnpm --filter @coherence/bench bench:imports-split [rows]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { connect, migrateToLatest } from "@coherence/db";
import { prepareFlowStatements } from "@coherence/imports/sqlite-flows";

const ROWS = Number(process.argv[2] ?? 500_000);
const BATCH = 5_000;
const dir = mkdtempSync(path.join(tmpdir(), "coherence-split-"));
const connection = connect(path.join(dir, "split.db"));
await migrateToLatest(connection.db);
const raw = connection.sqlite!;
raw.exec(`
  insert into organizations (code, name, kind, fiscal_year_start_month, currency)
    values ('DEU', 'Germany', 'member_state', 1, 'EUR'), ('UNDP', 'UNDP', 'un_entity', 1, 'USD');
  insert into operations (code, name, country) values ('MINUSCA', 'MINUSCA', 'CAF');
  insert into imports (kind, file_name, sha256, actor, at, mode, counts_json)
    values ('flows', 'split.csv', '-', 'bench', '2026-01-01T00:00:00Z', 'atomic', '{}');`);
const statements = prepareFlowStatements(raw);
const now = new Date().toISOString();

const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
const spent = { flow: 0, history: 0, audit: 0, commit: 0 };
raw.exec("begin");
for (let start = 0; start < ROWS; start += BATCH) {
  let mark = cpuSeconds();
  let first = -1;
  let last = -1;
  for (let i = start; i < Math.min(ROWS, start + BATCH); i++) {
    const { lastInsertRowid } = statements.insertFlow.run(
      `SPLIT-${i}`,
      1,
      2,
      1,
      "CIV-PROTECT",
      "voluntary_earmarked",
      "paid",
      "2024-03-15",
      100 + i,
      "USD",
      100 + i,
      "1",
      "identity",
      "2024-01-01",
      "2024-12-31",
      "earmarked",
      null,
      `split row ${i}`,
      null,
      "bench",
      "bench",
      now,
      now,
    );
    if (first < 0) first = Number(lastInsertRowid);
    last = Number(lastInsertRowid);
  }
  let next = cpuSeconds();
  spent.flow += next - mark;
  mark = next;
  statements.history.run(now, 1, first, last);
  next = cpuSeconds();
  spent.history += next - mark;
  mark = next;
  statements.audit.run(now, "bench", null, 1, first, last);
  next = cpuSeconds();
  spent.audit += next - mark;
}
const beforeCommit = cpuSeconds();
raw.exec("commit");
spent.commit = cpuSeconds() - beforeCommit;
await connection.close();
rmSync(dir, { recursive: true, force: true });

const perRow = (seconds: number) => `${((seconds / ROWS) * 1e6).toFixed(1)} µs`;
const total = spent.flow + spent.history + spent.audit + spent.commit;
console.log(`rows: ${ROWS.toLocaleString("en-US")}; CPU per row:`);
for (const [part, seconds] of Object.entries(spent))
  console.log(
    `  ${part.padEnd(8)} ${perRow(seconds)}  (${((seconds / total) * 100).toFixed(0)} %)`,
  );
console.log(`  total    ${perRow(total)} of SQLite per imported flow`);
