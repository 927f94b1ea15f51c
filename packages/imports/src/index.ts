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
// A record's stored columns from its codes and amount: shared with the API's write procedures.
export { resolveFlowColumns } from "./record-columns/flow-columns";
export type { FlowColumns, FlowInput } from "./record-columns/flow-columns";
export { resolveRequirementColumns } from "./record-columns/requirement-columns";
export type { RequirementColumns, RequirementInput } from "./record-columns/requirement-columns";
export { usdColumns } from "./record-columns/usd-columns";
export type { UsdColumns } from "./record-columns/usd-columns";
export type { RecordProblem } from "./record-columns/record-problem";
export type {
  MayWrite,
  OrganizationRef,
  RecordReferences,
  WriteScope,
} from "./record-columns/record-references";
