import { describe, expect, it } from "vitest";
import { validateCrosswalk } from "@coherence/funding-model";
import { checkShares, entriesOf, ratioText, sharesToApi } from "./crosswalk-sum";
import type { ShareEntry } from "./crosswalk-sum";

const entries = (...texts: string[]): ShareEntry[] =>
  texts.map((text, i) => ({ commonCategory: `UNSDG-${i + 1}`, text }));

describe("live crosswalk share sum", () => {
  it("refuses 0.9 and accepts exactly 1, in either notation", () => {
    expect(checkShares(entries("0.3", "0.4", "0.2"), "en-US")).toEqual({
      state: "sum",
      sum: { numerator: 9n, denominator: 10n },
      exact: false,
    });
    expect(checkShares(entries("0,3", "0,4", "0,3"), "fr-FR")).toMatchObject({ exact: true });
    expect(checkShares(entries("0.3", "0.4", "0.3"), "fr-FR")).toMatchObject({ exact: true });
  });

  it("adds exactly where floats would not: 0.7 + 0.2 + 0.1 is 1, thirds as fractions are 1", () => {
    expect(0.7 + 0.2 + 0.1).not.toBe(1); // why the sum is a fraction
    expect(checkShares(entries("0.7", "0.2", "0.1"), "en-US")).toMatchObject({ exact: true });
    expect(checkShares(entries("1/3", "1/3", "1/3"), "en-US")).toMatchObject({ exact: true });
    expect(checkShares(entries("0.333", "0.333", "0.334"), "en-US")).toMatchObject({ exact: true });
    expect(checkShares(entries("0.3333", "0.3333", "0.3333"), "en-US")).toMatchObject({
      exact: false,
      sum: { numerator: 9999n, denominator: 10000n },
    });
  });

  it("names the shares that are not a number in (0, 1], and ignores blank ones", () => {
    expect(checkShares(entries("", "", ""), "en-US")).toEqual({ state: "empty" });
    expect(checkShares(entries("0", "1"), "en-US")).toEqual({
      state: "invalid",
      invalid: ["UNSDG-1"],
    });
    expect(checkShares(entries("1.5", "abc", "", "-0.5"), "en-US")).toEqual({
      state: "invalid",
      invalid: ["UNSDG-1", "UNSDG-2", "UNSDG-4"],
    });
    expect(checkShares(entries("", "1"), "en-US")).toMatchObject({ exact: true });
  });

  it("gives the verdict the server's validateCrosswalk gives", () => {
    const cases: [string[], string][] = [
      [["0.3", "0.4", "0.3"], "en-US"],
      [["0.3", "0.4", "0.2"], "en-US"],
      [["0,5", "1/2"], "fr-FR"],
      [["1/3", "1/3", "1/3"], "en-US"],
      [["0.3333", "0.3333", "0.3334"], "en-US"],
      [["0.25", "0.25", "0.25", "0.25", "0.0"], "en-US"],
      [["2/3", "0.5"], "en-US"],
      [["1", "", "", "", "", "", "", "1/1000000"], "en-US"],
      [["x"], "en-US"],
    ];
    for (const [texts, locale] of cases) {
      const list = entries(...texts);
      const check = checkShares(list, locale);
      const server = validateCrosswalk(
        sharesToApi(list, locale).map((s) => ({
          taxonomy: "T",
          categoryCode: "C",
          commonCode: s.commonCategory,
          share: s.share,
        })),
      );
      expect(check.state === "sum" && check.exact, texts.join(" ")).toBe(server.length === 0);
    }
  });

  it("writes sums exactly: terminating decimals with the locale's mark, others as fractions", () => {
    expect(ratioText({ numerator: 9n, denominator: 10n }, "en-US")).toBe("0.9");
    expect(ratioText({ numerator: 9n, denominator: 10n }, "fr-FR")).toBe("0,9");
    expect(ratioText({ numerator: 1n, denominator: 1n }, "fr-FR")).toBe("1");
    expect(ratioText({ numerator: 9n, denominator: 8n }, "en-US")).toBe("1.125");
    expect(ratioText({ numerator: 19n, denominator: 30n }, "en-US")).toBe("19/30");
  });

  it("opens stored shares in the user's notation, one entry per common category", () => {
    const opened = entriesOf(
      [
        { commonCategory: "UNSDG-3", share: "0.30" },
        { commonCategory: "UNSDG-7", share: "1/3" },
      ],
      "fr-FR",
    );
    expect(opened).toHaveLength(8);
    expect(opened[2]).toEqual({ commonCategory: "UNSDG-3", text: "0,3" });
    expect(opened[6]).toEqual({ commonCategory: "UNSDG-7", text: "1/3" });
    expect(opened[0]!.text).toBe("");
  });
});
