import ExcelJS from "exceljs";
import { currencyExponent, isKnownCurrency } from "@coherence/funding-model";
import { csvLine } from "../csv/write-csv";
import { significantDigits } from "../decimal";
import { neutralise } from "../neutralise";
import type { CanonicalKind, CanonicalRecords } from "../records";
import { KIND_SPECS } from "./kinds";
import type { ColumnDef } from "./spec";

/** Options of the CSV writers. */
export interface CsvWriteOptions {
  /** Start with a UTF-8 BOM so that Excel opens the file as UTF-8 (default true). */
  bom?: boolean;
}

function outputCells(columns: readonly ColumnDef[], cells: readonly string[]): string[] {
  return cells.map((cell, i) => (columns[i]!.type === "text" ? neutralise(cell) : cell));
}

/** The canonical column names of a kind, in order. @example canonicalColumns("rates") // → ["currency", "units_per_usd", "effective_date"] */
export function canonicalColumns(kind: CanonicalKind): string[] {
  return KIND_SPECS[kind].columns.map((c) => c.name);
}

/**
 * Writes records as canonical CSV lines, one chunk per record (header first), for streaming
 * large exports. Text cells are neutralised against formulas (see `neutralise`).
 * @example for (const chunk of exportCsvChunks("flows", records)) stream.write(chunk);
 */
export function* exportCsvChunks<K extends CanonicalKind>(
  kind: K,
  records: Iterable<CanonicalRecords[K]>,
  options: CsvWriteOptions = {},
): Generator<string> {
  const spec = KIND_SPECS[kind];
  yield `${options.bom === false ? "" : "\uFEFF"}${csvLine(canonicalColumns(kind))}\n`;
  for (const record of records) yield `${csvLine(outputCells(spec.columns, spec.cells(record)))}\n`;
}

/**
 * Writes records as one canonical CSV text (UTF-8, comma, `\n` line ends, BOM by default).
 * @example exportCsv("rates", [{ line: 2, currency: "EUR", unitsPerUsd: "0.92", effectiveDate: "2024-01-01" }], { bom: false })
 * // → "currency,units_per_usd,effective_date\nEUR,0.92,2024-01-01\n"
 */
export function exportCsv<K extends CanonicalKind>(
  kind: K,
  records: Iterable<CanonicalRecords[K]>,
  options: CsvWriteOptions = {},
): string {
  return [...exportCsvChunks(kind, records, options)].join("");
}

// eslint-disable-next-line no-control-regex -- control characters are what is being escaped
const XML_UNSAFE = /[\u0000-\u0008\u000b-\u001f]/g;

/**
 * Escapes text for an XLSX string cell the way Excel does (ECMA-376 `_xHHHH_`): control
 * characters other than tab and line feed (which XML cannot carry, or would turn CR LF into LF)
 * become `_x000D_` etc., and a literal `_xHHHH_` is protected as `_x005F_xHHHH_`. ExcelJS and
 * Excel decode both when reading.
 */
function xlsxText(text: string): string {
  return text
    .replace(/_(x[0-9A-F]{4}_)/g, "_x005F_$1")
    .replace(
      XML_UNSAFE,
      (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
    );
}

function amountFormat(currency: string | undefined): string {
  if (currency === undefined || !isKnownCurrency(currency)) return "General";
  const exponent = currencyExponent(currency);
  return exponent === 0 ? "0" : `0.${"0".repeat(exponent)}`;
}

/**
 * Writes records as a canonical XLSX workbook (one sheet named after the kind, header in row 1).
 * Amounts are number cells when exact in a double (≤ 15 significant digits), else text; whole
 * numbers are number cells; dates, rates, shares and enum values are text cells so that they
 * read back exactly; text is neutralised against formulas like in CSV.
 * @example const bytes = await exportXlsx("flows", records); fs.writeFileSync("flows.xlsx", bytes);
 */
export async function exportXlsx<K extends CanonicalKind>(
  kind: K,
  records: Iterable<CanonicalRecords[K]>,
): Promise<Uint8Array> {
  const spec = KIND_SPECS[kind];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(kind);
  const names = canonicalColumns(kind);
  sheet.columns = names.map((name) => ({
    header: name,
    key: name,
    width: Math.max(12, name.length + 2),
  }));
  sheet.getRow(1).font = { bold: true };
  const currencyIndex = names.indexOf("currency");
  for (const record of records) {
    const cells = spec.cells(record);
    const values: ExcelJS.CellValue[] = [];
    const formats: (string | null)[] = [];
    spec.columns.forEach((c, i) => {
      const cell = cells[i]!;
      formats.push(null);
      if (cell === "") values.push(null);
      else if (c.type === "text") values.push(xlsxText(neutralise(cell)));
      else if (c.type === "integer") values.push(Number(cell));
      else if (c.type === "amount" && significantDigits(cell) <= 15) {
        values.push(Number(cell));
        const currency =
          c.name === "amount_usd" ? "USD" : currencyIndex >= 0 ? cells[currencyIndex] : undefined;
        formats[i] = amountFormat(currency);
      } else values.push(xlsxText(cell));
    });
    const row = sheet.addRow(values);
    formats.forEach((format, i) => {
      if (format !== null) row.getCell(i + 1).numFmt = format;
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

/**
 * A downloadable header-only template of a kind, as CSV text.
 * @example templateCsv("rates") // → "\uFEFFcurrency,units_per_usd,effective_date\n"
 */
export function templateCsv(kind: CanonicalKind, options: CsvWriteOptions = {}): string {
  return exportCsv(kind, [], options);
}

/** A downloadable header-only template of a kind, as an XLSX workbook. */
export async function templateXlsx(kind: CanonicalKind): Promise<Uint8Array> {
  return exportXlsx(kind, []);
}
