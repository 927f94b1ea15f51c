import { describe, expect, it } from "vitest";
import { streamCanonicalCsv } from "./parse-csv";

const HEADER =
  "external_ref,source,recipient,operation,task_code,funding_type,status,amount,currency,date,period_start,period_end,earmarking,category,notes\n";

function* flowsCsv(rows: number, chunkRows = 5000): Generator<Buffer> {
  let chunk = HEADER;
  for (let i = 0; i < rows; i++) {
    chunk += `FL-${i},DEU,UNDP,MINUSCA,CIV,voluntary_earmarked,paid,${i}.25,USD,2024-03-15,,,earmarked,,"note ${i}"\n`;
    if ((i + 1) % chunkRows === 0) {
      yield Buffer.from(chunk);
      chunk = "";
    }
  }
  if (chunk) yield Buffer.from(chunk);
}

describe("streaming flows", () => {
  it("reads 200,000 rows in batches, one batch at a time (memory is measured by the benchmark)", async () => {
    let records = 0;
    let batches = 0;
    let last = 0;
    for await (const batch of streamCanonicalCsv("flows", flowsCsv(200_000), {
      fileName: "big.csv",
      batchSize: 10_000,
    })) {
      expect(batch.problems).toEqual([]);
      records += batch.records.length;
      batches++;
      last = batch.records.at(-1)?.line ?? last;
    }
    expect(records).toBe(200_000);
    expect(batches).toBeGreaterThanOrEqual(20);
    expect(last).toBe(200_001);
  });
});
