import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COMMON_CATEGORIES, Crosswalk, NOT_CATEGORISED, validateCrosswalk } from "./crosswalk";
import { CrosswalkError } from "./errors";
import { largestRemainderRef } from "./testing/reference";

describe("Crosswalk", () => {
  it("reports every category whose shares do not sum to exactly 1", () => {
    const issues = validateCrosswalk([
      { taxonomy: "T", categoryCode: "A", commonCode: "UNSDG-1", share: "0.3333" },
      { taxonomy: "T", categoryCode: "A", commonCode: "UNSDG-2", share: "0.3333" },
      { taxonomy: "T", categoryCode: "A", commonCode: "UNSDG-3", share: "0.3333" },
      { taxonomy: "T", categoryCode: "B", commonCode: "UNSDG-9", share: "1" },
      { taxonomy: "T", categoryCode: "C", commonCode: "UNSDG-1", share: "1.5" },
      { taxonomy: "T", categoryCode: "D", commonCode: "UNSDG-1", share: "1/2" },
      { taxonomy: "T", categoryCode: "D", commonCode: "UNSDG-1", share: "1/2" },
    ]);
    expect(issues.map((i) => [i.categoryCode, i.message])).toEqual([
      ["A", "shares sum to 9999/10000, not 1"],
      ["B", 'unknown common category "UNSDG-9"'],
      ["C", 'share "1.5" is not a number in (0, 1]'],
      ["D", "common category UNSDG-1 listed twice"],
    ]);
    // What each issue is, with its values, for callers that word it in another language.
    expect(
      issues.map(({ problem, commonCode, share, sum }) => ({ problem, commonCode, share, sum })),
    ).toEqual([
      { problem: "sum", commonCode: undefined, share: undefined, sum: "9999/10000" },
      { problem: "unknown_common", commonCode: "UNSDG-9", share: undefined, sum: undefined },
      { problem: "share_range", commonCode: undefined, share: "1.5", sum: undefined },
      { problem: "listed_twice", commonCode: "UNSDG-1", share: undefined, sum: undefined },
    ]);
    expect(
      () =>
        new Crosswalk([{ taxonomy: "T", categoryCode: "A", commonCode: "UNSDG-1", share: "0.5" }]),
    ).toThrow(CrosswalkError);
  });

  it("splits with ties to the lower category code, and keeps no category as Not categorised", () => {
    const cw = new Crosswalk([
      { taxonomy: "T", categoryCode: "A", commonCode: "UNSDG-8", share: "0.5" },
      { taxonomy: "T", categoryCode: "A", commonCode: "UNSDG-3", share: "0.5" },
    ]);
    expect(cw.split(101, "T", "A").map((p) => [p.commonCode, p.amountMinor])).toEqual([
      ["UNSDG-3", 51],
      ["UNSDG-8", 50],
    ]);
    expect(cw.split(5, "T", null)).toMatchObject([{ commonCode: NOT_CATEGORISED, amountMinor: 5 }]);
    expect(cw.split(5, "other", "UNSDG-4")).toMatchObject([
      { commonCode: "UNSDG-4", amountMinor: 5 },
    ]);
    expect(() => cw.split(5, "T", "B")).toThrow(CrosswalkError);
  });

  it("splits exactly like the fraction reference and conserves the amount (property)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 8, maxLength: 8 }),
        fc.integer({ min: -(10 ** 12), max: 10 ** 12 }),
        (targets, rawWeights, amount) => {
          // Shares wᵢ/W over the chosen categories sum to exactly 1 by construction.
          const weights = targets.map((_, i) => rawWeights[i]!);
          const total = weights.reduce((a, b) => a + b, 0);
          const cw = new Crosswalk(
            targets.map((t, i) => ({
              taxonomy: "T",
              categoryCode: "X",
              commonCode: COMMON_CATEGORIES[t]!.code,
              share: `${weights[i]}/${total}`,
            })),
          );
          const parts = cw.split(amount, "T", "X");
          const order = targets
            .map((t, i) => [t, weights[i]!] as const)
            .sort((a, b) => a[0] - b[0]);
          const ref = largestRemainderRef(
            BigInt(amount),
            order.map(([, w]) => BigInt(w)),
          );
          expect(parts.map((p) => [p.commonCode, BigInt(p.amountMinor)])).toEqual(
            order.map(([t], i) => [COMMON_CATEGORIES[t]!.code, ref[i]]),
          );
          expect(parts.reduce((s, p) => s + p.amountMinor, 0)).toBe(amount);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
