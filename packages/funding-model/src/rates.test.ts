import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidRateError, MissingRateError, UnknownCurrencyError } from "./errors";
import { RateTable } from "./rates";
import { convertRef } from "./testing/reference";

const table = new RateTable([
  { currency: "EUR", effectiveFrom: "2024-01-01", unitsPerUsd: "0.925" },
  { currency: "EUR", effectiveFrom: "2024-02-01", unitsPerUsd: "0.905" },
  { currency: "JPY", effectiveFrom: "2024-01-01", unitsPerUsd: "147.5" },
  { currency: "KWD", effectiveFrom: "2024-01-01", unitsPerUsd: "0.307" },
]);

describe("RateTable", () => {
  it("uses the latest rate whose effective date is on or before the date", () => {
    expect(table.rateInForce("EUR", "2024-01-31").unitsPerUsd).toBe("0.925");
    expect(table.rateInForce("EUR", "2024-02-01").unitsPerUsd).toBe("0.905");
    expect(table.rateInForce("EUR", "2030-01-01").unitsPerUsd).toBe("0.905");
  });

  it("converts exponent-0 and exponent-3 currencies to the cent, half to even", () => {
    // 10,000 JPY / 147.5 = 67.796… USD
    expect(table.convert(10000, "JPY", "2024-03-01").amountUsdCents).toBe(6780);
    // 1.000 KWD / 0.307 = 3.2573… USD
    expect(table.convert(1000, "KWD", "2024-03-01").amountUsdCents).toBe(326);
    expect(table.convert(12345, "USD", "1900-01-01")).toEqual({
      amountUsdCents: 12345,
      method: "usd",
      rate: null,
    });
  });

  it("names the currency and date of a missing rate; an unknown code is an input error", () => {
    expect(() => table.convert(100, "EUR", "2023-12-31")).toThrow(
      new MissingRateError("EUR", "2023-12-31"),
    );
    expect(() => table.convert(100, "EUR", "2023-12-31")).toThrow(/EUR.*2023-12-31/);
    expect(() => table.convert(100, "GBP", "2024-05-01")).toThrow(MissingRateError);
    expect(() => table.convert(100, "ABC", "2024-05-01")).toThrow(UnknownCurrencyError);
  });

  it("rejects unusable or conflicting rates", () => {
    expect(
      () => new RateTable([{ currency: "EUR", effectiveFrom: "2024-01-01", unitsPerUsd: "0" }]),
    ).toThrow(InvalidRateError);
    expect(
      () => new RateTable([{ currency: "EUR", effectiveFrom: "2024-01-01", unitsPerUsd: "-1" }]),
    ).toThrow(InvalidRateError);
    expect(
      () =>
        new RateTable([
          { currency: "EUR", effectiveFrom: "2024-01-01", unitsPerUsd: "0.9" },
          { currency: "EUR", effectiveFrom: "2024-01-01", unitsPerUsd: "0.91" },
        ]),
    ).toThrow(InvalidRateError);
    expect(
      new RateTable([
        { currency: "EUR", effectiveFrom: "2024-01-01", unitsPerUsd: "0.9" },
        { currency: "EUR", effectiveFrom: "2024-01-01", unitsPerUsd: "0.900" },
      ]).currencies(),
    ).toEqual(["EUR"]);
  });

  it("matches the exact-fraction reference for any amount, rate and exponent (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 15), max: 10 ** 15 }),
        fc.constantFrom(["JPY", 0], ["EUR", 2], ["KWD", 3], ["CLF", 4]),
        fc.integer({ min: 1, max: 10 ** 9 }),
        fc.integer({ min: 0, max: 6 }),
        (amount, [currency, exponent], rateDigits, scale) => {
          const s = String(rateDigits).padStart(scale + 1, "0");
          const rate =
            scale === 0 ? s : `${s.slice(0, s.length - scale)}.${s.slice(s.length - scale)}`;
          const t = new RateTable([
            { currency: currency, effectiveFrom: "2020-01-01", unitsPerUsd: rate },
          ]);
          const expected = convertRef(BigInt(amount), exponent, rate);
          if (
            expected > BigInt(Number.MAX_SAFE_INTEGER) ||
            expected < -BigInt(Number.MAX_SAFE_INTEGER)
          )
            return;
          expect(BigInt(t.convert(amount, currency as string, "2024-01-01").amountUsdCents)).toBe(
            expected,
          );
        },
      ),
      { numRuns: 5000 },
    );
  });
});
