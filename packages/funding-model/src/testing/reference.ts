// Reference implementations in exact fractions, written independently of the production code
// (no shared helpers), for the property-based tests to compare against.

export interface Q {
  n: bigint;
  d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}

export function q(n: bigint, d = 1n): Q {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}

export function floorQ(x: Q): bigint {
  const t = x.n / x.d;
  return x.n < 0n && t * x.d !== x.n ? t - 1n : t;
}

export function cmpQ(a: Q, b: Q): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** Round half to even: compare the fractional part with 1/2. */
export function roundHalfEvenQ(x: Q): bigint {
  const f = floorQ(x);
  const frac = q(x.n - f * x.d, x.d);
  const c = cmpQ(frac, q(1n, 2n));
  if (c > 0) return f + 1n;
  if (c < 0) return f;
  return f % 2n === 0n ? f : f + 1n;
}

/** Largest remainder for total ≥ 0, exact shares, ties to the lower index. */
export function largestRemainderRef(total: bigint, weights: bigint[]): bigint[] {
  if (total < 0n) return largestRemainderRef(-total, weights).map((p) => -p);
  const sum = weights.reduce((a, b) => a + b, 0n);
  const shares = weights.map((w) => q(total * w, sum));
  const floors = shares.map(floorQ);
  const rems = shares.map((s, i) => q(s.n - floors[i]! * s.d, s.d));
  let left = total - floors.reduce((a, b) => a + b, 0n);
  const order = rems.map((_, i) => i).sort((a, b) => -cmpQ(rems[a]!, rems[b]!) || a - b);
  const out = [...floors];
  for (const i of order) {
    if (left === 0n) break;
    out[i] = out[i]! + 1n;
    left--;
  }
  return out;
}

/** Day number by counting with the platform's UTC calendar (independent of dates.ts). */
export function dayRef(iso: string): number {
  return Math.round(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000);
}

export function isoRef(day: number): string {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}

/** Peacekeeping/fiscal year (start month m) containing a day, by the calendar. */
export function fiscalYearRef(day: number, startMonth: number): number {
  const d = new Date(day * 86400000);
  return d.getUTCMonth() + 1 >= startMonth ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
}

/** Spread by walking every single day: overlap days per fiscal year, then largest remainder. */
export function spreadRef(total: bigint, from: string, to: string, startMonth: number) {
  const counts = new Map<number, number>();
  for (let day = dayRef(from); day <= dayRef(to); day++) {
    const y = fiscalYearRef(day, startMonth);
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  const years = [...counts.keys()].sort((a, b) => a - b);
  const parts = largestRemainderRef(
    total,
    years.map((y) => BigInt(counts.get(y)!)),
  );
  return years.map((y, i) => ({ year: y, days: counts.get(y)!, amount: parts[i]! }));
}

/** amountMinor / 10^exponent / (rate) in cents, half to even. */
export function convertRef(amountMinor: bigint, exponent: number, rate: string): bigint {
  const [w, f = ""] = rate.split(".");
  const rateQ = q(BigInt(w! + f), 10n ** BigInt(f.length));
  return roundHalfEvenQ(q(amountMinor * 100n * rateQ.d, 10n ** BigInt(exponent) * rateQ.n));
}
