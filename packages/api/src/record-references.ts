// The references one write needs, read in parallel before its columns are built by the
// record-columns helpers it shares with the importers: the organizations and the operation its
// codes name, whether its task is in that operation's mandates, and the rate in force for its
// currency on its date. A problem is thrown as a field error at once (the first one wins).
import type { Kysely } from "kysely";
import { RateTable, fiscalYearOf } from "@coherence/funding-model";
import type { Database } from "@coherence/db";
import type { RecordReferences } from "@coherence/imports";
import { recordProblemError } from "./record-problems";

export interface WantedReferences {
  organizations: readonly string[];
  operation: string | null;
  taskCode: string | null;
  currency: string;
  /** The conversion date: a flow's status date, a budget line's first day. */
  date: string;
}

/** The latest rate of `currency` in force on `date`, as a table of at most that one rate. */
export async function rateInForce(
  db: Kysely<Database>,
  currency: string,
  date: string,
): Promise<RateTable> {
  if (currency === "USD") return new RateTable([]);
  const rate = await db
    .selectFrom("exchange_rates")
    .selectAll()
    .where("currency", "=", currency)
    .where("effective_date", "<=", date)
    .orderBy("effective_date", "desc")
    .limit(1)
    .executeTakeFirst();
  return new RateTable(
    rate ? [{ currency, effectiveFrom: rate.effective_date, unitsPerUsd: rate.units_per_usd }] : [],
  );
}

/**
 * @example
 * const refs = await loadRecordReferences(db, { organizations: ["USA", "UN-DPO"], operation: "MINUSCA", taskCode: null, currency: "EUR", date: "2025-01-31" });
 * const columns = resolved(resolveFlowColumns(refs, null, input));
 */
export async function loadRecordReferences(
  db: Kysely<Database>,
  wanted: WantedReferences,
): Promise<RecordReferences<null>> {
  const { operation: operationCode, taskCode } = wanted;
  const [organizations, operation, task, rates] = await Promise.all([
    wanted.organizations.length === 0
      ? []
      : db
          .selectFrom("organizations")
          .select(["id", "code", "fiscal_year_start_month"])
          .where("code", "in", wanted.organizations)
          .execute(),
    operationCode === null
      ? undefined
      : db
          .selectFrom("operations")
          .select("id")
          .where("code", "=", operationCode)
          .executeTakeFirst(),
    operationCode === null || taskCode === null
      ? undefined
      : db
          .selectFrom("priority_tasks")
          .innerJoin("mandates", "mandates.id", "priority_tasks.mandate_id")
          .innerJoin("operations", "operations.id", "mandates.operation_id")
          .select("priority_tasks.id")
          .where("operations.code", "=", operationCode)
          .where("priority_tasks.code", "=", taskCode)
          .executeTakeFirst(),
    rateInForce(db, wanted.currency, wanted.date),
  ]);
  return {
    organizationByCode: (code) => organizations.find((o) => o.code === code),
    operationIdByCode: (code) => (code === operationCode ? operation?.id : undefined),
    hasTask: (operationId, code) =>
      task !== undefined && operationId === operation?.id && code === taskCode,
    rates,
    fiscalYear: (date, startMonth) => fiscalYearOf(date, startMonth),
    reportProblem: (_at, problem) => {
      throw recordProblemError(problem);
    },
  };
}

/** The helpers' result: never undefined here, since these references throw every problem. */
export function resolved<T>(columns: T | undefined): T {
  if (columns === undefined) throw new Error("a record problem was reported but not thrown");
  return columns;
}
