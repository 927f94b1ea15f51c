// What a record's codes resolve against, and where its problems go. An import fills this in from
// the reference data it loaded once and collects every problem of a row; the API fills it in
// from the few rows one request reads and throws at the first problem.
import type { RateTable } from "@coherence/funding-model";
import type { RecordProblem } from "./record-problem";

/** An organization as the columns of a record need it. */
export interface OrganizationRef {
  id: number;
  fiscal_year_start_month: number;
}

/** The operation and entity a record is written under: a flow's recipient, a line's entity. */
export interface WriteScope {
  operationId: number | null;
  entityId: number;
}

/**
 * Look-ups for the records of one caller. `At` says where a record came from (an import's row;
 * nothing for the API) and is handed back with each problem.
 */
export interface RecordReferences<At> {
  organizationByCode(code: string): OrganizationRef | undefined;
  operationIdByCode(code: string): number | undefined;
  /** Whether the task code is a priority task of one of the operation's mandates. */
  hasTask(operationId: number, taskCode: string): boolean;
  /** The rates to convert with (at least those of the record's currency up to its date). */
  readonly rates: RateTable;
  /** The fiscal year starting in `startMonth` that contains `date`. */
  fiscalYear(date: string, startMonth: number): { from: string; to: string };
  /** Reports a problem of the record at `at`; it may throw (the API stops at the first). */
  reportProblem(at: At, problem: RecordProblem): void;
}

/**
 * Whether the caller may write a record under this scope, reporting the refusal itself when not.
 * Imports check it before converting; the API checks its scope after building the columns.
 */
export type MayWrite<At> = (at: At, scope: WriteScope) => boolean;
