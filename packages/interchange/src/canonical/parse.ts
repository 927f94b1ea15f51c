import type { ByteSource } from "../bytes";
import { looksLikeZip } from "../bytes";
import type { CanonicalKind, CanonicalRecords } from "../records";
import { parseCanonicalCsv } from "./parse-csv";
import type { ReadOptions } from "./parse-csv";
import type { ParseResult } from "./parse-result";
import { parseCanonicalXlsx } from "./parse-xlsx";

/** A file format the canonical readers accept. */
export type TableFormat = "csv" | "xlsx";

/**
 * The format of a file: by its extension (.xlsx / .csv), else by its first bytes (an XLSX is
 * a ZIP). @example tableFormatOf("flows.XLSX") // → "xlsx"
 */
export function tableFormatOf(fileName: string, head?: Uint8Array): TableFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".xlsx")) return "xlsx";
  if (lower.endsWith(".csv")) return "csv";
  return head && looksLikeZip(head) ? "xlsx" : "csv";
}

/**
 * Reads a canonical file of any accepted format (chosen by {@link tableFormatOf}).
 * @example const result = await parseCanonical("flows", bytes, { fileName: "flows.xlsx" });
 */
export async function parseCanonical<K extends CanonicalKind>(
  kind: K,
  source: ByteSource,
  options: ReadOptions & { format?: TableFormat },
): Promise<ParseResult<CanonicalRecords[K]>> {
  let format = options.format;
  if (!format) {
    if (source instanceof Uint8Array) format = tableFormatOf(options.fileName, source);
    else if (typeof source === "string") format = "csv";
    else format = tableFormatOf(options.fileName);
  }
  if (format === "xlsx") return parseCanonicalXlsx(kind, source, options);
  return parseCanonicalCsv(kind, source, options);
}
