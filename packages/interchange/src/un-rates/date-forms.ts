const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${String(year).padStart(4, "0")}-${pad(month)}-${pad(day)}`;
}

function fullYear(text: string): number {
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

/**
 * Normalises the date forms a UN operational rates file uses to YYYY-MM-DD, or null:
 * `2024-01-01`; `1-Jan-2024`, `01-JAN-24`, `1 Jan 2024`, `1 January 2024`; `01.01.2024`
 * (day first). Slashed dates (`01/02/2024`) are refused as ambiguous (day or month first?).
 * Two-digit years are 20YY.
 * @example normaliseRateDate("01-Jan-25") // → "2025-01-01"
 * @example normaliseRateDate("2025-02-30") // → null
 */
export function normaliseRateDate(text: string): string | null {
  const value = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-\s]([A-Za-z]{3,9})\.?[-\s,]+(\d{2}|\d{4})$/.exec(value);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1;
    const name = m[2]!.toLowerCase();
    const full = [
      "january",
      "february",
      "march",
      "april",
      "may",
      "june",
      "july",
      "august",
      "september",
      "october",
      "november",
      "december",
    ][month - 1];
    if (month === 0 || (name.length > 3 && name !== full && !(name === "sept" && month === 9)))
      return null;
    return iso(fullYear(m[3]!), month, Number(m[1]));
  }
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}
