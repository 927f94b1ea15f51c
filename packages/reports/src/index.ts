// Public API of @coherence/reports: figures from the stored records, shared by the API and the CLI.
export { loadLedger } from "./load-ledger";
export type { Ledger } from "./load-ledger";
export { resolvePeriod } from "./period";
export type { PeriodInput, ResolvedPeriod } from "./period";
export { alignmentOut, figuresOut, predictabilityOut } from "./shape";
export type { AlignmentOut, FiguresOut } from "./shape";
export {
  UnknownOperationError,
  operationLedger,
  operationReport,
  ratesInForce,
} from "./operation-report";
export { reconcileOptions, uncachedLedgers } from "./ledger-source";
export type { LedgerSource } from "./ledger-source";
export { LedgerCache } from "./ledger-cache";
export type { LedgerCacheOptions } from "./ledger-cache";
export type { OperationReport, OperationReportFilter } from "./operation-report";
export { gapsJson } from "./gaps-json";
export type { GapsJson, GapsRow } from "./gaps-json";
