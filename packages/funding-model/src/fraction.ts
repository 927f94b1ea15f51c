/** An exact rational number with bigint parts; the denominator is always positive. */
export interface BigRatio {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/** Greatest common divisor of two bigints (non-negative result). */
export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** The fraction n/d in lowest terms with a positive denominator. */
export function reduce(numerator: bigint, denominator: bigint): BigRatio {
  if (denominator === 0n) throw new RangeError("zero denominator");
  const sign = denominator < 0n ? -1n : 1n;
  const g = gcd(numerator, denominator) || 1n;
  return { numerator: (sign * numerator) / g, denominator: (sign * denominator) / g };
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;
const FRACTION = /^(\d+)\/(\d+)$/;

/**
 * Parses a non-negative decimal ("0.775") or fraction ("1/3") string exactly.
 * Returns `null` for anything else; callers raise their own typed error.
 * @example parseRational("0.775") // → { numerator: 31n, denominator: 40n }
 */
export function parseRational(text: string): BigRatio | null {
  const s = text.trim();
  const decimal = DECIMAL.exec(s);
  if (decimal) {
    const fractionDigits = decimal[2] ?? "";
    return reduce(BigInt(`${decimal[1]!}${fractionDigits}`), 10n ** BigInt(fractionDigits.length));
  }
  const fraction = FRACTION.exec(s);
  if (fraction) {
    const denominator = BigInt(fraction[2]!);
    if (denominator === 0n) return null;
    return reduce(BigInt(fraction[1]!), denominator);
  }
  return null;
}

/**
 * Sum of fractions, exact.
 * @example addRatios(parseRational("0.3")!, parseRational("1/3")!) // → { numerator: 19n, denominator: 30n }
 */
export function addRatios(a: BigRatio, b: BigRatio): BigRatio {
  return reduce(
    a.numerator * b.denominator + b.numerator * a.denominator,
    a.denominator * b.denominator,
  );
}

/**
 * Sign of a − b.
 * @example compareBigRatios(parseRational("0.50")!, parseRational("1/2")!) // → 0
 */
export function compareBigRatios(a: BigRatio, b: BigRatio): -1 | 0 | 1 {
  const l = a.numerator * b.denominator;
  const r = b.numerator * a.denominator;
  return l < r ? -1 : l > r ? 1 : 0;
}
