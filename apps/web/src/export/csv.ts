import { cellText } from "./table-data";
import type { ExportTable } from "./table-data";

function quote(value: string): string {
  // Neutralise spreadsheet formulas (CSV injection) and quote what needs quoting.
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * RFC 4180 CSV: the stamp as label,value lines, one empty line, then the header and the rows.
 * Amounts are exact decimals with a point ("1234567.89") whatever the interface language.
 */
export function toCsv(table: ExportTable): string {
  const lines = [
    ...table.stamp.map(([label, value]) => [label, value].map(quote).join(",")),
    "",
    table.header.map(quote).join(","),
    ...table.rows.map((row) => row.map((cell) => quote(cellText(cell))).join(",")),
  ];
  return `${lines.join("\r\n")}\r\n`;
}
