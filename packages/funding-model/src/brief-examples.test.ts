// The BRIEF's worked examples ("Worked examples that every implementation must reproduce").
import { describe, expect, it } from "vitest";
import { Crosswalk } from "./crosswalk";
import { formatAmount, parseAmount } from "./money";
import { RateTable } from "./rates";
import { spreadOverPeriods } from "./spread";

const rates = new RateTable([
  { currency: "GBP", effectiveFrom: "2020-01-01", unitsPerUsd: "0.775" },
  { currency: "SAR", effectiveFrom: "2020-01-01", unitsPerUsd: "3.75" },
]);

describe("BRIEF worked examples", () => {
  it("5,000,000.00 GBP at 0.775 units per USD = 6,451,612.90 USD", () => {
    const usd = rates.convert(parseAmount("5000000.00", "GBP"), "GBP", "2020-06-30");
    expect(formatAmount(usd.amountUsdCents, "USD", { grouping: true })).toBe("6,451,612.90");
    expect(usd.rate?.unitsPerUsd).toBe("0.775");
  });

  it("325,328.00 SAR at 3.75 = 86,754.13 USD", () => {
    const usd = rates.convert(parseAmount("325328.00", "SAR"), "SAR", "2020-06-30");
    expect(formatAmount(usd.amountUsdCents, "USD", { grouping: true })).toBe("86,754.13");
  });

  it("1,000,000.00 USD over 2023 in peacekeeping years: 2022/23 181 days 495,890.41; 2023/24 184 days 504,109.59", () => {
    const parts = spreadOverPeriods(parseAmount("1000000.00", "USD"), "2023-01-01", "2023-12-31", {
      kind: "peacekeeping",
    });
    expect(
      parts.map((p) => [
        p.period?.label,
        p.overlapDays,
        formatAmount(p.amountMinor, "USD", { grouping: true }),
      ]),
    ).toEqual([
      ["2022/23", 181, "495,890.41"],
      ["2023/24", 184, "504,109.59"],
    ]);
  });

  it("100.00 USD mapped one third each to UNSDG-1, -2, -7: 33.34, 33.33, 33.33", () => {
    const crosswalk = new Crosswalk(
      ["UNSDG-7", "UNSDG-1", "UNSDG-2"].map((commonCode) => ({
        taxonomy: "T",
        categoryCode: "OPS",
        commonCode,
        share: "1/3",
      })),
    );
    expect(
      crosswalk
        .split(parseAmount("100.00", "USD"), "T", "OPS")
        .map((p) => [p.commonCode, formatAmount(p.amountMinor, "USD")]),
    ).toEqual([
      ["UNSDG-1", "33.34"],
      ["UNSDG-2", "33.33"],
      ["UNSDG-7", "33.33"],
    ]);
  });
});
