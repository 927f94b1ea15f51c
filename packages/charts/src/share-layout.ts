// Pure maths of a 100% share bar (e.g. a donor's earmarking mix, an entity's share of a task):
// parts placed end to end, and their percentages in tenths that add up to exactly 100.0 by
// largest remainder (ties to the earlier part), so a legend never reads 99.9% or 100.1%.

export interface SharePart {
  key: string;
  cents: number;
}

export interface PlacedShare extends SharePart {
  x: number;
  width: number;
  /** Share in tenths of a percent (456 = 45.6%); the parts sum to 1000 when the total is > 0. */
  permille: number;
}

/** Shares in tenths of a percent by largest remainder, summing to 1000 (or all 0 for a zero total). */
export function sharePermille(parts: readonly SharePart[]): number[] {
  const total = parts.reduce((s, p) => s + BigInt(Math.max(0, p.cents)), 0n);
  if (total === 0n) return parts.map(() => 0);
  const raw = parts.map((p) => BigInt(Math.max(0, p.cents)) * 1000n);
  const floors = raw.map((r) => r / total);
  const remainders = raw.map((r, i) => ({ i, rem: r % total }));
  let left = 1000n - floors.reduce((s, f) => s + f, 0n);
  remainders.sort((a, b) => (b.rem > a.rem ? 1 : b.rem < a.rem ? -1 : a.i - b.i));
  for (const { i } of remainders) {
    if (left <= 0n) break;
    floors[i]! += 1n;
    left -= 1n;
  }
  return floors.map(Number);
}

/**
 * Parts of a whole along a bar of the given width.
 * @example shareLayout([{ key: "a", cents: 1 }, { key: "b", cents: 2 }], 300).map((p) => p.permille) // → [333, 667]
 */
export function shareLayout(parts: readonly SharePart[], width: number): PlacedShare[] {
  const total = parts.reduce((s, p) => s + Math.max(0, p.cents), 0);
  const permille = sharePermille(parts);
  let running = 0;
  return parts.map((p, i) => {
    const x = total === 0 ? 0 : (running / total) * width;
    running += Math.max(0, p.cents);
    const x1 = total === 0 ? 0 : (running / total) * width;
    return { ...p, x, width: x1 - x, permille: permille[i]! };
  });
}
