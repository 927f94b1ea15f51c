import { describe, expect, it } from "vitest";
import { streamCanonicalCsv } from "./parse-csv";
import type { ReadOptions } from "./parse-csv";
import type { ParseBatch } from "./reader";
import { streamCanonicalCsvInWorker } from "./stream-in-worker";

const HEADER =
  "external_ref,source,recipient,operation,task_code,funding_type,status,amount,currency,date,period_start,period_end,earmarking,category,notes\n";

/** Rows with a bad amount every 997th, a bad date every 1,409th and a duplicate key every 2,003rd. */
function flowsCsv(rows: number): string {
  let text = HEADER;
  for (let i = 0; i < rows; i++) {
    const ref = i % 2003 === 2002 ? `FL-${i - 1}` : `FL-${i}`;
    const amount = i % 997 === 5 ? "12x.50" : `${i}.25`;
    const date = i % 1409 === 7 ? "2024-13-40" : "2024-03-15";
    text += `${ref},DEU,UNDP,MINUSCA,CIV,voluntary_earmarked,paid,${amount},USD,${date},,,earmarked,,"note, ${i}"\n`;
  }
  return text;
}

/** The source in chunks of `size` bytes, cut anywhere (inside quotes and lines too). */
function* chunked(text: string, size: number): Generator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function collect<R>(batches: AsyncIterable<ParseBatch<R>>): Promise<ParseBatch<R>[]> {
  const all: ParseBatch<R>[] = [];
  for await (const batch of batches) all.push(batch);
  return all;
}

const options: ReadOptions = { fileName: "flows.csv", batchSize: 1000 };

describe("streamCanonicalCsvInWorker", () => {
  it("yields exactly the batches, records, problems and rejects of the in-thread reader", async () => {
    const text = flowsCsv(12_000);
    const inThread = await collect(streamCanonicalCsv("flows", chunked(text, 7_777), options));
    const inWorker = await collect(
      streamCanonicalCsvInWorker("flows", chunked(text, 7_777), options),
    );
    expect(inThread.flatMap((b) => b.problems).length).toBeGreaterThan(20);
    expect(inWorker).toEqual(inThread);
  });

  it("reports a file-level problem (no header row) as the in-thread reader does", async () => {
    for (const text of ["", "\uFEFF", "a;b\n1;2\n"]) {
      const inThread = await collect(streamCanonicalCsv("flows", text, options));
      const inWorker = await collect(streamCanonicalCsvInWorker("flows", text, options));
      expect(inWorker).toEqual(inThread);
      expect(inWorker.at(-1)?.problems.length).toBeGreaterThan(0);
    }
  });

  it("applies the column mapping in the worker", async () => {
    const text = flowsCsv(20).replace("external_ref,", "Reference,");
    const mapped = { ...options, columns: { Reference: "external_ref" } };
    const inWorker = await collect(streamCanonicalCsvInWorker("flows", text, mapped));
    expect(inWorker).toEqual(await collect(streamCanonicalCsv("flows", text, mapped)));
    expect(inWorker[0]?.records).toHaveLength(18);
  });

  it("passes on an error of the source and stops the worker", async () => {
    function* failing(): Generator<Uint8Array> {
      yield new TextEncoder().encode(flowsCsv(100));
      throw new Error("disk gone");
    }
    await expect(collect(streamCanonicalCsvInWorker("flows", failing(), options))).rejects.toThrow(
      "disk gone",
    );
  });

  it("stops the worker when the reader stops early", async () => {
    let taken = 0;
    for await (const batch of streamCanonicalCsvInWorker(
      "flows",
      chunked(flowsCsv(5000), 4096),
      options,
    )) {
      taken += batch.records.length;
      break;
    }
    expect(taken).toBeGreaterThan(0);
  });
});
