// Public API of @coherence/imports: the database side of every import and export.
export { runImport } from "./run-import";
export { undoImport, UndoError } from "./undo";
export type { UndoConflict, UndoOptions, UndoOutcome } from "./undo";
export {
  InvalidMappingError,
  MappingConflictError,
  ftsMappingSchema,
  iatiMappingSchema,
  readMapping,
  writeMapping,
} from "./mappings";
export type { MappingKind, MappingKinds } from "./mappings";
export { ftsStoredTotals } from "./apply/fts";
export { readColumnMapping, rememberColumnMapping } from "./column-mappings";
export type { RememberRequest, RememberedMapping } from "./column-mappings";
export type {
  ChangeLine,
  FtsStoredTotals,
  ImportCounts,
  ImportMode,
  ImportOutcome,
  ImportProgress,
  ImportRequest,
  ImportScope,
  KindCounts,
} from "./types";
export { exportCsvStream, exportRecords, exportXlsxBytes, gapsCsv, gapsXlsx } from "./export";
export {
  DEMO_DIR,
  DEMO_FILES,
  isEmptyDatabase,
  loadDemoDataset,
  loadDemoDatasetIfEmpty,
} from "./demo";
export { assessOperation } from "./assess";
export type { AssessOutcome, AssessRequest } from "./assess";
