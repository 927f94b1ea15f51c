import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, fromDayNumber, isLeapYear, toDayNumber } from "./dates";
import { InvalidDateError } from "./errors";
import { dayRef } from "./testing/reference";

describe("civil dates as day numbers", () => {
  it("knows leap years, including the century rules", () => {
    expect([2023, 2024, 1900, 2000, 2100].map(isLeapYear)).toEqual([
      false,
      true,
      false,
      true,
      false,
    ]);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2023-02-28", "2023-03-01")).toBe(1);
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
  });

  it("rejects anything but a real YYYY-MM-DD date", () => {
    for (const bad of [
      "2023-02-29",
      "2023-13-01",
      "2023-00-10",
      "2023-1-01",
      "2023/01/01",
      "20230101",
      "2023-01-32",
      "2100-02-29",
    ])
      expect(() => toDayNumber(bad)).toThrow(InvalidDateError);
    expect(toDayNumber("2000-02-29")).toBe(11016);
  });

  it("agrees with the platform calendar and round-trips (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: dayRef("1800-01-01"), max: dayRef("2400-12-31") }), (day) => {
        const iso = fromDayNumber(day);
        expect(toDayNumber(iso)).toBe(day);
        expect(dayRef(iso)).toBe(day);
      }),
      { numRuns: 5000 },
    );
  });
});
