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

/** Parse CSV text back into rows of strings (RFC 4180), for tests and round trips. */
export function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i]!;
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && csv[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
