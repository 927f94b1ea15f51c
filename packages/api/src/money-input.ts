// From a user's decimal amount to stored minor units and USD cents, with errors that name
// the field. Conversion uses the rate in force on the record's date (BRIEF item 1).
import type { Kysely } from "kysely";
import {
  FundingModelError,
  InvalidAmountError,
  RateTable,
  parseAmount,
} from "@coherence/funding-model";
import type { Database, RateOrigin } from "@coherence/db";
import { apiMessage } from "./messages";
import type { ApiMessage } from "./messages";
import { fieldError } from "./trpc";

/** A refused amount, coded (the English text stays the funding model's). */
function amountMessage(error: FundingModelError, currency: string): ApiMessage {
  if (error instanceof InvalidAmountError) {
    if (error.problem === "too_large") return apiMessage("amount_too_large");
    if (error.problem === "decimals" && error.allowedDecimals !== null)
      return error.allowedDecimals === 1
        ? apiMessage("amount_one_decimal", { currency })
        : apiMessage("amount_decimals", { currency, decimals: error.allowedDecimals });
  }
  return apiMessage("amount_invalid", { currency });
}

export function readAmount(field: string, amount: string, currency: string): number {
  try {
    return parseAmount(amount, currency);
  } catch (error) {
    if (error instanceof FundingModelError)
      throw fieldError(field, { ...amountMessage(error, currency), text: error.message });
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
    if (error instanceof FundingModelError) throw fieldError(field, error.message);
    throw error;
  }
}
