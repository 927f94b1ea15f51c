import { allocateLargestRemainder } from "./allocate";
import { CrosswalkError } from "./errors";
import { addRatios, gcd, parseRational } from "./fraction";
import type { BigRatio } from "./fraction";

/** The UNSDG harmonized cost categories, in code order (the order that wins allocation ties). */
export const COMMON_CATEGORIES = [
  { code: "UNSDG-1", name: "Staff and other personnel" },
  { code: "UNSDG-2", name: "Supplies, commodities, materials" },
  { code: "UNSDG-3", name: "Equipment, vehicles, furniture incl. depreciation" },
  { code: "UNSDG-4", name: "Contractual services" },
  { code: "UNSDG-5", name: "Travel" },
  { code: "UNSDG-6", name: "Transfers and grants to counterparts" },
  { code: "UNSDG-7", name: "General operating and other direct costs" },
  { code: "UNSDG-8", name: "Indirect support costs" },
] as const;
export type CommonCategoryCode = (typeof COMMON_CATEGORIES)[number]["code"];

/** The drill-down label of an amount that has no category (never guessed). */
export const NOT_CATEGORISED = "NOT-CATEGORISED";

const COMMON_INDEX: ReadonlyMap<string, number> = new Map(
  COMMON_CATEGORIES.map((c, i) => [c.code, i + 1]),
);

/** Position of a common code: 1..8, or 0 for {@link NOT_CATEGORISED}. @internal */
export function commonCategoryIndex(code: string): number | undefined {
  return code === NOT_CATEGORISED ? 0 : COMMON_INDEX.get(code);
}

/** Code of a common-category position. @internal */
export function commonCategoryCode(index: number): string {
  return index === 0 ? NOT_CATEGORISED : COMMON_CATEGORIES[index - 1]!.code;
}

/**
 * One line of a crosswalk: the share (decimal "0.25" or fraction "1/3") of an entity category,
 * within a taxonomy, that belongs to a common category.
 */
export interface CrosswalkRow {
  taxonomy: string;
  categoryCode: string;
  commonCode: string;
  share: string;
}

/** A problem found by {@link validateCrosswalk}, pointing at the offending category. */
export interface CrosswalkIssue {
  taxonomy: string;
  categoryCode: string;
  /** In English; `problem` and its values let callers word it themselves. */
  message: string;
  problem: "unknown_common" | "listed_twice" | "share_range" | "sum";
  /** The common category at fault (unknown_common, listed_twice). */
  commonCode?: string;
  /** The share as written (share_range). */
  share?: string;
  /** The exact sum as a fraction, e.g. "9/10" (sum). */
  sum?: string;
}

/** One part of a split. */
export interface CategoryPart {
  commonCode: string;
  share: BigRatio;
  amountMinor: number;
}

interface Mapping {
  /** Common positions 1..8, ascending. */
  targets: number[];
  shares: BigRatio[];
  /** Integer weights (shares over their common denominator, reduced). */
  weights: number[];
  weightSum: number;
}

const DIRECT: ReadonlyMap<string, Mapping> = new Map(
  COMMON_CATEGORIES.map((c, i) => [
    c.code,
    { targets: [i + 1], shares: [{ numerator: 1n, denominator: 1n }], weights: [1], weightSum: 1 },
  ]),
);

function keyOf(taxonomy: string, categoryCode: string): string {
  return `${taxonomy}\u0000${categoryCode}`;
}

