import type { ByteSource } from "../bytes";
import { reason, reasonFields } from "../reasons";
import type { ColumnMapping } from "./column-map";
import { readCsvRecords } from "../csv/read-csv";
import { FileProblemError } from "../problem";
import type { CanonicalKind, CanonicalRecords } from "../records";
import { KIND_SPECS } from "./kinds";
import { CanonicalReader } from "./reader";
import type { ParseBatch } from "./reader";
import type { ParseResult } from "./parse-result";
import { collect } from "./parse-result";

/** Options of the canonical readers. */
export interface ReadOptions {
  /** Name used in problems (`FILE:LINE: ...`). */
  fileName: string;
  /** Streaming: the number of good records after which a batch is handed over (default 10,000). */
  batchSize?: number;
  /** The file's headers mapped to canonical columns, when they differ (the import wizard's mapping). */
  columns?: ColumnMapping;
}

/**
 * Streams a canonical CSV file as batches of parsed records, with flat memory (only the key set
 * for duplicate detection grows with the file). Problems come with the batch where they were
 * found; whole-file checks (crosswalk sums, mandate consistency) come in the last batch.
 * Never throws on bad input: a fatal problem (empty, binary, tab-separated file, missing
 * columns, unclosed quote) is the last batch's problem.
 * @example
 * for await (const batch of streamCanonicalCsv("flows", fs.createReadStream(path), { fileName: "flows.csv" })) {
 *   await db.insert(batch.records);
 * }
 */
export async function* streamCanonicalCsv<K extends CanonicalKind>(
  kind: K,
  source: ByteSource,
  options: ReadOptions,
): AsyncGenerator<ParseBatch<CanonicalRecords[K]>> {
  const batchSize = options.batchSize ?? 10_000;
  let reader: CanonicalReader<K> | null = null;
  let pendingRecords = 0;
  try {
    for await (const batch of readCsvRecords(source, options.fileName)) {
      reader ??= new CanonicalReader(
        KIND_SPECS[kind],
        options.fileName,
        batch.delimiter === ";",
        options.columns,
      );
      for (const record of batch.records) {
        if (!reader.ready) {
          if (!reader.header(record.line, record.cells)) {
            yield reader.take();
            return;
          }
          continue;
        }
        reader.data(record.line, record.cells, record.issue);
      }
      pendingRecords += batch.records.length;
      if (pendingRecords >= batchSize) {
        pendingRecords = 0;
        yield reader.take();
      }
    }
  } catch (error) {
    if (!(error instanceof FileProblemError)) throw error;
    reader ??= new CanonicalReader(KIND_SPECS[kind], options.fileName, false);
    reader.fail(error.problem);
    yield reader.take();
    return;
  }
  if (!reader?.ready) {
    const r = reader ?? new CanonicalReader(KIND_SPECS[kind], options.fileName, false);
    if (!reader)
      r.fail({
        file: options.fileName,
        line: null,
        column: null,
        value: null,
        ...reasonFields(reason("no_header_row")),
      });
    yield r.take();
    return;
  }
  reader.finish();
  yield reader.take();
}

/**
 * Reads a whole canonical CSV file: every row validated, every problem reported.
 * @example
 * const result = await parseCanonicalCsv("rates", "currency,units_per_usd,effective_date\nEUR,0.92,2024-01-01\n", { fileName: "rates.csv" });
 * result.records[0]; // → { line: 2, currency: "EUR", unitsPerUsd: "0.92", effectiveDate: "2024-01-01" }
 */
export async function parseCanonicalCsv<K extends CanonicalKind>(
  kind: K,
  source: ByteSource,
  options: ReadOptions,
): Promise<ParseResult<CanonicalRecords[K]>> {
  return collect(
    kind,
    options.fileName,
    "csv",
    streamCanonicalCsv(kind, source, { ...options, batchSize: Infinity }),
  );
}
