// Exact dispersion of integer amounts (cents): mean, population standard deviation and
// coefficient of variation as decimal strings. Squares of cents overflow doubles quickly, so
// the arithmetic is in bigint, and the square root is taken on integers, never on a float.
import { ratioToDecimalString } from "./ratio";

/** Mean, standard deviation and coefficient of variation of some amounts, with their inputs. */
export interface Dispersion {
  count: number;
  /** Σ values (cents), exact. */
  sum: bigint;
  /** Σ values² (cents²), exact. */
  sumOfSquares: bigint;
  /** Σ/n in cents, rounded half to even to `places` decimals. */
  mean: string;
  /** Population standard deviation √(nΣv² − (Σv)²)/n in cents, rounded half up to `places`. */
  standardDeviation: string;
  /** Standard deviation ÷ mean = √(nΣv² − (Σv)²)/Σv, rounded half up; null when Σ = 0. */
  coefficientOfVariation: string | null;
}

/** ⌊√n⌋ of a non-negative bigint (Newton's method on integers). @example isqrt(17n) // → 4n */
export function isqrt(n: bigint): bigint {
  if (n < 0n) throw new RangeError("square root of a negative number");
  if (n < 2n) return n;
  // One Newton step from any positive guess lands at or above ⌊√n⌋ (AM–GM); from there the
  // iteration decreases until it stops at ⌊√n⌋. The float guess only makes it short.
  let x = BigInt(Math.max(1, Math.floor(Math.sqrt(Number(n)))));
  x = (x + n / x) >> 1n;
  for (;;) {
    const next = (x + n / x) >> 1n;
    if (next >= x) break;
    x = next;
  }
  while (x * x > n) x -= 1n;
  while ((x + 1n) * (x + 1n) <= n) x += 1n;
  return x;
}

/**
 * √radicand ÷ divisor as a decimal string with `places` decimals, rounded to nearest (half up),
 * computed on integers: the nearest integer to √(r·10^2p)/d is ⌊(⌊2√(r·10^2p)⌋ + d) / 2d⌋.
 * @example sqrtQuotientDecimal(2n, 1n, 4) // → "1.4142"
 */
export function sqrtQuotientDecimal(radicand: bigint, divisor: bigint, places: number): string {
  if (divisor <= 0n) throw new RangeError("divisor must be positive");
  const scale = 10n ** BigInt(places);
  const twiceRoot = isqrt(4n * radicand * scale * scale);
  const scaled = (twiceRoot + divisor) / (2n * divisor);
  return ratioToDecimalString({ numerator: scaled, denominator: scale }, places);
}

/**
 * The dispersion of integer amounts (population statistics, as BRIEF item 10's volatility).
 * @example dispersion([100, 300], 2) // → { mean: "200.00", standardDeviation: "100.00", coefficientOfVariation: "0.50", … }
 */
export function dispersion(values: readonly number[], places = 6): Dispersion {
  if (values.length === 0) throw new RangeError("dispersion of no values");
  let sum = 0n;
  let sumOfSquares = 0n;
  for (const v of values) {
    if (!Number.isSafeInteger(v)) throw new RangeError(`${v} is not a safe integer`);
    const b = BigInt(v);
    sum += b;
    sumOfSquares += b * b;
  }
  const n = BigInt(values.length);
  // n·Σv² − (Σv)² = n²·variance ≥ 0 (Cauchy–Schwarz), exact on integers.
  const radicand = n * sumOfSquares - sum * sum;
  return {
    count: values.length,
    sum,
    sumOfSquares,
    mean: ratioToDecimalString({ numerator: sum, denominator: n }, places),
    standardDeviation: sqrtQuotientDecimal(radicand, n, places),
    coefficientOfVariation:
      sum === 0n ? null : sqrtQuotientDecimal(radicand, sum < 0n ? -sum : sum, places),
  };
}
