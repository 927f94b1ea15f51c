// From a user's decimal amount to stored minor units and USD cents, with errors that name
// the field. Conversion uses the rate in force on the record's date (BRIEF item 1).
import type { Kysely } from "kysely";
import { FundingModelError, parseAmount } from "@coherence/funding-model";
import type { Database } from "@coherence/db";
import { usdColumns } from "@coherence/imports";
import type { RecordProblem, UsdColumns } from "@coherence/imports";
import { rateInForce, resolved } from "./record-references";
import { fundingModelMessage } from "./funding-model-messages";
import { recordProblemError } from "./record-problems";
import { fieldError } from "./trpc";

export function readAmount(field: string, amount: string, currency: string): number {
  try {
    return parseAmount(amount, currency);
  } catch (error) {
    if (error instanceof FundingModelError) throw fieldError(field, fundingModelMessage(error));
    throw error;
  }
}

/**
 * The USD columns of an amount at the latest rate whose effective date ≤ `date`; a missing rate
 * is a field error on `currency` naming the currency and the date.
 */
export async function toUsd(
  db: Kysely<Database>,
  amountMinor: number,
  currency: string,
  date: string,
): Promise<UsdColumns> {
  const refs = {
    rates: await rateInForce(db, currency, date),
    reportProblem: (_at: null, problem: RecordProblem) => {
      throw recordProblemError(problem);
    },
  };
  return resolved(usdColumns(refs, null, amountMinor, currency, date, null));
}
