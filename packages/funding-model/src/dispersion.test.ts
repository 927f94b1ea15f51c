import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dispersion, isqrt, sqrtQuotientDecimal } from "./dispersion";

describe("isqrt", () => {
  it("is the integer square root, also past 2^53", () => {
    expect([0n, 1n, 3n, 4n, 17n, 99n, 100n].map(isqrt)).toEqual([0n, 1n, 1n, 2n, 4n, 9n, 10n]);
    const big = 12_345_678_901_234_567_890n;
    expect(isqrt(big * big)).toBe(big);
    expect(isqrt(big * big - 1n)).toBe(big - 1n);
  });
  it("satisfies r² ≤ n < (r+1)² for any n", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 40n }), (n) => {
        const r = isqrt(n);
        return r * r <= n && n < (r + 1n) * (r + 1n);
      }),
    );
  });
});

describe("dispersion", () => {
  it("computes mean, population standard deviation and coefficient of variation exactly", () => {
    // 0,0,0,0,250: mean 50, variance (4·50² + 200²)/5 = 10 000, sd 100, cv 2.
    expect(dispersion([0, 0, 0, 0, 250], 4)).toEqual({
      count: 5,
      sum: 250n,
      sumOfSquares: 62_500n,
      mean: "50.0000",
      standardDeviation: "100.0000",
      coefficientOfVariation: "2.0000",
    });
    expect(sqrtQuotientDecimal(2n, 1n, 6)).toBe("1.414214");
    // Equal years do not vary; no money at all has no defined coefficient.
    expect(dispersion([7, 7, 7]).coefficientOfVariation).toBe("0.000000");
    expect(dispersion([0, 0]).coefficientOfVariation).toBeNull();
  });

  it("stays exact where doubles lose the sum of squares (trillions of cents)", () => {
    const d = dispersion([900_000_000_000_001, 900_000_000_000_003], 2);
    expect(d.sumOfSquares).toBe(
      900_000_000_000_001n * 900_000_000_000_001n + 900_000_000_000_003n * 900_000_000_000_003n,
    );
    expect(d.mean).toBe("900000000000002.00");
    expect(d.standardDeviation).toBe("1.00");
  });

  it("agrees with the float formula to its precision, for any amounts", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000_000 }), { minLength: 1, maxLength: 8 }),
        (values) => {
          const d = dispersion(values, 9);
          const mean = values.reduce((a, b) => a + b, 0) / values.length;
          const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
          expect(Number(d.standardDeviation)).toBeCloseTo(sd, 3);
          if (mean === 0) expect(d.coefficientOfVariation).toBeNull();
          else expect(Number(d.coefficientOfVariation)).toBeCloseTo(sd / mean, 6);
        },
      ),
    );
  });
});
