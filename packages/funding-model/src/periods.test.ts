import { describe, expect, it } from "vitest";
import { InvalidPeriodError } from "./errors";
import { fiscalYearOf, periodContaining, periodsOverlapping } from "./periods";

describe("period schemes", () => {
  it("names years by the year they start in, with both ends included", () => {
    expect(periodContaining({ kind: "calendar" }, "2023-12-31")).toEqual({
      label: "2023",
      from: "2023-01-01",
      to: "2023-12-31",
      index: 2023,
    });
    expect(periodContaining({ kind: "peacekeeping" }, "2024-06-30")).toEqual({
      label: "2023/24",
      from: "2023-07-01",
      to: "2024-06-30",
      index: 2023,
    });
    expect(periodContaining({ kind: "peacekeeping" }, "2024-07-01")?.label).toBe("2024/25");
    expect(periodContaining({ kind: "peacekeeping" }, "2000-01-01")?.label).toBe("1999/00");
  });

  it("supports any fiscal-year start month (entities and donors)", () => {
    expect(fiscalYearOf("2023-10-01", 10)).toEqual({
      label: "2023/24",
      from: "2023-10-01",
      to: "2024-09-30",
      index: 2023,
    });
    expect(fiscalYearOf("2023-09-30", 10).label).toBe("2022/23");
    expect(fiscalYearOf("2024-03-31", 4)).toMatchObject({ from: "2023-04-01", to: "2024-03-31" });
    expect(fiscalYearOf("2024-02-29", 3).to).toBe("2024-02-29"); // a leap-year fiscal year ending in February
    expect(() => fiscalYearOf("2024-01-01", 13)).toThrow(InvalidPeriodError);
  });

  it("lists the periods overlapping a window", () => {
    expect(
      periodsOverlapping({ kind: "peacekeeping" }, "2023-01-01", "2023-12-31").map((p) => p.label),
    ).toEqual(["2022/23", "2023/24"]);
    expect(
      periodsOverlapping({ kind: "calendar" }, "2023-05-05", "2023-05-05").map((p) => p.label),
    ).toEqual(["2023"]);
  });

  it("custom periods: any ascending ranges, one-day periods, gaps are outside", () => {
    const scheme = {
      kind: "custom" as const,
      periods: [
        { label: "review-day", from: "2024-03-01", to: "2024-03-01" },
        { label: "Q2", from: "2024-04-01", to: "2024-06-30" },
      ],
    };
    expect(periodContaining(scheme, "2024-03-01")?.label).toBe("review-day");
    expect(periodContaining(scheme, "2024-03-02")).toBeNull();
    expect(periodsOverlapping(scheme, "2024-01-01", "2024-12-31").map((p) => p.label)).toEqual([
      "review-day",
      "Q2",
    ]);
    expect(() =>
      periodContaining(
        {
          kind: "custom",
          periods: [
            { label: "a", from: "2024-01-02", to: "2024-01-05" },
            { label: "b", from: "2024-01-05", to: "2024-01-09" },
          ],
        },
        "2024-01-01",
      ),
    ).toThrow(InvalidPeriodError);
  });
});
