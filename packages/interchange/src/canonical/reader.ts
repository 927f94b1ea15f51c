import type { CanonicalKind, CanonicalRecords } from "../records";
import type { Problem } from "../problem";
import { reason, reasonFields } from "../reasons";
import type { Reason } from "../reasons";
import type { CellIssue } from "../xlsx/read-xlsx";
import { normaliseColumnName } from "./column-map";
import type { ColumnMapping } from "./column-map";
import { KeyIndex } from "./key-index";
import { RowContext } from "./row-context";
import type { KindSpec } from "./spec";

/** A row that could not be taken, with its cells by column name and what is wrong with it. */
export interface RejectedRow {
  line: number;
  cells: Record<string, string>;
  problems: Problem[];
}

/** Part of a parse: the good records and the problems and rejected rows found so far. */
export interface ParseBatch<R> {
  records: R[];
  problems: Problem[];
  rejects: RejectedRow[];
  /**
   * Streaming only: lines of records yielded in an earlier batch that a whole-file check (at
   * the end) found invalid. A caller importing all or nothing discards the import anyway.
   */
  invalidatedLines: number[];
}

/** Columns a rejects file adds; the readers ignore them so that a fixed rejects file re-imports. */
export const REJECT_COLUMNS = ["line", "column", "reason"] as const;

/** The name a column the user chose to ignore gets: no canonical column can be called so. */
const IGNORED = "\u0000ignored";

function normaliseHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase();
}

/**
 * Turns header + data rows of one canonical kind into records, problems and rejects. Shared by
 * the CSV and XLSX readers; it sees cells as strings only.
 */
export class CanonicalReader<K extends CanonicalKind> {
  private row: RowContext | null = null;
  private names: string[] = [];
  /** First line of every key (compact: streaming a million rows keeps every key). */
  private readonly keys = new KeyIndex();
  private readonly kept: CanonicalRecords[K][] = [];
  private batch: ParseBatch<CanonicalRecords[K]> = CanonicalReader.empty();
  rowsRead = 0;

  constructor(
    private readonly spec: KindSpec<K>,
    private readonly fileName: string,
    private readonly decimalComma: boolean,
    /** The user's mapping of the file's headers to canonical columns (none: the header is canonical). */
    private readonly columns?: ColumnMapping,
  ) {}

  /** Header cells as canonical column names, through the mapping when there is one. */
  private canonicalNames(cells: readonly string[]): string[] {
    const names = cells.map(normaliseHeader);
    if (!this.columns) return names;
    const mapped = new Map(
      Object.entries(this.columns).map(([header, field]) => [normaliseColumnName(header), field]),
    );
    return names.map((name, i) => {
      const key = normaliseColumnName(cells[i] ?? "");
      if (name === "" || !mapped.has(key)) return name;
      return mapped.get(key) ?? IGNORED;
    });
  }

  private static empty<R>(): ParseBatch<R> {
    return { records: [], problems: [], rejects: [], invalidatedLines: [] };
  }

  /** True once a usable header was read. */
  get ready(): boolean {
    return this.row !== null;
  }

  /** Reads the header row. Returns false (with problems in the batch) when it is unusable. */
  header(line: number, cells: readonly string[]): boolean {
    const problem = (column: string | null, value: string | null, why: Reason) =>
      this.batch.problems.push({ file: this.fileName, line, column, value, ...reasonFields(why) });
    const names = this.canonicalNames(cells);
    while (names.length > 0 && names[names.length - 1] === "") names.pop();
    const known = new Set(this.spec.columns.map((c) => c.name));
    const ignored = new Set<string>(REJECT_COLUMNS);
    const index = new Map<string, number>();
    const expected = this.spec.columns.map((c) => c.name).join(",");
    names.forEach((name, i) => {
      if (name === IGNORED) return;
      if (name === "") problem(null, null, reason("column_no_name", { index: i + 1 }));
      else if (index.has(name)) problem(name, null, reason("column_twice"));
      else if (!known.has(name) && !ignored.has(name))
        problem(name, null, reason("unknown_column", { kind: this.spec.kind, expected }));
      else index.set(name, i);
    });
    // A mapped file may leave out a column whose cells may be empty; a canonical file has them all.
    for (const c of this.spec.columns)
      if (c.required && !index.has(c.name) && !(this.columns && c.mayBeEmpty))
        problem(c.name, null, reason("missing_column"));
    this.names = names;
    if (this.batch.problems.length > 0) return false;
    this.row = new RowContext(this.fileName, index, this.decimalComma);
    return true;
  }

