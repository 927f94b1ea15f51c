import { InvalidDateError } from "./errors";

/**
 * A civil date as an ISO `YYYY-MM-DD` string. Dates carry no time or time zone: the BRIEF's
 * periods and rates are whole days, so all date maths is integer day arithmetic on
 * {@link toDayNumber} (days since 1970-01-01, proleptic Gregorian). No date library is needed.
 */
export type IsoDate = string;

const ZERO = 48;

function digit(s: string, i: number): number {
  const d = s.charCodeAt(i) - ZERO;
  return d >= 0 && d <= 9 ? d : -1;
}

/** True for Gregorian leap years. @example isLeapYear(2024) // → true */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1–12) of a year. @example daysInMonth(2024, 2) // → 29 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Day number of a civil date (Howard Hinnant's days_from_civil): 1970-01-01 → 0.
 * @example dayNumberOf(2023, 7, 1) // → 19539
 */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Parses and validates an ISO date and returns its day number.
 * @throws InvalidDateError on anything but a real `YYYY-MM-DD` date (e.g. 2023-02-29).
 * @example toDayNumber("2024-02-29") - toDayNumber("2024-02-28") // → 1
 */
export function toDayNumber(date: IsoDate): number {
  // Hand-rolled parse: this runs a few million times in a reconciliation of 1M flows.
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45)
    throw new InvalidDateError(date);
  const y0 = digit(date, 0);
  const y1 = digit(date, 1);
  const y2 = digit(date, 2);
  const y3 = digit(date, 3);
  const m0 = digit(date, 5);
  const m1 = digit(date, 6);
  const d0 = digit(date, 8);
  const d1 = digit(date, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) throw new InvalidDateError(date);
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    throw new InvalidDateError(date);
  return dayNumberOf(year, month, day);
}

/** Year, month and day of a day number (Hinnant's civil_from_days). */
export function civilOf(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO date of a day number. @example fromDayNumber(0) // → "1970-01-01" */
export function fromDayNumber(dayNumber: number): IsoDate {
  const { year, month, day } = civilOf(dayNumber);
  if (year < 0 || year > 9999) throw new InvalidDateError(String(dayNumber), "year out of range");
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The date `days` days after (or before, if negative) `date`. @example addDays("2024-02-28", 2) // → "2024-03-01" */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** `to − from` in days. @example daysBetween("2023-01-01", "2024-01-01") // → 365 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Validates an inclusive range and returns its day numbers. @throws InvalidDateError if `to < from`. */
export function toDayRange(from: IsoDate, to: IsoDate): [number, number] {
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  if (end < start) throw new InvalidDateError(`${from}..${to}`, "range ends before it starts");
  return [start, end];
}
