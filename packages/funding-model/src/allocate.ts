import { AllocationError, MoneyOverflowError } from "./errors";

/**
 * Splits an integer `total` over integer `weights` by the largest-remainder method, so that the
 * parts sum exactly to the total. Each part gets ⌊total·wᵢ/W⌋; the units left over go one each to
 * the largest remainders, and **equal remainders go to the lower index**. Every tie rule of the
 * BRIEF is expressed by ordering: periods earliest first, categories lowest code first, tasks
 * highest rank first.
 *
 * A negative total is split as the mirror image of its absolute value (allocate(−x) = −allocate(x)),
 * so a reversal cancels its original part by part.
 *
 * @param weights non-negative safe integers (or bigints), not all zero unless `total` is 0.
 * @throws AllocationError on a negative, fractional or all-zero weight list.
 * @example allocateLargestRemainder(10000, [1, 1, 1]) // → [3334, 3333, 3333]
 * @example allocateLargestRemainder(100000000, [181, 184]) // → [49589041, 50410959]
 * @example allocateLargestRemainder(-5, [1, 1]) // → [-3, -2]
 */
export function allocateLargestRemainder(
  total: number,
  weights: readonly (number | bigint)[],
): number[] {
  if (!Number.isSafeInteger(total)) throw new MoneyOverflowError("allocate");
  const n = weights.length;
  if (n === 0) throw new AllocationError("no weights to allocate over");
  let allNumbers = true;
  let sumNumber = 0;
  for (const w of weights) {
    if (typeof w === "bigint") {
      if (w < 0n) throw new AllocationError(`negative weight ${w}`);
      allNumbers = false;
    } else {
      if (!Number.isSafeInteger(w) || w < 0)
        throw new AllocationError(`weight ${w} is not a non-negative integer`);
      sumNumber += w;
    }
  }
  if (allNumbers && Number.isSafeInteger(sumNumber)) {
    const out = new Array<number>(n).fill(0);
    allocateNumbers(total, weights as readonly number[], n, sumNumber, out);
    return out;
  }
  return allocateBig(
    total,
    weights.map((w) => BigInt(w)),
  );
}

/**
 * Below this weight sum, totals × weights beyond 2^53 are split without bigint: every
 * intermediate of {@link exactRemainder} stays an exactly representable integer.
 */
const WIDE_WEIGHT_LIMIT = 2 ** 49;
const SPLITTER = 2 ** 27 + 1;

/**
 * t·w − q·W, exactly, for safe integers t ≥ 0, 0 ≤ w ≤ W < 2^49 and q within a few units of
 * ⌊t·w / W⌋. Each product is taken as the sum of its rounded value and its exact error
 * (Dekker's product with Veltkamp's split); the rounded values are either both below 2^53 or
 * within a factor of two of each other, so their difference is exact (Sterbenz), the errors are
 * integers below 2^52, and the result, a few W at most, is below 2^53: no step rounds.
 * @internal
 */
export function exactRemainder(t: number, w: number, q: number, W: number): number {
  const p1 = t * w;
  const e1 = productError(t, w, p1);
  const p2 = q * W;
  const e2 = productError(q, W, p2);
  return p1 - p2 + (e1 - e2);
}

