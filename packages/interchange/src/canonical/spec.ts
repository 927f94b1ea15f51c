import type { CanonicalKind, CanonicalRecords } from "../records";
import type { Reason } from "../reasons";
import type { RowContext } from "./row-context";

/**
 * How a column is written: `text` is neutralised against formulas; `amount` is a decimal in the
 * row's currency (a number cell in XLSX when exact); `integer` a number cell; `decimal`, `date`
 * and `enum` are written as text so that they come back exactly as they went.
 */
export type ColumnType = "text" | "enum" | "date" | "amount" | "decimal" | "integer";

export interface ColumnDef {
  name: string;
  type: ColumnType;
  /** The header of a canonical file must have it. */
  required: boolean;
  /**
   * Its cells may be empty (an optional value): a file read through a column mapping may leave
   * it out altogether, as if every cell were empty.
   */
  mayBeEmpty: boolean;
}

/** A problem found across rows (duplicates aside), pinned to one record's cell. */
export interface GroupIssue<R> {
  record: R;
  column: string | null;
  value: string | null;
  reason: Reason;
  /** Issues with the same group (e.g. one crosswalk category) are listed once, but reject every row. */
  group?: string;
}

/** Everything the readers and writers need to know about one canonical kind. */
export interface KindSpec<K extends CanonicalKind> {
  kind: K;
  /** Canonical column order: required columns first. */
  columns: readonly ColumnDef[];
  /** Reads one row; returns null when a problem was reported on `row`. */
  parse(row: RowContext): CanonicalRecords[K] | null;
  /** Key that must be unique within one file, and the columns it is made of. */
  key: (record: CanonicalRecords[K]) => string;
  keyColumns: readonly string[];
  /** Whole-file checks (shares summing to 1, consistent mandate rows). */
  checkAll?: (records: readonly CanonicalRecords[K][]) => GroupIssue<CanonicalRecords[K]>[];
  /** The record's cells in column order ("" for null). */
  cells(record: CanonicalRecords[K]): string[];
}

/** Shorthand for a column definition (a column the header may lack may be empty too). */
export function column(
  name: string,
  type: ColumnType,
  required = true,
  mayBeEmpty = !required,
): ColumnDef {
  return { name, type, required, mayBeEmpty };
}
