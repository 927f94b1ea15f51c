// The priority-task table of one operation and period, computed by funding-model from the
// stored records: what the API's `report.operation` serves and what `coherence report gaps`
// prints, from one implementation.
import type { Kysely } from "kysely";
import { FUNDING_TYPES, alignmentOf } from "@coherence/funding-model";
import type { FundingType, RowFilter } from "@coherence/funding-model";
import type { Database } from "@coherence/db";
import type { Ledger } from "./load-ledger";
import { uncachedLedgers } from "./ledger-source";
import type { LedgerSource } from "./ledger-source";
import { resolvePeriod } from "./period";
import type { PeriodInput } from "./period";
import { alignmentOut, figuresOut } from "./shape";

/** Raised for an operation code that is not in the database. */
export class UnknownOperationError extends Error {
  constructor(readonly code: string) {
    super(`No operation with code ${code}`);
    this.name = "UnknownOperationError";
  }
}

/** One operation's row and its ledger. @throws UnknownOperationError */
export async function operationLedger(
  db: Kysely<Database>,
  operation: string,
  ledgers: LedgerSource = uncachedLedgers(db),
) {
  const row = await db
    .selectFrom("operations")
    .select(["code", "name", "country", "kind"])
    .where("code", "=", operation)
    .executeTakeFirst();
  if (!row) throw new UnknownOperationError(operation);
  return { operation: row, ledger: await ledgers.ledger(operation) };
}

/** Currencies present in the records, with the rate in force at the period's end. */
export function ratesInForce(ledger: Ledger, on: string) {
  const currencies = new Set<string>();
  for (const f of ledger.records.flows)
    if (f.currency !== "USD" && !f.sourceConversion) currencies.add(f.currency);
  for (const r of ledger.records.requirementLines)
    if (r.currency !== "USD") currencies.add(r.currency);
  return [...currencies].sort().map((currency) => {
    try {
      const rate = ledger.rates.rateInForce(currency, on);
      return { currency, unitsPerUsd: rate.unitsPerUsd, effectiveFrom: rate.effectiveFrom };
    } catch {
      return { currency, unitsPerUsd: null, effectiveFrom: null };
    }
  });
}

/** Drill-down filter of the task table. */
export interface OperationReportFilter {
  entityCode?: string | undefined;
  donorCode?: string | undefined;
  fundingType?: FundingType | undefined;
  categoryCode?: string | undefined;
}

/**
 * The task table of an operation for a period, in mandate rank order, with "Not specified",
 * pooled funds' unallocated balances, totals and the alignment score.
 * Ledgers come from `ledgers` (read afresh by default; the server passes its LedgerCache).
 * @example const report = await operationReport(db, "MINUSCA", { kind: "peacekeeping", year: 2024 });
 * @throws UnknownOperationError
 */
export async function operationReport(
  db: Kysely<Database>,
  operationCode: string,
  periodInput: PeriodInput,
  filter: OperationReportFilter = {},
  ledgers: LedgerSource = uncachedLedgers(db),
) {
  const period = resolvePeriod(periodInput);
  const { operation, ledger } = await operationLedger(db, operationCode, ledgers);
  const rec = ledgers.reconciliation(ledger, period.scheme);
  const table = rec.taskTable(operation.code, period.index);
  const where: RowFilter = {
    operationCode: operation.code,
    periodIndex: period.index,
    ...filter,
  };
  const byType = rec.rows({ groupBy: ["bucket", "task", "fundingType"], where });
  const fundedByType = (bucket: "task" | "not_specified", taskCode: string | null) =>
    Object.fromEntries(
      FUNDING_TYPES.map((type) => [
        type,
        byType
          .filter(
            (r) =>
              r.key.bucket === bucket &&
              (bucket === "not_specified" || r.key.taskCode === taskCode) &&
              r.key.fundingType === type,
          )
          .reduce((sum, r) => sum + r.figures.funded, 0),
      ]),
    ) as Record<FundingType, number>;
  const filtered = Object.values(filter).some((v) => v !== undefined);
  const taskFigures = (taskCode: string) =>
    filtered
      ? rec.total({ ...where, bucket: "task", taskCode })
      : table.tasks.find((t) => t.taskCode === taskCode)!.figures;
  return {
    operation,
    period,
    filter,
    asOf: ledger.asOf,
    resolution: table.resolution,
    ratesInForce: ratesInForce(ledger, period.to),
    tasks: table.tasks.map((t) => ({
      taskCode: t.taskCode,
      title: t.title,
      rank: t.rank,
      inLatestMandate: t.inLatestMandate,
      figures: figuresOut(taskFigures(t.taskCode)),
      fundedByType: fundedByType("task", t.taskCode),
    })),
    notSpecified: {
      figures: figuresOut(
        filtered ? rec.total({ ...where, bucket: "not_specified" }) : table.notSpecified,
      ),
      fundedByType: fundedByType("not_specified", null),
    },
    unallocated: table.unallocated.map((u) => ({
      entityCode: u.entityCode,
      figures: figuresOut(u.figures),
    })),
    total: figuresOut(filtered ? rec.total(where) : table.total),
    alignment: alignmentOut(alignmentOf(table)),
  };
}

export type OperationReport = Awaited<ReturnType<typeof operationReport>>;
