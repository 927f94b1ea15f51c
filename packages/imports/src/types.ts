import type {
  CanonicalKind,
  ColumnMapping,
  ImportFile,
  ImportReport,
  ImporterKind,
  Problem,
  RejectedRow,
} from "@coherence/interchange";

/** All rows or none (default), or the good rows with the bad ones returned as rejects. */
export type ImportMode = "atomic" | "partial";

/** What a record an import would write concerns, for the caller's authorisation check. */
export interface ImportScope {
  /** The table written: flows, requirements, mandates, operations, organizations, ... */
  table: string;
  operationId: number | null;
  /** A requirement's entity, a flow's recipient; null for reference data. */
  entityId: number | null;
}

/**
 * Progress of a long import: rows validated (parsed and checked) and rows applied so far, out
 * of the total when it is known; bytes read when the size is known.
 */
export interface ImportProgress {
  phase: "reading" | "validating" | "writing" | "done";
  /** Rows applied (written, or refused with their problems). */
  rowsDone: number;
  rowsValidated: number;
  /**
   * Data rows in the files: known before parsing for CSV held in memory, after parsing for the
   * other formats (null until then); exact once the phase is "done".
   */
  rowsTotal: number | null;
  bytesDone: number;
  /** Total bytes of the input, when the caller gave it (files' sizes). */
  bytesTotal: number | null;
}

export interface ImportRequest {
  kind: ImporterKind;
  files: readonly (ImportFile & { size?: number })[];
  /** Who imports: `cli:<os user>`, `user:<username>`. Written to the imports row and audit. */
  actor: string;
  userId?: number | null;
  mode?: ImportMode;
  /** Validate and count everything, write nothing (the import wizard's preview). */
  dryRun?: boolean;
  /** The caller's authorisation: rows it refuses become problems naming their line. */
  canWrite?: (scope: ImportScope) => boolean;
  onProgress?: (progress: ImportProgress) => void;
  /**
   * Canonical kinds: the file's headers mapped to canonical columns (the import wizard's
   * mapping); problems then name the file's own header as their column, the canonical one as
   * their `field`.
   */
  columns?: ColumnMapping;
  /** Clock (tests). */
  now?: () => Date;
  /** Streaming batch size for large canonical CSV files (default 5,000). */
  batchSize?: number;
  /**
   * SQLite: write flows through prepared better-sqlite3 statements (default true when the
   * Kysely instance came from `connect`); false takes the general path (tests compare the two).
   */
  fastPath?: boolean;
}

/** Per kind of record: how many were created, updated, left unchanged or rejected. */
export interface KindCounts {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportCounts extends KindCounts {
  /** Rows (records) read from the files. */
  read: number;
  byTable: Record<string, KindCounts>;
}

/** One planned or made change, for previews (the first 1,000 are kept). */
export interface ChangeLine {
  table: string;
  key: string;
  action: "create" | "update" | "unchanged";
  file: string;
  line: number | null;
}

/** FTS's own totals, recomputed from the stored FTS flows (USD cents). */
export interface FtsStoredTotals {
  incoming: { fundingUsdCents: number; pledgesUsdCents: number; flowCount: number };
  incomingShared: { usdCents: number; flowCount: number };
  internal: { usdCents: number; flowCount: number };
  outgoing: { usdCents: number; flowCount: number };
  /** FTS flows that became ledger flows, and their funded (committed + paid) USD. */
  inLedger: { flowCount: number; fundedUsdCents: number; pledgedUsdCents: number };
}

export interface ImportOutcome {
  kind: ImporterKind;
  fileNames: string[];
  mode: ImportMode;
  dryRun: boolean;
  /** True when the changes were written (false for a dry run and for a refused atomic import). */
  committed: boolean;
  /** The imports row (null when nothing was written). */
  importId: number | null;
  sha256: string;
  counts: ImportCounts;
  /** Every problem, `FILE:LINE: column "NAME": value "V": reason` with formatProblem. */
  problems: Problem[];
  /** Rejected rows by canonical kind, for a rejects file (writeRejectsCsv). */
  rejects: Partial<Record<CanonicalKind, RejectedRow[]>>;
  /** The parser's report: what was read, mapped and not mapped, and why. */
  report: ImportReport;
  changes: ChangeLine[];
  /** FTS imports: FTS's totals recomputed from the stored flows. */
  fts?: FtsStoredTotals;
}
