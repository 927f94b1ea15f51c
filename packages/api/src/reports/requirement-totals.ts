// The requirement, appropriation and expenditure of an operation's budget lines for a period,
// computed by the same reconciliation as `report.operation`, so that the workspace's budget-line
// table shows the totals the gap chart draws (highest stage of each line, spread over the days of
// the period, expended tracked beside it).
import type { Kysely } from "kysely";
import type { RowFilter } from "@coherence/funding-model";
import { operationLedger, uncachedLedgers } from "@coherence/reports";
import type { LedgerSource } from "@coherence/reports";
import type { Database } from "@coherence/db";
import { resolvePeriod } from "./period";
import type { PeriodInput } from "./period";

export interface RequirementTotals {
  period: { label: string; from: string; to: string };
  /** Integer USD cents, as `report.operation` sends them. */
  requirement: number;
  appropriated: number;
  expended: number;
}

/**
 * @example await requirementTotals(db, "MINUSCA", { kind: "peacekeeping", year: 2025 }, { entityCode: "UN-DPO" })
 * // → { period: { label: "2025/26", … }, requirement: 1_250_000_00, appropriated: …, expended: … }
 */
export async function requirementTotals(
  db: Kysely<Database>,
  operation: string,
  periodInput: PeriodInput,
  filter: { entityCode?: string | undefined; taskCode?: string | null | undefined },
  ledgers: LedgerSource = uncachedLedgers(db),
): Promise<RequirementTotals> {
  const period = resolvePeriod(periodInput);
  // An unknown operation (UnknownOperationError) becomes NOT_FOUND in errors.ts.
  const { ledger } = await operationLedger(db, operation, ledgers);
  const rec = ledgers.reconciliation(ledger, period.scheme);
  const where: RowFilter = { operationCode: operation, periodIndex: period.index };
  if (filter.entityCode !== undefined) where.entityCode = filter.entityCode;
  if (filter.taskCode !== undefined) where.taskCode = filter.taskCode;
  const figures = rec.total(where);
  return {
    period: { label: period.label, from: period.from, to: period.to },
    requirement: figures.requirement,
    appropriated: figures.appropriated,
    expended: figures.expended,
  };
}
