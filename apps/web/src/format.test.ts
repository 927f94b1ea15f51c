import { describe, expect, it } from "vitest";
import {
  centsToDecimal,
  formatMinor,
  formatDate,
  formatDateTime,
  formatDecimalString,
  formatRatio,
  formatUsdCents,
  periodBounds,
  periodName,
} from "./format";

describe("formatUsdCents", () => {
  it("formats exactly, beyond float precision", () => {
    expect(formatUsdCents(123456789, "en-US")).toBe("$1,234,567.89");
    expect(formatUsdCents(900719925474099, "en-US")).toBe("$9,007,199,254,740.99");
    expect(formatUsdCents(5, "en-US")).toBe("$0.05");
    expect(formatUsdCents(-150, "en-US")).toBe("-$1.50");
  });

  it("follows the French conventions", () => {
    expect(formatUsdCents(123456789, "fr-FR").replace(/\s/g, " ")).toBe("1 234 567,89 $US");
  });
});

describe("centsToDecimal", () => {
  it("writes exact decimals for files", () => {
    expect(centsToDecimal(123456789)).toBe("1234567.89");
    expect(centsToDecimal(5)).toBe("0.05");
    expect(centsToDecimal(-5)).toBe("-0.05");
    expect(centsToDecimal(0)).toBe("0.00");
    expect(centsToDecimal(900719925474099)).toBe("9007199254740.99");
  });
  it("refuses a non-integer", () => {
    expect(() => centsToDecimal(1.5)).toThrow(RangeError);
  });
});

describe("ratios, dates and periods", () => {
  it("formats a decimal ratio as a percentage in each language", () => {
    expect(formatRatio("0.455992", "en-US")).toBe("45.6%");
    expect(formatRatio("0.455992", "fr-FR")?.replace(/\s/g, " ")).toBe("45,6 %");
    expect(formatRatio(null, "en-US")).toBeNull();
  });
  it("never shifts a date-only value by a time zone", () => {
    expect(formatDate("2025-07-01", "en-US")).toBe("Jul 1, 2025");
    expect(formatDate("2025-07-01", "fr-FR")).toBe("1 juil. 2025");
  });
  it("names and bounds the three kinds of period", () => {
    expect(periodName({ kind: "peacekeeping", year: 2024 }, "en-US")).toBe("2024/25");
    expect(periodName({ kind: "peacekeeping", year: 2099 }, "en-US")).toBe("2099/00");
    expect(periodBounds({ kind: "peacekeeping", year: 2024 })).toEqual({
      from: "2024-07-01",
      to: "2025-06-30",
    });
    expect(periodBounds({ kind: "calendar", year: 2025 })).toEqual({
      from: "2025-01-01",
      to: "2025-12-31",
    });
  });
});

describe("formatMinor", () => {
  it("uses each currency's own exponent", () => {
    expect(formatMinor(500000000, "GBP", "en-US")).toBe("£5,000,000.00");
    expect(formatMinor(1234, "JPY", "en-US")).toBe("¥1,234");
    expect(formatMinor(1234, "KWD", "en-US").replace(/\s/g, " ")).toBe("KWD 1.234");
  });
});

describe("formatDateTime", () => {
  it("shows the time zone, in each language", () => {
    expect(formatDateTime("2026-11-28T08:07:15.280Z", "en-US")).toBe("Nov 28, 2026, 08:07 AM UTC");
    expect(formatDateTime("2026-11-28T08:07:15.280Z", "fr-FR")).toBe("28 nov. 2026, 08:07 UTC");
  });
});

describe("formatDecimalString", () => {
  it("writes an exact decimal with the locale's decimal sign, every digit kept", () => {
    expect(formatDecimalString("0.625000", "en-US")).toBe("0.625000");
    expect(formatDecimalString("0.625000", "fr-FR")).toBe("0,625000");
  });
});
