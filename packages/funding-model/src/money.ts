import { currencyExponent } from "./currency";
import { CurrencyMismatchError, InvalidAmountError, MoneyOverflowError } from "./errors";

/**
 * An amount in integer minor units of its currency (cents for USD, yen for JPY, fils for KWD).
 * Amounts are JS safe integers; every operation that could leave that range throws
 * {@link MoneyOverflowError} instead of rounding. Use the `*Big` helpers where a sum may pass 2^53.
 */
export interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

const AMOUNT = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * Parses a decimal string into integer minor units of `currency`. Accepted: an optional `-`,
 * digits, and at most as many decimals as the currency has (USD 2, JPY 0, KWD 3). No grouping
 * separators, exponents or spaces: those belong to the importers, which know the locale.
 * More decimals than the currency allows is an error, even trailing zeros ("1.230" USD).
 * @throws InvalidAmountError, UnknownCurrencyError
 * @example parseAmount("5000000.00", "GBP") // → 500000000
 * @example parseAmount("1500", "JPY") // → 1500
 * @example parseAmount("1.5", "KWD") // → 1500
 */
export function parseAmount(input: string, currency: string): number {
  const exponent = currencyExponent(currency);
  const match = AMOUNT.exec(input);
  if (!match) throw new InvalidAmountError(input, currency, "not a decimal number");
  const fraction = match[3] ?? "";
  if (fraction.length > exponent)
    throw new InvalidAmountError(
      input,
      currency,
      `${currency} allows ${exponent} decimal${exponent === 1 ? "" : "s"}`,
      "decimals",
      exponent,
    );
  const minor = Number(match[2]! + fraction.padEnd(exponent, "0"));
  if (!Number.isSafeInteger(minor))
    throw new InvalidAmountError(input, currency, "too large", "too_large");
  return match[1] && minor !== 0 ? -minor : minor;
}

/** {@link parseAmount} as a {@link Money}. @example money("12.50", "USD") // → { amountMinor: 1250, currency: "USD" } */
export function money(input: string, currency: string): Money {
  return { amountMinor: parseAmount(input, currency), currency };
}

/** Options of {@link formatAmount}. */
export interface FormatOptions {
  /** Insert `,` every three integer digits (for people; machines want the default `false`). */
  grouping?: boolean;
}

/**
 * Formats integer minor units as a decimal string with exactly the currency's decimals.
 * @example formatAmount(645161290, "USD") // → "6451612.90"
 * @example formatAmount(645161290, "USD", { grouping: true }) // → "6,451,612.90"
 * @example formatAmount(-5, "KWD") // → "-0.005"
 */
export function formatAmount(
  amountMinor: number | bigint,
  currency: string,
  options: FormatOptions = {},
): string {
  const exponent = currencyExponent(currency);
  if (typeof amountMinor === "number" && !Number.isSafeInteger(amountMinor))
    throw new MoneyOverflowError("formatAmount");
  const value = BigInt(amountMinor);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(exponent + 1, "0");
  let whole = digits.slice(0, digits.length - exponent);
  if (options.grouping) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fraction = exponent > 0 ? `.${digits.slice(digits.length - exponent)}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

/** {@link formatAmount} of a {@link Money}. @example formatMoney(money("3.5", "USD")) // → "3.50" */
export function formatMoney(value: Money, options: FormatOptions = {}): string {
  return formatAmount(value.amountMinor, value.currency, options);
}

function checked(result: number, operation: string): number {
  // For safe-integer operands, a float result is exact iff it is itself a safe integer.
  if (!Number.isSafeInteger(result)) throw new MoneyOverflowError(operation);
  return result;
}

function requireSafe(value: number, operation: string): void {
  if (!Number.isSafeInteger(value)) throw new MoneyOverflowError(operation);
}

/** a + b in minor units, checked. @example addMinor(2 ** 53 - 2, 1) // → 9007199254740991 */
export function addMinor(a: number, b: number): number {
  requireSafe(a, "add");
  requireSafe(b, "add");
  return checked(a + b, "add");
}

/** a − b in minor units, checked. Negative results are allowed (reversals). @example subtractMinor(100, 250) // → -150 */
export function subtractMinor(a: number, b: number): number {
  requireSafe(a, "subtract");
  requireSafe(b, "subtract");
  return checked(a - b, "subtract");
}

/** amount × an integer factor, checked. @example multiplyMinor(-250, 3) // → -750 */
export function multiplyMinor(amountMinor: number, factor: number): number {
  requireSafe(amountMinor, "multiply");
  requireSafe(factor, "multiply");
  const exact = BigInt(amountMinor) * BigInt(factor);
  const result = Number(exact);
  if (!Number.isSafeInteger(result) || BigInt(result) !== exact)
    throw new MoneyOverflowError("multiply");
  return result;
}

/**
 * Checked sum of minor-unit amounts.
 * @throws MoneyOverflowError if any partial sum leaves the safe range
 * @example sumMinor([1050, -50, 200]) // → 1200
 */
export function sumMinor(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total = addMinor(total, v);
  return total;
}

/**
 * Exact sum as bigint, for totals that may pass 2^53 (e.g. a global sum of a million flows).
 * @example sumMinorBig([Number.MAX_SAFE_INTEGER, 1]) // → 9007199254740992n
 */
export function sumMinorBig(values: Iterable<number | bigint>): bigint {
  let total = 0n;
  for (const v of values) total += BigInt(v);
  return total;
}

/**
 * Sum of two {@link Money} values of the same currency.
 * @throws CurrencyMismatchError
 * @example addMoney(money("1.10", "EUR"), money("2.20", "EUR")) // → { amountMinor: 330, currency: "EUR" }
 */
export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
  return { amountMinor: addMinor(a.amountMinor, b.amountMinor), currency: a.currency };
}
