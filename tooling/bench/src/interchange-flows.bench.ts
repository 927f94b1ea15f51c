// Streams a generated 1,000,000-row canonical flows CSV through @coherence/interchange's reader
// and reports rows/s and peak heap. Run: pnpm --filter @coherence/bench bench:interchange
// (add --expose-gc through NODE_OPTIONS to see the heap after collection).
import { Readable } from "node:stream";
import { streamCanonicalCsv } from "@coherence/interchange";

const ROWS = Number(process.argv[2] ?? 1_000_000);
const HEADER =
  "external_ref,source,recipient,operation,task_code,funding_type,status,amount,currency,date,period_start,period_end,earmarking,category,notes\n";

function* chunks(): Generator<Buffer> {
  let chunk = HEADER;
  for (let i = 0; i < ROWS; i++) {
    chunk += `FL-${i},DEU,UNDP,MINUSCA,CIV-PROTECT,voluntary_earmarked,paid,${i}.25,USD,2024-03-15,2024-01-01,2024-12-31,earmarked,UNSDG-1,"note, ${i}"\n`;
    if ((i + 1) % 2000 === 0) {
      yield Buffer.from(chunk);
      chunk = "";
    }
  }
  if (chunk) yield Buffer.from(chunk);
}

const started = performance.now();
let records = 0;
let problems = 0;
let peakHeap = 0;
for await (const batch of streamCanonicalCsv("flows", Readable.from(chunks()), {
  fileName: "bench.csv",
})) {
  records += batch.records.length;
  problems += batch.problems.length;
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}
const seconds = (performance.now() - started) / 1000;
console.log(
  `${records} records, ${problems} problems in ${seconds.toFixed(2)} s: ${Math.round(records / seconds)} rows/s; peak heap ${(peakHeap / 2 ** 20).toFixed(0)} MiB`,
);
