/**
 * Integer division rounded half-to-even ("banker's rounding"), exact for any signs.
 * Half-to-even is symmetric (−x rounds to −round(x)) and unbiased over many records.
 * @example divideHalfEven(5n, 2n) // → 2n;  divideHalfEven(7n, 2n) // → 4n;  divideHalfEven(-5n, 2n) // → -2n
 */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("division by zero");
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let q = n / d;
  const twiceR = (n % d) * 2n;
  if (twiceR > d || (twiceR === d && q % 2n === 1n)) q += 1n;
  return negative ? -q : q;
}

const FAST_LIMIT = 2 ** 52;

/**
 * {@link divideHalfEven} for safe integers, without bigint where the operands are small enough
 * for float division to be corrected exactly (the hot path of conversion).
 * @example divideHalfEvenNumber(645161290325, 1000) // → 645161290
 */
export function divideHalfEvenNumber(numerator: number, denominator: number): number {
  if (denominator === 0) throw new RangeError("division by zero");
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  if (n >= FAST_LIMIT || d >= FAST_LIMIT)
    return Number(divideHalfEven(BigInt(numerator), BigInt(denominator)));
  // Float quotient may be off by one near an integer; q·d and the remainder are exact here.
  let q = Math.floor(n / d);
  let r = n - q * d;
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  if (2 * r > d || (2 * r === d && q % 2 === 1)) q += 1;
  return numerator < 0 !== denominator < 0 && q !== 0 ? -q : q;
}
