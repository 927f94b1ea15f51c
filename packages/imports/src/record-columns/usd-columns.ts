// Conversion to USD at the rate in force (BRIEF item 1), or the source's own conversion kept as
// given (FTS's amountUSD and exchangeRate, rate origin "source").
import { FundingModelError, MissingRateError, currencyExponent } from "@coherence/funding-model";
import type { RateOrigin } from "@coherence/db";
import type { SourceConversionRecord } from "@coherence/interchange";
import type { RecordReferences } from "./record-references";

export interface UsdColumns {
  amount_usd_cents: number;
  units_per_usd: string;
  rate_origin: RateOrigin;
}

/**
 * Units of the currency per USD implied by a source's two amounts, to 10 decimals.
 * @example impliedRate(1_000_00, "EUR", 1_250_00) // → "0.8"
 */
export function impliedRate(amountMinor: number, currency: string, usdCents: number): string {
  if (usdCents === 0) return "0";
  const scale = 10n ** 10n;
  const numerator = BigInt(amountMinor) * 100n * scale;
  const denominator = BigInt(usdCents) * 10n ** BigInt(currencyExponent(currency));
  const q = (numerator + denominator / 2n) / denominator;
  const whole = q / scale;
  const fraction = (q % scale).toString().padStart(10, "0").replace(/0+$/, "");
  return fraction === "" ? whole.toString() : `${whole}.${fraction}`;
}

/**
 * The USD columns of an amount dated `date`, or undefined after reporting `missing_rate` (naming
 * the currency and the date) or `conversion_failed`.
 * @example usdColumns(refs, row, 500_000_00, "GBP", "2024-03-01", null) // → { amount_usd_cents: 64516129, units_per_usd: "0.775", rate_origin: "rate_table" }
 */
export function usdColumns<At>(
  refs: Pick<RecordReferences<At>, "rates" | "reportProblem">,
  at: At,
  amountMinor: number,
  currency: string,
  date: string,
  source: SourceConversionRecord | null,
): UsdColumns | undefined {
  if (source !== null)
    return {
      amount_usd_cents: source.amountUsdCents,
      units_per_usd:
        source.unitsPerUsd ??
        (currency === "USD" ? "1" : impliedRate(amountMinor, currency, source.amountUsdCents)),
      rate_origin: "source",
    };
  if (currency === "USD")
    return { amount_usd_cents: amountMinor, units_per_usd: "1", rate_origin: "identity" };
  try {
    const converted = refs.rates.convert(amountMinor, currency, date);
    return {
      amount_usd_cents: converted.amountUsdCents,
      units_per_usd: converted.rate!.unitsPerUsd,
      rate_origin: "rate_table",
    };
  } catch (error) {
    if (error instanceof MissingRateError) {
      refs.reportProblem(at, { code: "missing_rate", currency, date });
      return undefined;
    }
    if (error instanceof FundingModelError) {
      refs.reportProblem(at, {
        code: "conversion_failed",
        amountMinor,
        currency,
        date,
        error,
      });
      return undefined;
    }
    throw error;
  }
}
