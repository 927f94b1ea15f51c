import { dayNumberOf, fromDayNumber, toDayNumber, toDayRange } from "./dates";
import type { IsoDate } from "./dates";
import { InvalidPeriodError } from "./errors";

/** One named period of custom length. Both ends are included. */
export interface CustomPeriod {
  label: string;
  from: IsoDate;
  to: IsoDate;
}

/**
 * How time is cut into reporting periods (BRIEF item 2). Years are named by the year in which
 * they start: calendar "2023" = 2023-01-01..2023-12-31; peacekeeping "2023/24" =
 * 2023-07-01..2024-06-30; a fiscal year with any start month (an entity's or a donor's, e.g.
 * October) likewise "2023/24" = 2023-10-01..2024-09-30. Custom periods are any ascending,
 * non-overlapping ranges; days between or around them are "outside" (not reported, but kept so
 * that every amount still sums back to its source).
 */
export type PeriodScheme =
  | { kind: "calendar" }
  | { kind: "peacekeeping" }
  | { kind: "fiscal"; startMonth: number }
  | { kind: "custom"; periods: readonly CustomPeriod[] };

/** A concrete period of a scheme. `index` is the start year for yearly schemes, the position for custom ones. */
export interface Period {
  label: string;
  from: IsoDate;
  to: IsoDate;
  index: number;
}

/** Index used for days that fall outside every custom period. */
export const OUTSIDE = -1;

/**
 * A scheme prepared for fast look-ups. Obtain with {@link compileScheme}.
 * @internal The shape may change; use the functions of this module.
 */
export interface CompiledScheme {
  readonly scheme: PeriodScheme;
  /** Canonical identity: two schemes with the same key cut time identically. */
  readonly key: string;
  /** Index of the period containing `day` (or OUTSIDE). */
  indexOfDay(day: number): number;
  /** First and last day number of the period with this index. */
  startDay(index: number): number;
  endDay(index: number): number;
  label(index: number): string;
  /** Indexes of consecutive segments (periods, and OUTSIDE gaps) from `day`, in time order. */
  nextSegment(index: number, day: number): { index: number; end: number };
}

function yearlyScheme(scheme: PeriodScheme, startMonth: number): CompiledScheme {
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12)
    throw new InvalidPeriodError(`Fiscal year start month must be 1–12, got ${startMonth}`);
  const start = (year: number) => dayNumberOf(year, startMonth, 1);
  return {
    scheme,
    key: `year:${startMonth}`,
    indexOfDay(day) {
      // Estimate from the mean Gregorian year, then correct by at most one either way.
      let y = Math.floor((day - start(1970)) / 365.2425) + 1970;
      while (start(y) > day) y--;
      while (start(y + 1) <= day) y++;
      return y;
    },
    startDay: start,
    endDay: (year) => start(year + 1) - 1,
    label: (year) =>
      startMonth === 1 ? String(year) : `${year}/${String((year + 1) % 100).padStart(2, "0")}`,
    nextSegment: (year) => ({ index: year, end: start(year + 1) - 1 }),
  };
}

function customScheme(scheme: PeriodScheme & { kind: "custom" }): CompiledScheme {
  const ranges = scheme.periods.map((p) => toDayRange(p.from, p.to));
  if (ranges.length === 0)
    throw new InvalidPeriodError("A custom scheme needs at least one period");
  for (let i = 1; i < ranges.length; i++)
    if (ranges[i]![0] <= ranges[i - 1]![1])
      throw new InvalidPeriodError(
        `Custom periods must ascend without overlap: "${scheme.periods[i]!.label}" starts before "${scheme.periods[i - 1]!.label}" ends`,
      );
  const labels = new Set(scheme.periods.map((p) => p.label));
  if (labels.size !== ranges.length)
    throw new InvalidPeriodError("Custom period labels must be unique");
  const indexOfDay = (day: number) => {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [from, to] = ranges[mid]!;
      if (day < from) hi = mid - 1;
      else if (day > to) lo = mid + 1;
      else return mid;
    }
    return OUTSIDE;
  };
  return {
    scheme,
    key: `custom:${JSON.stringify(scheme.periods.map((p) => [p.label, p.from, p.to]))}`,
    indexOfDay,
    startDay: (i) => ranges[i]![0],
    endDay: (i) => ranges[i]![1],
    label: (i) => (i === OUTSIDE ? "outside" : scheme.periods[i]!.label),
    nextSegment(index, day) {
      if (index !== OUTSIDE) return { index, end: ranges[index]![1] };
      // A gap runs until the next period starts (or forever after the last one).
      const next = ranges.find(([from]) => from > day);
      return { index: OUTSIDE, end: next ? next[0] - 1 : Number.MAX_SAFE_INTEGER };
    },
  };
}

