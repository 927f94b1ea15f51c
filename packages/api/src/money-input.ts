// From a user's decimal amount to stored minor units and USD cents, with errors that name
// the field. Conversion uses the rate in force on the record's date (BRIEF item 1).
import type { Kysely } from "kysely";
import { FundingModelError, RateTable, parseAmount } from "@coherence/funding-model";
import type { Database, RateOrigin } from "@coherence/db";
import { fundingModelMessage } from "./funding-model-messages";
import { apiMessage } from "./messages";
import { fieldError } from "./trpc";

export function readAmount(field: string, amount: string, currency: string): number {
  try {
    return parseAmount(amount, currency);
  } catch (error) {
    if (error instanceof FundingModelError) throw fieldError(field, fundingModelMessage(error));
    throw error;
  }
}

export interface UsdAmount {
  amountUsdCents: number;
  unitsPerUsd: string;
  rateOrigin: RateOrigin;
}

/** Convert at the latest rate whose effective date ≤ `date`; a missing rate names currency and date. */
export async function toUsd(
  db: Kysely<Database>,
  amountMinor: number,
  currency: string,
  date: string,
  field = "currency",
): Promise<UsdAmount> {
  if (currency === "USD")
    return { amountUsdCents: amountMinor, unitsPerUsd: "1", rateOrigin: "identity" };
  const rate = await db
    .selectFrom("exchange_rates")
    .selectAll()
    .where("currency", "=", currency)
    .where("effective_date", "<=", date)
    .orderBy("effective_date", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!rate) throw fieldError(field, apiMessage("no_rate", { currency, date }));
  const table = new RateTable([
    { currency, effectiveFrom: rate.effective_date, unitsPerUsd: rate.units_per_usd },
  ]);
  try {
    const converted = table.convert(amountMinor, currency, date);
    return {
      amountUsdCents: converted.amountUsdCents,
      unitsPerUsd: rate.units_per_usd,
      rateOrigin: "rate_table",
    };
  } catch (error) {
    if (error instanceof FundingModelError) throw fieldError(field, fundingModelMessage(error));
    throw error;
  }
}
