import ExcelJS from "exceljs";
import { binaryReasonCoded, looksLikeZip } from "../bytes";
import { reason } from "../reasons";
import type { Reason } from "../reasons";
import { FileProblemError, fileProblem } from "../problem";
import { cellText } from "./cell-text";

/** A cell that could not be read: its 0-based column, its text as shown, and why. */
export interface CellIssue {
  index: number;
  value: string;
  reason: Reason;
}

/** Why a file that is not a ZIP container cannot be an XLSX workbook. */
function notXlsx(bytes: Uint8Array): Reason {
  switch (binaryReasonCoded(bytes)?.code) {
    case "binary_xls":
      return reason("not_xlsx_xls");
    case "binary_pdf":
      return reason("not_xlsx_pdf");
    case "binary_utf16":
      return reason("not_xlsx_utf16");
    case undefined:
      return reason("not_xlsx_text");
    default:
      return reason("not_xlsx_binary");
  }
}

/** One sheet row: its 1-based row number, cells as text, and cells that could not be read. */
export interface SheetRow {
  line: number;
  cells: string[];
  cellErrors: CellIssue[];
}

/**
 * Opens an XLSX workbook from its bytes. A file that is empty, not a ZIP, truncated or damaged
 * is a {@link FileProblemError} with a clear reason, never an exception from the zip library.
 * @example const workbook = await loadWorkbook(bytes, "flows.xlsx");
 */
export async function loadWorkbook(bytes: Uint8Array, fileName: string): Promise<ExcelJS.Workbook> {
  if (bytes.length === 0) throw new FileProblemError(fileProblem(fileName, reason("empty_file")));
  if (!looksLikeZip(bytes)) throw new FileProblemError(fileProblem(fileName, notXlsx(bytes)));
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer,
    );
  } catch {
    // The zip library's own words (English, about its internals) would not help the user.
    throw new FileProblemError(fileProblem(fileName, reason("xlsx_damaged")));
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
