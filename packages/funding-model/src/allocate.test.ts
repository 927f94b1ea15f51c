import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateLargestRemainder } from "./allocate";
import { AllocationError } from "./errors";
import { largestRemainderRef } from "./testing/reference";

describe("allocateLargestRemainder", () => {
  it("gives the leftover units to the largest remainders, ties to the lower index", () => {
    expect(allocateLargestRemainder(10000, [1, 1, 1])).toEqual([3334, 3333, 3333]);
    expect(allocateLargestRemainder(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(allocateLargestRemainder(100, [0, 1, 0])).toEqual([0, 100, 0]);
    expect(allocateLargestRemainder(100000000, [181, 184])).toEqual([49589041, 50410959]);
    expect(allocateLargestRemainder(0, [0, 0])).toEqual([0, 0]);
  });

  it("mirrors negative totals so that a reversal cancels part by part", () => {
    expect(allocateLargestRemainder(-5, [1, 1])).toEqual([-3, -2]);
    const parts = allocateLargestRemainder(12345, [3, 7, 11]);
    const reversed = allocateLargestRemainder(-12345, [3, 7, 11]);
    expect(parts.map((p, i) => p + reversed[i]!)).toEqual([0, 0, 0]);
  });

  it("rejects unusable weights", () => {
    expect(() => allocateLargestRemainder(1, [])).toThrow(AllocationError);
    expect(() => allocateLargestRemainder(1, [0, 0])).toThrow(AllocationError);
    expect(() => allocateLargestRemainder(1, [-1, 2])).toThrow(AllocationError);
    expect(() => allocateLargestRemainder(1, [0.5, 2])).toThrow(AllocationError);
  });

  it("uses bigint where total × weights would pass 2^53", () => {
    const parts = allocateLargestRemainder(Number.MAX_SAFE_INTEGER, [2 ** 40, 2 ** 40 + 1, 3]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(Number.MAX_SAFE_INTEGER);
    expect(parts.map(BigInt)).toEqual(
      largestRemainderRef(BigInt(Number.MAX_SAFE_INTEGER), [2n ** 40n, 2n ** 40n + 1n, 3n]),
    );
  });

  it("equals the exact-fraction reference and sums to the total (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 12), max: 10 ** 12 }),
        fc
          .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 40 })
          .filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = allocateLargestRemainder(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          expect(parts.map(BigInt)).toEqual(
            largestRemainderRef(BigInt(total), weights.map(BigInt)),
          );
        },
      ),
      { numRuns: 5000 },
    );
  });

  it("splits totals × weights beyond 2^53 exactly without bigint (property)", () => {
    // Weight sums below 2^49 take the exact floating-point path, above it bigint.
    const weight = fc.oneof(
      fc.integer({ min: 0, max: 2 ** 45 }),
      fc.integer({ min: 2 ** 45 - 100, max: 2 ** 45 }),
      fc.integer({ min: 0, max: 1000 }),
      fc.constant(0),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
          fc.integer({ min: Number.MAX_SAFE_INTEGER - 1000, max: Number.MAX_SAFE_INTEGER }),
          fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
        ),
        fc.array(weight, { minLength: 1, maxLength: 16 }).filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = allocateLargestRemainder(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          expect(parts.map(BigInt)).toEqual(
            largestRemainderRef(BigInt(total), weights.map(BigInt)),
          );
        },
      ),
      { numRuns: 5000 },
    );
  });

  it("handles many equal remainders (ties) like the reference (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 60 }),
        (total, n) => {
          const parts = allocateLargestRemainder(
            total,
            Array.from({ length: n }, () => 7),
          );
          expect(parts.map(BigInt)).toEqual(
            largestRemainderRef(
              BigInt(total),
              Array.from({ length: n }, () => 7n),
            ),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});
