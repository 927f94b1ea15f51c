import type { ByteSource } from "./bytes";
import { readAllBytes } from "./bytes";
import { tableFormatOf } from "./canonical/parse";
import type { TableFormat } from "./canonical/parse";
import { readCsvRecords } from "./csv/read-csv";
import { FileProblemError } from "./problem";
import type { Problem } from "./problem";
import type { Reason } from "./reasons";
import { loadWorkbook, sheetRows } from "./xlsx/read-xlsx";
import type { CellIssue } from "./xlsx/read-xlsx";

/** One row of a CSV or XLSX table: its physical line and its cells as text. */
export interface TableRow {
  line: number;
  cells: string[];
  /** A structural oddity of the whole row (CSV quoting). */
  issue: Reason | null;
  /** Cells that could not be read (XLSX errors), each with its 0-based column. */
  cellIssues: CellIssue[];
}

/**
 * Reads a whole CSV or XLSX table (non-streaming; for neighbour formats of modest size).
 * @example const { rows, problems } = await readTable(bytes, "rates.xlsx");
 */
export async function readTable(
  source: ByteSource,
  fileName: string,
  format?: TableFormat,
): Promise<{ rows: TableRow[]; problems: Problem[]; format: TableFormat }> {
  const bytes = await readAllBytes(source);
  const chosen = format ?? tableFormatOf(fileName, bytes);
  const rows: TableRow[] = [];
  try {
    if (chosen === "xlsx") {
      const workbook = await loadWorkbook(bytes, fileName);
      for (const row of sheetRows(workbook, null, fileName))
        rows.push({ line: row.line, cells: row.cells, issue: null, cellIssues: row.cellErrors });
    } else
      for await (const batch of readCsvRecords(bytes, fileName))
        for (const record of batch.records)
          rows.push({
            line: record.line,
            cells: record.cells,
            issue: record.issue,
            cellIssues: [],
          });
  } catch (error) {
    if (!(error instanceof FileProblemError)) throw error;
    return { rows, problems: [error.problem], format: chosen };
  }
  return { rows, problems: [], format: chosen };
}
