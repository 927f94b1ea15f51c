import { allocateNumbers } from "./allocate";
import { toDayRange } from "./dates";
import type { IsoDate } from "./dates";
import { MoneyOverflowError } from "./errors";
import { OUTSIDE, compileScheme, periodByIndex } from "./periods";
import type { CompiledScheme, Period, PeriodScheme } from "./periods";

/** One part of a spread amount. `period` is null for days outside every custom period. */
export interface SpreadPart {
  period: Period | null;
  overlapDays: number;
  amountMinor: number;
}

/**
 * Scratch buffers for {@link spreadInto}; one per reconciliation so the hot path allocates nothing.
 * @internal
 */
export class SpreadBuffer {
  indexes = new Int32Array(16);
  days = new Float64Array(16);
  parts = new Float64Array(16);

  grow(): void {
    const size = this.indexes.length * 2;
    const indexes = new Int32Array(size);
    indexes.set(this.indexes);
    const days = new Float64Array(size);
    days.set(this.days);
    this.indexes = indexes;
    this.days = days;
    this.parts = new Float64Array(size);
  }
}

/**
 * Spreads `total` over the segments overlapping [startDay, endDay] into `buffer`; returns the
 * segment count. Adjacent OUTSIDE gaps stay separate segments (they are in time order, which is
 * what the "earlier period wins a tie" rule needs).
 * @internal
 */
export function spreadInto(
  total: number,
  startDay: number,
  endDay: number,
  scheme: CompiledScheme,
  buffer: SpreadBuffer,
): number {
  let index = scheme.indexOfDay(startDay);
  let day = startDay;
  let n = 0;
  for (;;) {
    const segment = scheme.nextSegment(index, day);
    const last = segment.end >= endDay;
    const to = last ? endDay : segment.end;
    if (n === buffer.indexes.length) buffer.grow();
    buffer.indexes[n] = segment.index;
    buffer.days[n] = to - day + 1;
    n++;
    if (last) break;
    day = to + 1;
    index = scheme.indexOfDay(day);
  }
  if (n === 1) buffer.parts[0] = total;
  else allocateNumbers(total, buffer.days, n, endDay - startDay + 1, buffer.parts);
  return n;
}

/**
 * Spreads an amount used over [from, to] (both included) across the consecutive periods of a
 * scheme that overlap it, weighted by days of overlap, by largest remainder with ties to the
 * earlier period (BRIEF item 2). The parts always sum exactly to the amount.
 *
 * @throws InvalidDateError if `to` precedes `from`; MoneyOverflowError for a non-safe amount.
 * @example
 * spreadOverPeriods(100000000, "2023-01-01", "2023-12-31", { kind: "peacekeeping" })
 * // → [{ period: { label: "2022/23", … }, overlapDays: 181, amountMinor: 49589041 },
 * //    { period: { label: "2023/24", … }, overlapDays: 184, amountMinor: 50410959 }]
 */
export function spreadOverPeriods(
  amountMinor: number,
  from: IsoDate,
  to: IsoDate,
  scheme: PeriodScheme | CompiledScheme,
): SpreadPart[] {
  if (!Number.isSafeInteger(amountMinor)) throw new MoneyOverflowError("spread");
  const compiled = "key" in scheme ? scheme : compileScheme(scheme);
  const [start, end] = toDayRange(from, to);
  const buffer = new SpreadBuffer();
  const n = spreadInto(amountMinor, start, end, compiled, buffer);
  const out: SpreadPart[] = [];
  for (let i = 0; i < n; i++) {
    const index = buffer.indexes[i]!;
    out.push({
      period: index === OUTSIDE ? null : periodByIndex(compiled, index),
      overlapDays: buffer.days[i]!,
      amountMinor: buffer.parts[i]!,
    });
  }
  return out;
}
