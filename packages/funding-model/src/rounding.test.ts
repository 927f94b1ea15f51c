import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { divideHalfEven, divideHalfEvenNumber } from "./rounding";
import { q, roundHalfEvenQ } from "./testing/reference";

describe("half-to-even division", () => {
  it("rounds halves to the even neighbour, symmetrically", () => {
    expect([1n, 3n, 5n, 7n, -1n, -3n, -5n].map((n) => divideHalfEven(n, 2n))).toEqual([
      0n,
      2n,
      2n,
      4n,
      0n,
      -2n,
      -2n,
    ]);
    expect(divideHalfEven(5n, -2n)).toBe(-2n);
    expect(divideHalfEvenNumber(645161290325, 1000)).toBe(645161290);
    expect(divideHalfEvenNumber(-25, 10)).toBe(-2);
    expect(divideHalfEvenNumber(-35, 10)).toBe(-4);
    expect(() => divideHalfEven(1n, 0n)).toThrow(RangeError);
  });

  it("matches the exact-fraction reference (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.bigInt({ min: 1n, max: 10n ** 20n }),
        fc.boolean(),
        (n, d, negate) => {
          const den = negate ? -d : d;
          expect(divideHalfEven(n, den)).toBe(roundHalfEvenQ(q(n, den)));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it("the number fast path agrees with bigint (property)", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.integer({ min: 1, max: 2 ** 40 }), (n, d) => {
        expect(BigInt(divideHalfEvenNumber(n, d))).toBe(divideHalfEven(BigInt(n), BigInt(d)));
      }),
      { numRuns: 5000 },
    );
  });
});