/** a·b − fl(a·b), exactly (Dekker). */
function productError(a: number, b: number, p: number): number {
  const ca = SPLITTER * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = SPLITTER * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

const SCRATCH_SIZE = 64;
let scratchRemainders = new Float64Array(SCRATCH_SIZE);

/**
 * The allocation kernel: writes the parts into `out[0..n)`. Takes number weights with their sum
 * precomputed, and allocates nothing for small n — the reconciliation calls it once per flow.
 * @internal
 */
export function allocateNumbers(
  total: number,
  weights: ArrayLike<number>,
  n: number,
  weightSum: number,
  out: { [i: number]: number },
): void {
  if (weightSum <= 0) {
    if (total === 0) {
      for (let i = 0; i < n; i++) out[i] = 0;
      return;
    }
    throw new AllocationError("all weights are zero");
  }
  const negative = total < 0;
  const t = negative ? -total : total;
  const wide = t * weightSum > Number.MAX_SAFE_INTEGER;
  if (wide && !(weightSum < WIDE_WEIGHT_LIMIT && Number.isSafeInteger(t))) {
    const big = allocateBig(
      total,
      Array.from({ length: n }, (_, i) => BigInt(weights[i]!)),
    );
    for (let i = 0; i < n; i++) out[i] = big[i]!;
    return;
  }
  if (n > scratchRemainders.length) scratchRemainders = new Float64Array(n * 2);
  const rem = scratchRemainders;
  let given = 0;
  for (let i = 0; i < n; i++) {
    let q: number;
    let r: number;
    if (!wide) {
      const product = t * weights[i]!; // exact: t·W ≤ 2^53
      q = Math.floor(product / weightSum);
      // The float quotient can be one off near an integer; correct it so the remainder is exact.
      r = product - q * weightSum;
    } else {
      // t·w passes 2^53: estimate q in floating point, then get r = t·w − q·W exactly from the
      // exact products (see exactRemainder); the estimate is off by a few units at most.
      q = Math.floor((t * weights[i]!) / weightSum);
      r = exactRemainder(t, weights[i]!, q, weightSum);
    }
    while (r < 0) {
      q -= 1;
      r += weightSum;
    }
    while (r >= weightSum) {
      q += 1;
      r -= weightSum;
    }
    out[i] = q;
    rem[i] = r;
    given += q;
  }
  let left = t - given;
  if (left > 0) {
    if (left <= 8 || n <= 16) {
      // k picks of the largest remainder; strict ">" makes the lowest index win a tie.
      while (left > 0) {
        let best = -1;
        let bestR = -1;
        for (let i = 0; i < n; i++) {
          if (rem[i]! > bestR) {
            bestR = rem[i]!;
            best = i;
          }
        }
        out[best] = out[best]! + 1;
        rem[best] = -1;
        left--;
      }
    } else {
      const order = Array.from({ length: n }, (_, i) => i).sort(
        (a, b) => rem[b]! - rem[a]! || a - b,
      );
      for (let k = 0; k < left; k++) {
        const i = order[k]!;
        out[i] = out[i]! + 1;
      }
    }
  }
  if (negative) for (let i = 0; i < n; i++) out[i] = out[i] === 0 ? 0 : -out[i]!;
}

function allocateBig(total: number, weights: readonly bigint[]): number[] {
  const out = new Array<number>(weights.length).fill(0);
  allocateBigInto(
    total,
    weights,
    weights.reduce((a, b) => a + b, 0n),
    weights.length,
    out,
  );
  return out;
}

/**
 * The exact kernel for totals × weights beyond 2^53: bigint weights and their sum given, so a
 * caller that splits many totals over the same weights converts them once.
 * @internal
 */
export function allocateBigInto(
  total: number,
  weights: readonly bigint[],
  sum: bigint,
  n: number,
  out: { [i: number]: number },
): void {
  if (sum === 0n) {
    if (total === 0) {
      for (let i = 0; i < n; i++) out[i] = 0;
      return;
    }
    throw new AllocationError("all weights are zero");
  }
  const negative = total < 0;
  const t = BigInt(negative ? -total : total);
  const parts = new Array<bigint>(n);
  const rems = new Array<bigint>(n);
  let given = 0n;
  for (let i = 0; i < n; i++) {
    const product = t * weights[i]!;
    parts[i] = product / sum;
    rems[i] = product % sum;
    given += parts[i]!;
  }
  let left = Number(t - given);
  if (left > 0) {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
      const ra = rems[a]!;
      const rb = rems[b]!;
      return ra > rb ? -1 : ra < rb ? 1 : a - b;
    });
    for (const i of order) {
      if (left <= 0) break;
      parts[i] = parts[i]! + 1n;
      left--;
    }
  }
  for (let i = 0; i < n; i++) {
    const p = parts[i]!;
    out[i] = negative && p !== 0n ? -Number(p) : Number(p);
  }
}
