// Public API of @coherence/funding-model. Everything not exported here is internal.
export * from "./types";
export * from "./errors";
export { addDays, daysBetween, fromDayNumber, isLeapYear, toDayNumber } from "./dates";
export type { IsoDate } from "./dates";
export { USD, currencyExponent, isKnownCurrency, knownCurrencies } from "./currency";
export {
  addMinor,
  addMoney,
  formatAmount,
  formatMoney,
  money,
  multiplyMinor,
  parseAmount,
  subtractMinor,
  sumMinor,
  sumMinorBig,
} from "./money";
export type { FormatOptions, Money } from "./money";
export { divideHalfEven } from "./rounding";
export { allocateLargestRemainder } from "./allocate";
export { ratioOf, ratioToDecimalString, ratioToNumber } from "./ratio";
export type { Ratio } from "./ratio";
export { addRatios, compareBigRatios, parseRational } from "./fraction";
export type { BigRatio } from "./fraction";
export { RateTable } from "./rates";
export type { ExchangeRate, UsdConversion } from "./rates";
export {
  OUTSIDE,
  compileScheme,
  fiscalYearOf,
  periodByIndex,
  periodContaining,
  periodsOverlapping,
} from "./periods";
export type { CompiledScheme, CustomPeriod, Period, PeriodScheme } from "./periods";
export { spreadOverPeriods } from "./spread";
export type { SpreadPart } from "./spread";
export { COMMON_CATEGORIES, Crosswalk, NOT_CATEGORISED, validateCrosswalk } from "./crosswalk";
export type { CategoryPart, CommonCategoryCode, CrosswalkIssue, CrosswalkRow } from "./crosswalk";
export { MEASURES, PartialTotals, mergeTotals } from "./partial-totals";
export type { Measure, PartialTotalsJson, TotalsCell } from "./partial-totals";
export { buildTotals, flowStateAsOf } from "./build-totals";
export type { BuildOptions, FlowState, ReconcileRecords } from "./build-totals";
export { mandateView } from "./mandates";
export type { MandateView, TaskInForce } from "./mandates";
export { attributeToTasks } from "./attribution";
export type { AttributedPart, AttributionWeight } from "./attribution";
export { deriveFigures } from "./figures";
export type { Figures } from "./figures";
export { GROUP_DIMENSIONS, Reconciliation, finalizeTotals, reconcile } from "./reconcile";
export type {
  Bucket,
  FigureRow,
  FinalizeOptions,
  GroupDimension,
  ReconcileOptions,
  RowFilter,
  RowKey,
  TaskTable,
  TaskTableRow,
} from "./reconcile";
export { explainFigure } from "./explain";
export type {
  AttributionContribution,
  Explanation,
  FigureSelector,
  RecordContribution,
} from "./explain";
export { alignmentOf, alignmentScore } from "./alignment";
export type { Alignment, AlignmentTask, PriorityInversion } from "./alignment";
export {
  PREDICTABILITY_MEASURES,
  PREDICTABILITY_PLACES,
  predictability,
  predictabilityInputs,
  summarisePredictability,
} from "./predictability";
export type {
  AnnualInput,
  ArrearsInput,
  FundedInput,
  PledgeInput,
  Predictability,
  PredictabilityInputs,
  PredictabilityMeasure,
  PredictabilityOptions,
} from "./predictability";
export { dispersion, isqrt, sqrtQuotientDecimal } from "./dispersion";
export type { Dispersion } from "./dispersion";
export { execution } from "./execution";
export type { Execution } from "./execution";
export { entityScorecards } from "./scorecard";
export type { EntityScorecard } from "./scorecard";
export { assessAppropriation, assessmentFlows } from "./assessment";
export type { AssessmentResult, MemberAssessment } from "./assessment";
export { findDuplicates } from "./duplicates";
export type { DuplicateCandidate, DuplicateOptions } from "./duplicates";
export { MINUSCA_DEMO } from "./demo-data";
