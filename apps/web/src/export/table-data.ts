// A table as exports see it: a stamp (what, when, which rates and filters), a header row and
// rows of cells. Money cells hold exact decimal strings, never floats.

export type Cell = { kind: "text"; value: string } | { kind: "number"; decimal: string };

export interface ExportTable {
  /** Sheet / file base name, e.g. "MINUSCA-2024-25-tasks". */
  name: string;
  /** Label–value pairs printed above the table: operation, period, as-of, rates, filters. */
  stamp: readonly (readonly [string, string])[];
  header: readonly string[];
  rows: readonly (readonly Cell[])[];
}

export const text = (value: string): Cell => ({ kind: "text", value });
export const num = (decimal: string): Cell => ({ kind: "number", decimal });

export function cellText(cell: Cell): string {
  return cell.kind === "text" ? cell.value : cell.decimal;
}

/** A file name that every system accepts. */
export function safeFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "");
}
