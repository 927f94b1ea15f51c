// The header row of a CSV or XLSX file, read on its own: the import wizard shows it so that the
// user can map each of the file's columns to a canonical one before anything is imported.
import type { ByteSource } from "../bytes";
import { readAllBytes } from "../bytes";
import { readCsvRecords } from "../csv/read-csv";
import { FileProblemError, fileProblem } from "../problem";
import type { Problem } from "../problem";
import { reason } from "../reasons";
import type { CanonicalKind } from "../records";
import { loadWorkbook, sheetRows } from "../xlsx/read-xlsx";
import { tableFormatOf } from "./parse";

export interface TableHeader {
  /** The header cells as written (trimmed), trailing empty cells left out. */
  headers: string[];
  /** Why the header could not be read (empty, binary or damaged file); empty when it was. */
  problems: Problem[];
}

/** Enough of a CSV file for its header line (the reader waits up to 1 MB for a line end). */
const CSV_HEAD_BYTES = 1 << 20;

function trimmed(cells: readonly string[]): string[] {
  const headers = cells.map((c) => c.replace(/^\uFEFF/, "").trim());
  while (headers.length > 0 && headers[headers.length - 1] === "") headers.pop();
  return headers;
}

/**
 * Reads only the header row of a canonical-kind file (the sheet named after the kind in XLSX).
 * Never throws on bad input: an unreadable file comes back as problems.
 * @example await readTableHeader("flows", "Donor,Montant\nNOR,10\n", "gifts.csv") // → { headers: ["Donor", "Montant"], problems: [] }
 */
export async function readTableHeader(
  kind: CanonicalKind,
  source: ByteSource,
  fileName: string,
): Promise<TableHeader> {
  try {
    const bytes = typeof source === "string" ? source : await readAllBytes(source);
    const format =
      typeof bytes === "string" ? "csv" : tableFormatOf(fileName, bytes.subarray(0, 8));
    if (format === "xlsx") {
      const workbook = await loadWorkbook(
        typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes,
        fileName,
      );
      const [header] = sheetRows(workbook, kind, fileName);
      if (header) return { headers: trimmed(header.cells), problems: [] };
    } else {
      const head =
        typeof bytes === "string"
          ? bytes.slice(0, CSV_HEAD_BYTES)
          : bytes.subarray(0, CSV_HEAD_BYTES);
      for await (const batch of readCsvRecords(head, fileName)) {
        const [header] = batch.records;
        if (header) return { headers: trimmed(header.cells), problems: [] };
      }
    }
    return { headers: [], problems: [fileProblem(fileName, reason("no_header_row"))] };
  } catch (error) {
    if (error instanceof FileProblemError) return { headers: [], problems: [error.problem] };
    throw error;
  }
}
