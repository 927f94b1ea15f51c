import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidAmountError, MoneyOverflowError, UnknownCurrencyError } from "./errors";
import {
  addMinor,
  formatAmount,
  multiplyMinor,
  parseAmount,
  subtractMinor,
  sumMinor,
  sumMinorBig,
} from "./money";
import { currencyExponent } from "./currency";

describe("parseAmount / formatAmount", () => {
  it("uses each currency's ISO 4217 exponent", () => {
    expect(currencyExponent("USD")).toBe(2);
    expect(currencyExponent("JPY")).toBe(0);
    expect(currencyExponent("KWD")).toBe(3);
    expect(parseAmount("1500", "JPY")).toBe(1500);
    expect(parseAmount("1.5", "KWD")).toBe(1500);
    expect(parseAmount("0.001", "KWD")).toBe(1);
    expect(formatAmount(1, "KWD")).toBe("0.001");
    expect(formatAmount(1500, "JPY")).toBe("1500");
    expect(formatAmount(123456789, "JPY", { grouping: true })).toBe("123,456,789");
    expect(formatAmount(-5, "USD")).toBe("-0.05");
  });

  it("rejects more decimals than the currency allows, even trailing zeros", () => {
    expect(() => parseAmount("1.234", "USD")).toThrow(InvalidAmountError);
    expect(() => parseAmount("1.230", "USD")).toThrow(InvalidAmountError);
    expect(() => parseAmount("1.5", "JPY")).toThrow(InvalidAmountError);
    expect(() => parseAmount("0.0001", "KWD")).toThrow(InvalidAmountError);
  });

  it("rejects malformed input and unknown currencies", () => {
    for (const bad of ["", "1,000.00", "1e3", " 1", "+1", "1.", ".5", "--1", "abc"])
      expect(() => parseAmount(bad, "USD")).toThrow(InvalidAmountError);
    expect(() => parseAmount("1", "XYZ")).toThrow(UnknownCurrencyError);
    expect(() => parseAmount("1", "usd")).toThrow(UnknownCurrencyError);
    expect(() => parseAmount("90071992547409.92", "USD")).toThrow(InvalidAmountError);
  });

  it("handles negative values (reversals)", () => {
    expect(parseAmount("-12.34", "USD")).toBe(-1234);
    expect(parseAmount("-0", "USD")).toBe(0);
    expect(addMinor(parseAmount("10.00", "USD"), parseAmount("-12.34", "USD"))).toBe(-234);
    expect(subtractMinor(-5, 10)).toBe(-15);
    expect(multiplyMinor(-250, 3)).toBe(-750);
  });

  it("checks overflow instead of losing cents", () => {
    expect(addMinor(Number.MAX_SAFE_INTEGER - 1, 1)).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => addMinor(Number.MAX_SAFE_INTEGER, 1)).toThrow(MoneyOverflowError);
    expect(() => subtractMinor(-Number.MAX_SAFE_INTEGER, 1)).toThrow(MoneyOverflowError);
    expect(() => multiplyMinor(2 ** 30, 2 ** 30)).toThrow(MoneyOverflowError);
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1])).toThrow(MoneyOverflowError);
    expect(sumMinorBig([Number.MAX_SAFE_INTEGER, 1])).toBe(2n ** 53n);
    expect(() => addMinor(0.5, 1)).toThrow(MoneyOverflowError);
  });

  it("round-trips every amount and currency exponent (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.constantFrom("USD", "JPY", "KWD", "CLF", "EUR"),
        (minor, currency) => {
          const text = formatAmount(minor, currency);
          expect(parseAmount(text, currency)).toBe(Number(minor));
          // The decimal string is exactly minor / 10^exponent.
          const e = currencyExponent(currency);
          const digits = text.replace("-", "").replace(".", "");
          expect(BigInt(digits) * (minor < 0n ? -1n : 1n)).toBe(minor);
          expect(text.includes(".") ? text.split(".")[1]!.length : 0).toBe(e);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("checked addition agrees with exact bigint addition (property)", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.maxSafeInteger(), (a, b) => {
        const exact = BigInt(a) + BigInt(b);
        const fits =
          exact <= BigInt(Number.MAX_SAFE_INTEGER) && exact >= -BigInt(Number.MAX_SAFE_INTEGER);
        if (fits) expect(BigInt(addMinor(a, b))).toBe(exact);
        else expect(() => addMinor(a, b)).toThrow(MoneyOverflowError);
      }),
      { numRuns: 3000 },
    );
  });
});