  private cellsByName(cells: readonly string[]): Record<string, string> {
    const byName: Record<string, string> = {};
    this.names.forEach((name, i) => {
      if (name !== "" && name !== IGNORED && !(REJECT_COLUMNS as readonly string[]).includes(name))
        byName[name] = cells[i] ?? "";
    });
    return byName;
  }

  /**
   * Reads one data row (blank rows are skipped). `issue` is a problem of the whole row (CSV
   * quoting); `cellIssues` are cells that could not be read (XLSX errors), each at its column.
   */
  data(
    line: number,
    cells: readonly string[],
    issue: Reason | null,
    cellIssues: readonly CellIssue[] = [],
  ): void {
    const row = this.row!;
    let blank = true;
    for (const cell of cells)
      if (cell.trim() !== "") {
        blank = false;
        break;
      }
    if (blank) return;
    this.rowsRead++;
    row.reset(line, cells);
    if (issue !== null) row.report(null, null, issue);
    for (const c of cellIssues) {
      const name = this.names[c.index] ?? "";
      // A column the user chose to leave out is never read, whatever its cells hold.
      if (name !== IGNORED) row.report(name || String(c.index + 1), c.value, c.reason);
    }
    if (cells.length > this.names.length) {
      let extra = false;
      for (let i = this.names.length; i < cells.length; i++)
        if (cells[i]!.trim() !== "") extra = true;
      if (extra)
        row.report(
          null,
          null,
          reason("row_extra_fields", { fields: cells.length, columns: this.names.length }),
        );
    } else if (cells.length < this.names.length)
      row.report(
        null,
        null,
        reason("row_missing_fields", { fields: cells.length, columns: this.names.length }),
      );
    const record = row.ok ? this.spec.parse(row) : null;
    if (record) {
      const key = this.spec.key(record);
      const first = this.keys.firstOrAdd(key, line);
      if (first !== undefined) {
        const cols = this.spec.keyColumns;
        row.report(
          cols.length === 1 ? cols[0]! : null,
          cols.length === 1 ? row.raw(cols[0]!) : cols.map((c) => row.raw(c)).join(", "),
          reason("duplicate_key", {
            columns: cols.length === 1 ? cols[0]! : `(${cols.join(", ")})`,
            line: first,
          }),
        );
      }
    }
    if (record && row.ok) {
      this.batch.records.push(record);
      if (this.spec.checkAll) this.kept.push(record);
      return;
    }
    for (const p of row.problems) this.batch.problems.push(p);
    this.batch.rejects.push({ line, cells: this.cellsByName(cells), problems: row.problems });
  }

  /** A file-level problem (structure, encoding). */
  fail(problem: Problem): void {
    this.batch.problems.push(problem);
  }

  /** Hands over what was read since the last call. */
  take(): ParseBatch<CanonicalRecords[K]> {
    const batch = this.batch;
    this.batch = CanonicalReader.empty();
    return batch;
  }

  /** Runs the whole-file checks; their problems and rejects go into the next batch. */
  finish(): void {
    if (!this.spec.checkAll || !this.row) return;
    const issues = this.spec.checkAll(this.kept);
    const reported = new Set<string>();
    const byRecord = new Map<CanonicalRecords[K], Problem[]>();
    for (const issue of issues) {
      const problem: Problem = {
        file: this.fileName,
        line: issue.record.line,
        column: issue.column,
        value: issue.value,
        ...reasonFields(issue.reason),
      };
      // A group problem (same text on many rows) is listed once, but rejects every row.
      if (issue.group === undefined || !reported.has(issue.group)) {
        if (issue.group !== undefined) reported.add(issue.group);
        this.batch.problems.push(problem);
      }
      const list = byRecord.get(issue.record);
      if (list) list.push(problem);
      else byRecord.set(issue.record, [problem]);
    }
    for (const [record, problems] of byRecord) {
      const cells: Record<string, string> = {};
      const values = this.spec.cells(record);
      this.spec.columns.forEach((c, i) => (cells[c.name] = values[i] ?? ""));
      this.batch.rejects.push({ line: record.line, cells, problems });
      this.batch.invalidatedLines.push(record.line);
    }
    this.batch.rejects.sort((a, b) => a.line - b.line);
  }
}
