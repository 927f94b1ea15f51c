import { USD, currencyExponent } from "./currency";
import { toDayNumber } from "./dates";
import type { IsoDate } from "./dates";
import { InvalidRateError, MissingRateError, MoneyOverflowError } from "./errors";
import { gcd, parseRational } from "./fraction";
import { divideHalfEven, divideHalfEvenNumber } from "./rounding";

/**
 * A UN operational rate of exchange: `unitsPerUsd` units of `currency` buy 1 USD, from
 * `effectiveFrom` until the next rate of the same currency. The rate is a decimal string so that
 * "0.775" is exactly 775/1000, never the nearest float.
 */
export interface ExchangeRate {
  currency: string;
  effectiveFrom: IsoDate;
  unitsPerUsd: string;
}

/** How a USD amount was obtained, for the "why this number?" view. */
export interface UsdConversion {
  amountUsdCents: number;
  /** `usd`: no conversion; `table`: the rate in force; `source`: the source's own USD amount. */
  method: "usd" | "table" | "source";
  /** The rate used (table or source), or null for USD and for a source that gave none. */
  rate: ExchangeRate | null;
}

interface CurrencyRates {
  days: number[];
  records: ExchangeRate[];
  // Conversion factors, reduced: cents = round(amountMinor · mul / div).
  mulBig: bigint[];
  divBig: bigint[];
  mul: number[];
  div: number[];
}

const FAST_PRODUCT = 2 ** 52;

/**
 * The rates of all currencies, indexed for "latest rate whose effective date ≤ the date" look-ups.
 * Two records for the same currency and date must agree, otherwise the table is ambiguous.
 *
 * @example
 * const table = new RateTable([{ currency: "GBP", effectiveFrom: "2020-01-01", unitsPerUsd: "0.775" }]);
 * table.convert(500000000, "GBP", "2020-03-01").amountUsdCents; // → 645161290 (6,451,612.90 USD)
 */
export class RateTable {
  readonly #byCurrency = new Map<string, CurrencyRates>();

  /** @throws InvalidRateError, UnknownCurrencyError, InvalidDateError */
  constructor(rates: readonly ExchangeRate[]) {
    const sorted = rates
      .map((rate) => ({ rate, day: toDayNumber(rate.effectiveFrom) }))
      .sort((a, b) => a.day - b.day);
    for (const { rate, day } of sorted) {
      const exponent = currencyExponent(rate.currency);
      const value = parseRational(rate.unitsPerUsd);
      if (!value || value.numerator === 0n)
        throw new InvalidRateError(
          `Rate for ${rate.currency} from ${rate.effectiveFrom}: "${rate.unitsPerUsd}" is not a positive decimal`,
        );
      if (rate.currency === USD) {
        if (value.numerator !== value.denominator)
          throw new InvalidRateError(`A USD rate must be 1, got "${rate.unitsPerUsd}"`);
        continue;
      }
      let entry = this.#byCurrency.get(rate.currency);
      if (!entry) {
        entry = { days: [], records: [], mulBig: [], divBig: [], mul: [], div: [] };
        this.#byCurrency.set(rate.currency, entry);
      }
      const last = entry.days.length - 1;
      // amount/10^e units ÷ (p/q) units-per-USD = amount·q·100 / (10^e·p) cents.
      let mul = value.denominator * 100n;
      let div = 10n ** BigInt(exponent) * value.numerator;
      const g = gcd(mul, div);
      mul /= g;
      div /= g;
      if (last >= 0 && entry.days[last] === day) {
        if (entry.mulBig[last] !== mul || entry.divBig[last] !== div)
          throw new InvalidRateError(
            `Two different ${rate.currency} rates take effect on ${rate.effectiveFrom}`,
          );
        continue;
      }
      entry.days.push(day);
      entry.records.push(rate);
      entry.mulBig.push(mul);
      entry.divBig.push(div);
      entry.mul.push(mul <= BigInt(FAST_PRODUCT) ? Number(mul) : Number.NaN);
      entry.div.push(div <= BigInt(FAST_PRODUCT) ? Number(div) : Number.NaN);
    }
  }

  #index(currency: string, day: number, date: IsoDate): [CurrencyRates, number] {
    currencyExponent(currency); // an unknown code is an input error, not a missing rate
    const entry = this.#byCurrency.get(currency);
    if (!entry) throw new MissingRateError(currency, date);
    const days = entry.days;
    let lo = 0;
    let hi = days.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (days[mid]! <= day) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) throw new MissingRateError(currency, date);
    return [entry, found];
  }

  /**
   * The rate in force on `date`: the latest whose effective date ≤ `date`.
   * @throws UnknownCurrencyError, MissingRateError (naming currency and date)
   * @example new RateTable(rates).rateInForce("SAR", "2024-05-31").unitsPerUsd // → "3.75"
   */
  rateInForce(currency: string, date: IsoDate): ExchangeRate {
    const [entry, i] = this.#index(currency, toDayNumber(date), date);
    return entry.records[i]!;
  }

  /**
   * Converts an amount in minor units to USD cents at the rate in force on `date`, rounded
   * half-to-even to the cent. USD passes through unchanged and needs no rate.
   * @throws UnknownCurrencyError, MissingRateError, MoneyOverflowError
   * @example new RateTable(rates).convert(32532800, "SAR", "2024-01-10") // → { amountUsdCents: 8675413, method: "table", ... }
   */
  convert(amountMinor: number, currency: string, date: IsoDate): UsdConversion {
    if (currency === USD) return { amountUsdCents: amountMinor, method: "usd", rate: null };
    return this.convertOnDay(amountMinor, currency, toDayNumber(date), date);
  }

  /** {@link convert} with the day number already parsed (the reconciliation's hot path). @internal */
  convertOnDay(amountMinor: number, currency: string, day: number, date: IsoDate): UsdConversion {
    if (currency === USD) return { amountUsdCents: amountMinor, method: "usd", rate: null };
    const [entry, i] = this.#index(currency, day, date);
    return {
      amountUsdCents: this.#apply(entry, i, amountMinor),
      method: "table",
      rate: entry.records[i]!,
    };
  }

  /** Cents only, no result object: used once per record when nothing needs explaining. @internal */
  centsOnDay(amountMinor: number, currency: string, day: number, date: IsoDate): number {
    if (currency === USD) return amountMinor;
    const [entry, i] = this.#index(currency, day, date);
    return this.#apply(entry, i, amountMinor);
  }

  #apply(entry: CurrencyRates, i: number, amountMinor: number): number {
    if (!Number.isSafeInteger(amountMinor)) throw new MoneyOverflowError("convert");
    const mul = entry.mul[i]!;
    const div = entry.div[i]!;
    const product = Math.abs(amountMinor) * mul;
    if (product < FAST_PRODUCT && div < FAST_PRODUCT)
      return divideHalfEvenNumber(amountMinor * mul, div);
    const cents = divideHalfEven(BigInt(amountMinor) * entry.mulBig[i]!, entry.divBig[i]!);
    const result = Number(cents);
    if (!Number.isSafeInteger(result)) throw new MoneyOverflowError("convert");
    return result;
  }

  /** Currencies with at least one rate, sorted. */
  currencies(): string[] {
    return [...this.#byCurrency.keys()].sort();
  }
}