/**
 * Prepares a scheme for look-ups (validates it once).
 * @throws InvalidPeriodError
 * @example compileScheme({ kind: "peacekeeping" }).label(2023) // → "2023/24"
 */
export function compileScheme(scheme: PeriodScheme): CompiledScheme {
  switch (scheme.kind) {
    case "calendar":
      return yearlyScheme(scheme, 1);
    case "peacekeeping":
      return yearlyScheme(scheme, 7);
    case "fiscal":
      return yearlyScheme(scheme, scheme.startMonth);
    case "custom":
      return customScheme(scheme);
  }
}

function periodOf(compiled: CompiledScheme, index: number): Period {
  return {
    label: compiled.label(index),
    from: fromDayNumber(compiled.startDay(index)),
    to: fromDayNumber(compiled.endDay(index)),
    index,
  };
}

/**
 * The period of a scheme that contains a date, or `null` if it is outside every custom period.
 * @example periodContaining({ kind: "peacekeeping" }, "2024-03-01") // → { label: "2023/24", from: "2023-07-01", to: "2024-06-30", index: 2023 }
 * @example periodContaining({ kind: "fiscal", startMonth: 10 }, "2023-10-01")?.label // → "2023/24"
 */
export function periodContaining(
  scheme: PeriodScheme | CompiledScheme,
  date: IsoDate,
): Period | null {
  const compiled = "key" in scheme ? scheme : compileScheme(scheme);
  const index = compiled.indexOfDay(toDayNumber(date));
  return index === OUTSIDE ? null : periodOf(compiled, index);
}

/**
 * The period with a given index (start year for yearly schemes, position for custom ones).
 * @example periodByIndex({ kind: "calendar" }, 2024) // → { label: "2024", from: "2024-01-01", to: "2024-12-31", index: 2024 }
 */
export function periodByIndex(scheme: PeriodScheme | CompiledScheme, index: number): Period {
  const compiled = "key" in scheme ? scheme : compileScheme(scheme);
  if (compiled.scheme.kind === "custom" && (index < 0 || index >= compiled.scheme.periods.length))
    throw new InvalidPeriodError(`No custom period with index ${index}`);
  return periodOf(compiled, index);
}

/**
 * Every period of the scheme that overlaps [from, to], in order — the columns of a report window.
 * @example periodsOverlapping({ kind: "peacekeeping" }, "2023-01-01", "2023-12-31").map((p) => p.label) // → ["2022/23", "2023/24"]
 */
export function periodsOverlapping(
  scheme: PeriodScheme | CompiledScheme,
  from: IsoDate,
  to: IsoDate,
): Period[] {
  const compiled = "key" in scheme ? scheme : compileScheme(scheme);
  const [start, end] = toDayRange(from, to);
  const out: Period[] = [];
  let day = start;
  let index = compiled.indexOfDay(day);
  for (;;) {
    const segment = compiled.nextSegment(index, day);
    if (segment.index !== OUTSIDE) out.push(periodOf(compiled, segment.index));
    if (segment.end >= end) return out;
    day = segment.end + 1;
    index = compiled.indexOfDay(day);
  }
}

/**
 * An entity's or donor's fiscal year containing a date (start month 1 = calendar year).
 * @example fiscalYearOf("2024-09-30", 10).label // → "2023/24"
 */
export function fiscalYearOf(date: IsoDate, startMonth: number): Period {
  return periodContaining({ kind: "fiscal", startMonth }, date)!;
}
