// Display and export formats. Money arrives as integer USD cents and is built from its integer
// digits, so a large amount is never rounded through a float on its way to the screen or a file.
import type { Period } from "./url-state";

/** Exact amount, e.g. 123456789 → "$1,234,567.89" in en, "1 234 567,89 $US" in fr. */
export function formatUsdCents(cents: number, locale: string): string {
  return formatMinor(cents, "USD", locale);
}

/**
 * Exact amount of any currency from its minor units (the currency's ISO 4217 exponent), e.g.
 * 500000000 GBP → "£5,000,000.00".
 */
export function formatMinor(minor: number, currency: string, locale: string): string {
  const digits =
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  const negative = minor < 0;
  const abs = BigInt(Math.abs(minor));
  const scale = 10n ** BigInt(digits);
  const parts = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).formatToParts(abs / scale);
  const text = parts
    .map((p) => (p.type === "fraction" ? (abs % scale).toString().padStart(digits, "0") : p.value))
    .join("");
  return (negative ? "-" : "") + text;
}

/** Exact decimal for files, e.g. 123456789 → "1234567.89", -5 → "-0.05". */
export function centsToDecimal(cents: number): string {
  if (!Number.isSafeInteger(cents))
    throw new RangeError(`not an integer number of cents: ${cents}`);
  const negative = cents < 0;
  const abs = BigInt(Math.abs(cents));
  return `${negative ? "-" : ""}${(abs / 100n).toString()}.${(abs % 100n).toString().padStart(2, "0")}`;
}

/** Compact axis label, e.g. 52000000000 → "$520M". Approximate by design: never used for figures. */
export function formatUsdCompact(cents: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "USD",
    notation: "compact",
    maximumFractionDigits: 1,
  }).format(cents / 100);
}

/** A ratio sent as an exact decimal string ("0.455992") as a percentage, e.g. "45.6%". */
export function formatRatio(decimal: string | null, locale: string): string | null {
  if (decimal === null) return null;
  return new Intl.NumberFormat(locale, {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(Number(decimal));
}

/** An exact decimal string ("0.625000") with the locale's decimal sign, digits kept as sent. */
export function formatDecimalString(decimal: string, locale: string): string {
  const sign =
    new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ??
    ".";
  return decimal.replace(".", sign);
}

/** A date-only ISO string, in words, read in UTC so it never shifts a day. */
export function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(`${iso.slice(0, 10)}T00:00:00Z`),
  );
}

/** A timestamp with its time zone, e.g. "28 Nov 2026, 08:07 UTC". */
export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
    timeZoneName: "short",
  }).format(new Date(iso));
}

/** "2025", "2024/25" or "1 Jan 2025 – 30 Jun 2025". */
export function periodName(p: Period, locale: string): string {
  switch (p.kind) {
    case "calendar":
      return String(p.year);
    case "peacekeeping":
      return `${p.year}/${String((p.year + 1) % 100).padStart(2, "0")}`;
    case "custom":
      return `${formatDate(p.from, locale)} – ${formatDate(p.to, locale)}`;
  }
}

/** First and last day of a period, ISO. */
export function periodBounds(p: Period): { from: string; to: string } {
  switch (p.kind) {
    case "calendar":
      return { from: `${p.year}-01-01`, to: `${p.year}-12-31` };
    case "peacekeeping":
      return { from: `${p.year}-07-01`, to: `${p.year + 1}-06-30` };
    case "custom":
      return { from: p.from, to: p.to };
  }
}
