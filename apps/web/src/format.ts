// Money display from integer cents. Exact figures are built from the integer digits so a
// large amount is never rounded through a float on its way to the screen.

/** Exact amount, e.g. 123456789 → "US$1,234,567.89" in en, "1 234 567,89 $US" in fr. */
export function formatUsdCents(cents: number, locale: string): string {
  const negative = cents < 0;
  const abs = BigInt(Math.abs(cents));
  const whole = abs / 100n;
  const fraction = abs % 100n;
  const parts = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).formatToParts(whole);
  const text = parts
    .map((p) => (p.type === "fraction" ? fraction.toString().padStart(2, "0") : p.value))
    .join("");
  return (negative ? "-" : "") + text;
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
