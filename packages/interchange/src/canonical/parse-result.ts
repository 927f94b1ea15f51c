import type { Problem } from "../problem";
import type { CanonicalKind } from "../records";
import type { ParseBatch, RejectedRow } from "./reader";

/** The outcome of reading a whole canonical file. */
export interface ParseResult<R> {
  kind: CanonicalKind;
  fileName: string;
  format: "csv" | "xlsx";
  /** The good records, each with the line it came from. */
  records: R[];
  /** Every problem found, in file order; empty = the file is valid. */
  problems: Problem[];
  /** The bad rows, for a rejects file (see `writeRejectsCsv`). */
  rejects: RejectedRow[];
}

/** Gathers a stream of batches into one result (records invalidated at the end removed). */
export async function collect<R extends { line: number }>(
  kind: CanonicalKind,
  fileName: string,
  format: "csv" | "xlsx",
  batches: AsyncIterable<ParseBatch<R>>,
): Promise<ParseResult<R>> {
  const result: ParseResult<R> = { kind, fileName, format, records: [], problems: [], rejects: [] };
  const invalidated = new Set<number>();
  for await (const batch of batches) {
    for (const r of batch.records) result.records.push(r);
    for (const p of batch.problems) result.problems.push(p);
    for (const r of batch.rejects) result.rejects.push(r);
    for (const line of batch.invalidatedLines) invalidated.add(line);
  }
  if (invalidated.size > 0) result.records = result.records.filter((r) => !invalidated.has(r.line));
  result.rejects.sort((a: RejectedRow, b: RejectedRow) => a.line - b.line);
  result.problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return result;
}
