// Where reports get their ledgers and reconciliations from: read and computed afresh on every
// call (the CLI, one report per process), or through a LedgerCache (the server).
import type { Kysely } from "kysely";
import { reconcile } from "@coherence/funding-model";
import type { PeriodScheme, ReconcileOptions, Reconciliation } from "@coherence/funding-model";
import type { Database } from "@coherence/db";
import { loadLedger } from "./load-ledger";
import type { Ledger } from "./load-ledger";

export interface LedgerSource {
  /** Every live record of one operation (all operations without a code) and its reference data. */
  ledger(operationCode?: string): Promise<Ledger>;
  /** The ledger reconciled over a period scheme (every period of the scheme at once). */
  reconciliation(ledger: Ledger, scheme: PeriodScheme): Reconciliation;
}

/** Options of funding-model's reconciliation for a ledger and a period scheme. */
export function reconcileOptions(
  ledger: Ledger,
  period: { scheme: PeriodScheme },
): ReconcileOptions {
  return {
    scheme: period.scheme,
    rates: ledger.rates,
    crosswalk: ledger.crosswalk,
    entities: ledger.entities,
    mandates: ledger.mandates,
    unmappedCategory: "not_categorised",
  };
}

/**
 * Ledgers read and reconciled on every call.
 * @example const ledger = await uncachedLedgers(db).ledger("MINUSCA");
 */
export function uncachedLedgers(db: Kysely<Database>): LedgerSource {
  return {
    ledger: (operationCode) => loadLedger(db, operationCode),
    reconciliation: (ledger, scheme) =>
      reconcile(ledger.records, reconcileOptions(ledger, { scheme })),
  };
}
