import { divideHalfEven } from "./rounding";
import type { BigRatio } from "./fraction";

/**
 * An exact ratio of two safe integers (e.g. funded cents ÷ requirement cents), denominator > 0.
 * Ratios are not money: show {@link ratioToNumber} on screen and {@link ratioToDecimalString}
 * wherever an exact decimal is printed (the CLI prints coverage that way).
 */
export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
}

/**
 * The ratio n/d, or `null` when d is 0 (e.g. coverage of a zero requirement is undefined).
 * The parts are kept as given (not reduced) so that they still read as cents.
 * @example ratioOf(350, 1000) // → { numerator: 350, denominator: 1000 }
 */
export function ratioOf(numerator: number, denominator: number): Ratio | null {
  if (denominator === 0) return null;
  return denominator < 0
    ? { numerator: -numerator, denominator: -denominator }
    : { numerator, denominator };
}

/** The ratio as a float, for display and charts only. @example ratioToNumber({ numerator: 1, denominator: 4 }) // → 0.25 */
export function ratioToNumber(r: Ratio | BigRatio): number {
  if (typeof r.numerator === "bigint" || typeof r.denominator === "bigint") {
    // Scale so the float division does not lose the value for very large parts.
    const n = BigInt(r.numerator);
    const d = BigInt(r.denominator);
    const scaled = divideHalfEven(n * 10n ** 17n, d);
    return Number(scaled) / 1e17;
  }
  return r.numerator / r.denominator;
}

/**
 * The ratio as an exact decimal string with `places` decimals, rounded half-to-even.
 * @example ratioToDecimalString({ numerator: 2, denominator: 3 }, 4) // → "0.6667"
 * @example ratioToDecimalString({ numerator: 1, denominator: 8 }, 2) // → "0.12" (half to even)
 */
export function ratioToDecimalString(r: Ratio | BigRatio, places: number): string {
  if (!Number.isInteger(places) || places < 0)
    throw new RangeError("places must be an integer ≥ 0");
  const n = BigInt(r.numerator);
  const d = BigInt(r.denominator);
  const scaled = divideHalfEven(n * 10n ** BigInt(places), d);
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, "0");
  const whole = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places);
  return `${negative ? "-" : ""}${whole}${places > 0 ? `.${fraction}` : ""}`;
}
