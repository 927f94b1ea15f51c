import ExcelJS from "exceljs";
import { binaryReasonCoded, looksLikeZip } from "../bytes";
import { reason } from "../reasons";
import { FileProblemError, fileProblem } from "../problem";
import { cellText } from "./cell-text";

/** One sheet row: its 1-based row number, cells as text, and cells that could not be read. */
export interface SheetRow {
  line: number;
  cells: string[];
  cellErrors: { index: number; value: string; reason: string }[];
}

/**
 * Opens an XLSX workbook from its bytes. A file that is empty, not a ZIP, truncated or damaged
 * is a {@link FileProblemError} with a clear reason, never an exception from the zip library.
 * @example const workbook = await loadWorkbook(bytes, "flows.xlsx");
 */
export async function loadWorkbook(bytes: Uint8Array, fileName: string): Promise<ExcelJS.Workbook> {
  if (bytes.length === 0) throw new FileProblemError(fileProblem(fileName, reason("empty_file")));
  if (!looksLikeZip(bytes)) {
    const binary = binaryReasonCoded(bytes);
    throw new FileProblemError(
      fileProblem(
        fileName,
        binary ? reason("not_xlsx", { detail: binary.text }) : reason("not_xlsx_text"),
      ),
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer,
    );
  } catch (error) {
    const detail =
      error instanceof Error ? error.message.split("\n")[0]!.slice(0, 120) : String(error);
    throw new FileProblemError(fileProblem(fileName, reason("xlsx_damaged", { detail })));
  }
  return workbook;
}

/**
 * The rows of one worksheet (the one named `sheetName` if present, else the first), empty rows
 * left out. Row numbers are the sheet's own, so problems point at what the user sees.
 * @example const rows = sheetRows(workbook, "flows", "flows.xlsx");
 */
export function sheetRows(
  workbook: ExcelJS.Workbook,
  sheetName: string | null,
  fileName: string,
): SheetRow[] {
  const sheet =
    (sheetName !== null ? workbook.getWorksheet(sheetName) : undefined) ?? workbook.worksheets[0];
  if (!sheet) throw new FileProblemError(fileProblem(fileName, reason("no_worksheet")));
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: string[] = [];
    const cellErrors: SheetRow["cellErrors"] = [];
    for (let i = 1; i < values.length; i++) {
      const text = cellText(values[i]);
      if (text.error !== undefined) {
        cellErrors.push({ index: i - 1, value: row.getCell(i).text, reason: text.error });
        cells.push("");
      } else cells.push(text.text);
    }
    rows.push({ line: rowNumber, cells, cellErrors });
  });
  return rows;
}
