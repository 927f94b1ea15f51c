import type { ByteSource } from "../bytes";
import type { RejectedRow } from "../canonical/reader";
import type { FtsMapping } from "../fts/mapping";
import type { IatiMapping } from "../iati/mapping";
import type { Problem } from "../problem";
import type { CanonicalKind, CanonicalRecords } from "../records";

/** Every kind of file Coherence imports: the canonical kinds and the neighbours' formats. */
export type ImporterKind = CanonicalKind | "fts" | "iati" | "un-rates";

/** One input file: its name (used in problems and to tell CSV from XLSX) and its content. */
export interface ImportFile {
  fileName: string;
  data: ByteSource;
}

/** Options for all importers; each reads the ones it needs. */
export interface ImportOptions {
  /** The stored FTS mapping (default: empty, so every flow is reported as not mapped). */
  ftsMapping?: FtsMapping;
  /** The stored IATI mapping (default: empty). */
  iatiMapping?: IatiMapping;
}

/** Normalized records, by kind: what an importer hands to the database layer. */
export type ImportRecords = { [K in CanonicalKind]: CanonicalRecords[K][] };

/** A line of an import report: how many of something, and why when not mapped. */
export interface ReportLine {
  what: string;
  count: number;
  reason?: string;
}

/** What an importer read, took, and could not map (and why). */
export interface ImportReport {
  /** Rows, flows or transactions+budgets read from the input. */
  read: number;
  /** Records produced. */
  taken: number;
  /** Read but not turned into records (with reasons in `notMapped` or `problems`). */
  refused: number;
  mapped: ReportLine[];
  notMapped: ReportLine[];
}

/** The outcome of an import: records + problems + report; nothing is thrown for bad input. */
export interface ImportResult {
  kind: ImporterKind;
  fileNames: string[];
  records: ImportRecords;
  problems: Problem[];
  /** Canonical kinds only: the bad rows, for a rejects file. */
  rejects: RejectedRow[];
  report: ImportReport;
  /** Format-specific detail (FTS flows and totals, IATI outcomes), for reports and tests. */
  detail?: Record<string, unknown>;
}

/**
 * One importer: a file format turned into Coherence's records. Every importer is registered in
 * `IMPORTERS` (importers/registry.ts) under its kind; adding a format is one file that exports
 * an `Importer` plus one line there (and the file's tests).
 */
export interface Importer {
  kind: ImporterKind;
  /** A short human label, e.g. "OCHA FTS flows (API JSON pages or CSV export)". */
  label: string;
  /** File name endings it accepts, e.g. [".csv", ".xlsx"]. */
  extensions: readonly string[];
  /** Reads one or more files of this kind (e.g. the pages of one FTS answer) into records. */
  import(files: readonly ImportFile[], options?: ImportOptions): Promise<ImportResult>;
}

/** An empty set of records. */
export function emptyRecords(): ImportRecords {
  return {
    organizations: [],
    mandates: [],
    requirements: [],
    flows: [],
    rates: [],
    crosswalk: [],
    scales: [],
  };
}

/** Counts of equal reasons, most frequent first: the "why" lines of a report. */
export function reasonLines(what: string, reasons: Iterable<string>): ReportLine[] {
  const counts = new Map<string, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([reason, count]) => ({ what, count, reason }));
}
