// Public API of @coherence/interchange: reading and writing every file format Coherence
// exchanges. Everything not exported here is internal.
export * from "./records";
export type { Problem } from "./problem";
export { FileProblemError, formatProblem } from "./problem";
export { REASONS, codedMessages, fillTemplate, reason, reasonFields } from "./reasons";
export { amountReason } from "./canonical/row-context";
export type { Coded, Reason, ReasonCode, ReasonParams } from "./reasons";
export type { ByteSource } from "./bytes";
export { neutralise, unneutralise } from "./neutralise";
export { readTable } from "./table";
export type { TableRow } from "./table";
export { numberToDecimalString, sumDecimals, compareDecimals } from "./decimal";

// Canonical formats
export { KIND_SPECS } from "./canonical/kinds";
export type { ColumnDef, ColumnType, KindSpec } from "./canonical/spec";
export type { ParseBatch, RejectedRow } from "./canonical/reader";
export { REJECT_COLUMNS } from "./canonical/reader";
export type { ParseResult } from "./canonical/parse-result";
export { parseCanonicalCsv, streamCanonicalCsv } from "./canonical/parse-csv";
export type { ReadOptions } from "./canonical/parse-csv";
export { parseCanonicalXlsx } from "./canonical/parse-xlsx";
export { parseCanonical, tableFormatOf } from "./canonical/parse";
export {
  COLUMN_ALIASES,
  kindColumns,
  mappingGaps,
  normaliseColumnName,
  suggestColumnMapping,
} from "./canonical/column-map";
export type {
  ColumnMapping,
  ColumnSuggestion,
  MappingGaps,
  MatchedBy,
} from "./canonical/column-map";
export { readTableHeader } from "./canonical/table-header";
export type { TableHeader } from "./canonical/table-header";
export { countCsvRecords } from "./csv/count-records";
export type { TableFormat } from "./canonical/parse";
export {
  canonicalColumns,
  exportCsv,
  exportCsvChunks,
  exportXlsx,
  templateCsv,
  templateXlsx,
} from "./canonical/export";
export type { CsvWriteOptions } from "./canonical/export";
export { writeRejectsCsv } from "./canonical/rejects";
export { csvLine } from "./csv/write-csv";

// OCHA FTS
export type { FtsFlow, FtsObject, FtsStatus, FtsBoundary, FtsOnBoundary } from "./fts/types";
export { FTS_STATUSES, FTS_EARMARKING } from "./fts/types";
export { parseFtsJson } from "./fts/parse-fts-json";
export type { FtsJsonPage } from "./fts/parse-fts-json";
export { parseFtsCsv } from "./fts/parse-fts-csv";
export { mergeFtsFlows, ftsVersionReplaces } from "./fts/merge";
export type { FtsDuplicate } from "./fts/merge";
export { ftsLocationYearTotals } from "./fts/totals";
export type { FtsLocationYearTotals, FtsSums } from "./fts/totals";
export { applyFtsMapping, EMPTY_FTS_MAPPING } from "./fts/mapping";
export type { FtsMapping, FtsMappingResult, FtsObjectMatch, FtsUnmapped } from "./fts/mapping";

// IATI
export type { IatiActivity, IatiBudget, IatiOrg, IatiTransaction, IatiAidType } from "./iati/types";
export { parseIatiXml } from "./iati/parse-iati";
export { applyIatiMapping, iatiBudgetStage, EMPTY_IATI_MAPPING } from "./iati/mapping";
export type { IatiMapping, IatiMappingResult, IatiOutcome } from "./iati/mapping";
export {
  IATI_TRANSACTION_TYPES,
  IATI_AID_TYPE_EARMARKING,
  IATI_AID_TYPE_FUNDING,
  IATI_ORGANISATION_KINDS,
} from "./iati/codes";

// UN operational rates
export { parseUnRates, normaliseRate, UN_RATES_COLUMNS } from "./un-rates/parse-un-rates";
export type { UnRatesResult } from "./un-rates/parse-un-rates";
export { normaliseRateDate } from "./un-rates/date-forms";

// Importers
export type {
  ImportFile,
  ImportOptions,
  ImportRecords,
  ImportReport,
  ImportResult,
  Importer,
  ImporterKind,
  ReportLine,
} from "./importers/importer";
export { IMPORTERS, IMPORTER_KINDS, importerFor } from "./importers/registry";
export { canonicalImporter } from "./importers/canonical-importer";
