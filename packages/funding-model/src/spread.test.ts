import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidDateError } from "./errors";
import { spreadOverPeriods } from "./spread";
import { dayRef, isoRef, spreadRef } from "./testing/reference";

describe("spreadOverPeriods", () => {
  it("weights by days of overlap in leap years", () => {
    // 2024 has 366 days: Jan–Jun 182, Jul–Dec 184.
    const parts = spreadOverPeriods(36600, "2024-01-01", "2024-12-31", { kind: "peacekeeping" });
    expect(parts.map((p) => [p.period?.label, p.overlapDays, p.amountMinor])).toEqual([
      ["2023/24", 182, 18200],
      ["2024/25", 184, 18400],
    ]);
  });

  it("keeps a one-day usage period whole in its period", () => {
    expect(spreadOverPeriods(999, "2024-02-29", "2024-02-29", { kind: "calendar" })).toMatchObject([
      { overlapDays: 1, amountMinor: 999 },
    ]);
  });

  it("gives equal remainders to the earlier period", () => {
    // 2 days, one in each year, 1 cent: the tie goes to 2023.
    expect(
      spreadOverPeriods(1, "2023-12-31", "2024-01-01", { kind: "calendar" }).map(
        (p) => p.amountMinor,
      ),
    ).toEqual([1, 0]);
    expect(
      spreadOverPeriods(-1, "2023-12-31", "2024-01-01", { kind: "calendar" }).map(
        (p) => p.amountMinor,
      ),
    ).toEqual([-1, 0]);
  });

  it("spreads over custom one-day periods and keeps the days outside them", () => {
    const scheme = {
      kind: "custom" as const,
      periods: [
        { label: "d1", from: "2024-01-02", to: "2024-01-02" },
        { label: "d2", from: "2024-01-03", to: "2024-01-03" },
      ],
    };
    const parts = spreadOverPeriods(1000, "2024-01-01", "2024-01-05", scheme);
    expect(parts.map((p) => [p.period?.label ?? null, p.overlapDays, p.amountMinor])).toEqual([
      [null, 1, 200],
      ["d1", 1, 200],
      ["d2", 1, 200],
      [null, 2, 400],
    ]);
  });

  it("rejects a usage period that ends before it starts", () => {
    expect(() => spreadOverPeriods(1, "2024-01-02", "2024-01-01", { kind: "calendar" })).toThrow(
      InvalidDateError,
    );
  });

  it("matches a day-by-day exact reference for any start month (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayRef("1999-01-01"), max: dayRef("2030-12-31") }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: -(10 ** 12), max: 10 ** 12 }),
        fc.integer({ min: 1, max: 12 }),
        (start, length, amount, startMonth) => {
          const from = isoRef(start);
          const to = isoRef(start + length);
          const parts = spreadOverPeriods(amount, from, to, { kind: "fiscal", startMonth });
          const ref = spreadRef(BigInt(amount), from, to, startMonth);
          expect(parts.map((p) => [p.period!.index, p.overlapDays, BigInt(p.amountMinor)])).toEqual(
            ref.map((r) => [r.year, r.days, r.amount]),
          );
          expect(parts.reduce((s, p) => s + p.amountMinor, 0)).toBe(amount);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