function group(rows: readonly CrosswalkRow[]): Map<string, CrosswalkRow[]> {
  const groups = new Map<string, CrosswalkRow[]>();
  for (const row of rows) {
    const key = keyOf(row.taxonomy, row.categoryCode);
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/**
 * Every problem of a crosswalk: unknown common codes, shares that are not in (0, 1], a common
 * category listed twice, and categories whose shares do not sum to exactly 1. Empty = valid.
 * @example validateCrosswalk([{ taxonomy: "T", categoryCode: "A", commonCode: "UNSDG-1", share: "0.5" }])
 * // → [{ taxonomy: "T", categoryCode: "A", problem: "sum", sum: "1/2", message: "shares sum to 1/2, not 1" }]
 */
export function validateCrosswalk(rows: readonly CrosswalkRow[]): CrosswalkIssue[] {
  const issues: CrosswalkIssue[] = [];
  for (const list of group(rows).values()) {
    const { taxonomy, categoryCode } = list[0]!;
    const issue = (found: Omit<CrosswalkIssue, "taxonomy" | "categoryCode">) =>
      issues.push({ taxonomy, categoryCode, ...found });
    let sum: BigRatio = { numerator: 0n, denominator: 1n };
    const seen = new Set<string>();
    let valid = true;
    for (const row of list) {
      const commonCode = row.commonCode;
      if (!COMMON_INDEX.has(commonCode)) {
        issue({
          problem: "unknown_common",
          commonCode,
          message: `unknown common category "${commonCode}"`,
        });
        valid = false;
      }
      if (seen.has(commonCode))
        issue({
          problem: "listed_twice",
          commonCode,
          message: `common category ${commonCode} listed twice`,
        });
      seen.add(commonCode);
      const share = parseRational(row.share);
      if (!share || share.numerator === 0n || share.numerator > share.denominator) {
        issue({
          problem: "share_range",
          share: row.share,
          message: `share "${row.share}" is not a number in (0, 1]`,
        });
        valid = false;
        continue;
      }
      sum = addRatios(sum, share);
    }
    if (valid && sum.numerator !== sum.denominator) {
      const total = `${sum.numerator}/${sum.denominator}`;
      issue({ problem: "sum", sum: total, message: `shares sum to ${total}, not 1` });
    }
  }
  return issues;
}

/**
 * A validated crosswalk: splits amounts in an entity's own categories over the common
 * categories by their shares, by largest remainder with ties to the lower category code
 * (BRIEF item 3). A category that is already a common code maps to itself.
 *
 * @throws CrosswalkError listing every issue of {@link validateCrosswalk}.
 * @example
 * const cw = new Crosswalk([
 *   { taxonomy: "UNDP", categoryCode: "OPS", commonCode: "UNSDG-1", share: "1/3" },
 *   { taxonomy: "UNDP", categoryCode: "OPS", commonCode: "UNSDG-2", share: "1/3" },
 *   { taxonomy: "UNDP", categoryCode: "OPS", commonCode: "UNSDG-7", share: "1/3" },
 * ]);
 * cw.split(10000, "UNDP", "OPS").map((p) => p.amountMinor); // → [3334, 3333, 3333]
 */
export class Crosswalk {
  readonly #mappings = new Map<string, Mapping>();

  constructor(rows: readonly CrosswalkRow[]) {
    const issues = validateCrosswalk(rows);
    if (issues.length > 0)
      throw new CrosswalkError(
        issues.map((i) => `${i.taxonomy}/${i.categoryCode}: ${i.message}`).join("; "),
      );
    for (const [key, list] of group(rows)) {
      const sorted = list
        .map((row) => ({
          target: COMMON_INDEX.get(row.commonCode)!,
          share: parseRational(row.share)!,
        }))
        .sort((a, b) => a.target - b.target);
      const lcm = sorted.reduce(
        (l, { share }) => (l / gcd(l, share.denominator)) * share.denominator,
        1n,
      );
      const weights = sorted.map(({ share }) =>
        Number((share.numerator * lcm) / share.denominator),
      );
      if (weights.some((w) => !Number.isSafeInteger(w)))
        throw new CrosswalkError(
          `Shares of ${list[0]!.categoryCode} have too large a common denominator`,
        );
      this.#mappings.set(key, {
        targets: sorted.map((s) => s.target),
        shares: sorted.map((s) => s.share),
        weights,
        weightSum: Number(lcm),
      });
    }
  }

  /** True if the category can be split (a mapped category or a common code). */
  has(taxonomy: string, categoryCode: string): boolean {
    return COMMON_INDEX.has(categoryCode) || this.#mappings.has(keyOf(taxonomy, categoryCode));
  }

  /** @internal The mapping used by the reconciliation's hot path, or undefined if unmapped. */
  mapping(taxonomy: string, categoryCode: string): Mapping | undefined {
    return DIRECT.get(categoryCode) ?? this.#mappings.get(keyOf(taxonomy, categoryCode));
  }

  /**
   * Splits an amount in minor units; `null` category → one "Not categorised" part.
   * @throws CrosswalkError if the category has no mapping.
   */
  split(amountMinor: number, taxonomy: string, categoryCode: string | null): CategoryPart[] {
    if (categoryCode === null)
      return [
        { commonCode: NOT_CATEGORISED, share: { numerator: 1n, denominator: 1n }, amountMinor },
      ];
    const m = this.mapping(taxonomy, categoryCode);
    if (!m) throw new CrosswalkError(`No crosswalk for category ${taxonomy}/${categoryCode}`);
    const parts = allocateLargestRemainder(amountMinor, m.weights);
    return m.targets.map((t, i) => ({
      commonCode: commonCategoryCode(t),
      share: m.shares[i]!,
      amountMinor: parts[i]!,
    }));
  }
}
