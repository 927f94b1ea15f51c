// The live check of a crosswalk category's shares while they are typed: each share read exactly
// (a decimal in the user's notation, "0,3" in French, or a fraction "1/3"), summed as an exact
// fraction (never a float), and the verdict the server's `validateCrosswalk` will give: every
// share a number in (0, 1], together exactly 1.
import { COMMON_CATEGORIES, addRatios, parseRational } from "@coherence/funding-model";
import type { BigRatio } from "@coherence/funding-model";
import { localeAmountToDecimal } from "./common";

export const COMMON_CODES: readonly string[] = COMMON_CATEGORIES.map((c) => c.code);

export interface ShareEntry {
  commonCategory: string;
  /** As typed; blank = no share of this common category. */
  text: string;
}

export type ShareCheck =
  /** No share entered yet. */
  | { state: "empty" }
  /** Some share is not a number in (0, 1]: their common categories. */
  | { state: "invalid"; invalid: string[] }
  /** Every share is valid and they sum to `sum`: saved only when `exact` (sum is 1). */
  | { state: "sum"; sum: BigRatio; exact: boolean };

/** A share as the API reads it: the locale's decimal mark made a point; fractions as typed. */
export function shareToApi(text: string, intlLocale: string): string {
  const t = text.trim();
  return t.includes("/") ? t.replace(/\s/g, "") : localeAmountToDecimal(t, intlLocale);
}

/**
 * @example checkShares([{ commonCategory: "UNSDG-1", text: "0,3" }, { commonCategory: "UNSDG-2", text: "7/10" }], "fr-FR")
 * // → { state: "sum", sum: { numerator: 1n, denominator: 1n }, exact: true }
 */
export function checkShares(entries: readonly ShareEntry[], intlLocale: string): ShareCheck {
  const filled = entries.filter((e) => e.text.trim() !== "");
  if (filled.length === 0) return { state: "empty" };
  let sum: BigRatio = { numerator: 0n, denominator: 1n };
  const invalid: string[] = [];
  for (const e of filled) {
    const share = parseRational(shareToApi(e.text, intlLocale));
    if (!share || share.numerator === 0n || share.numerator > share.denominator)
      invalid.push(e.commonCategory);
    else sum = addRatios(sum, share);
  }
  if (invalid.length > 0) return { state: "invalid", invalid };
  return { state: "sum", sum, exact: sum.numerator === sum.denominator };
}

/** The shares to send: every filled entry, in common-category order. */
export function sharesToApi(entries: readonly ShareEntry[], intlLocale: string) {
  return entries
    .filter((e) => e.text.trim() !== "")
    .map((e) => ({ commonCategory: e.commonCategory, share: shareToApi(e.text, intlLocale) }));
}

/**
 * A fraction written exactly: a decimal with the locale's mark when it has one ("0,9", "0.125"),
 * otherwise as a fraction ("19/30").
 */
export function ratioText(r: BigRatio, intlLocale: string): string {
  let d = r.denominator;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    twos++;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives++;
  }
  if (d !== 1n) return `${r.numerator}/${r.denominator}`;
  const digits = Math.max(twos, fives);
  const scaled = (r.numerator * 10n ** BigInt(digits)) / r.denominator;
  const whole = (scaled / 10n ** BigInt(digits)).toString();
  if (digits === 0) return whole;
  const mark =
    new Intl.NumberFormat(intlLocale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ??
    ".";
  return `${whole}${mark}${(scaled % 10n ** BigInt(digits)).toString().padStart(digits, "0")}`;
}

/** Stored shares as editable entries, one per common category (blank where none). */
export function entriesOf(
  shares: readonly { commonCategory: string; share: string }[],
  intlLocale: string,
): ShareEntry[] {
  return COMMON_CODES.map((code) => {
    const stored = shares.find((s) => s.commonCategory === code)?.share ?? "";
    const exact = parseRational(stored);
    return {
      commonCategory: code,
      text: exact && !stored.includes("/") ? ratioText(exact, intlLocale) : stored,
    };
  });
}
