// Reads the CSV files the app exports with interchange's reader, the one the importers use, so
// the e2e tier has no CSV parser of its own.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { formatProblem, readTable } from "@coherence/interchange";

/**
 * The rows of a CSV file as strings (RFC 4180, UTF-8 with or without BOM). The reader detects the
 * delimiter from the first line; the app's exports start with a comma-separated stamp line.
 * @throws Error naming the line at fault when the file is not well-formed CSV.
 */
export async function readCsvFile(path: string): Promise<string[][]> {
  const { rows, problems } = await readTable(readFileSync(path), basename(path), "csv");
  if (problems.length > 0) throw new Error(problems.map(formatProblem).join("\n"));
  return rows.map((row) => row.cells);
}

/** Integer cents as the exact decimal the exports write, e.g. 123456789 → "1234567.89". */
export function centsToDecimal(cents: number): string {
  const abs = BigInt(Math.abs(cents));
  return `${cents < 0 ? "-" : ""}${(abs / 100n).toString()}.${(abs % 100n).toString().padStart(2, "0")}`;
}
