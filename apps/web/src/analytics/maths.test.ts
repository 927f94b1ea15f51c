import { describe, expect, it } from "vitest";
import {
  cellPeriod,
  entityTaskShares,
  eventsUpTo,
  decimalCentsToCents,
  explainInput,
  linkExplainFilter,
  permilleText,
  ratioPercentText,
} from "./maths";

describe("analytic views' maths", () => {
  it("prints exact ratios as percentages with one decimal", () => {
    expect(ratioPercentText({ numerator: 1, denominator: 3 }, "en-US")).toBe("33.3%");
    expect(ratioPercentText({ numerator: 2, denominator: 3 }, "en-US")).toBe("66.7%");
    expect(
      ratioPercentText(
        { numerator: 9_007_199_254_740_991, denominator: 9_007_199_254_740_991 },
        "en-US",
      ),
    ).toBe("100.0%");
    expect(ratioPercentText(null, "en-US")).toBeNull();
    expect(permilleText(456, "fr-FR")).toMatch(/^45,6\s?%$/);
  });

  it("splits each task's funding and gaps between entities, each column summing to 100.0%", () => {
    const row = (taskCode: string, value: string, funded: number, requirement: number) => ({
      bucket: "task",
      taskCode,
      value,
      figures: { funded, requirement },
    });
    const shares = entityTaskShares(
      [
        row("POC", "UNDP", 100, 400),
        row("POC", "UNICEF", 200, 200),
        row("POC", "WFP", 0, 100),
        row("PEACE", "UNDP", 0, 0),
        {
          bucket: "not_specified",
          taskCode: null,
          value: "WFP",
          figures: { funded: 50, requirement: 0 },
        },
      ],
      ["POC", "PEACE"],
    );
    expect(shares.get("UNDP")!.get("POC")).toEqual({
      funded: 100,
      requirement: 400,
      gap: 300,
      fundedPermille: 333,
      gapPermille: 750,
    });
    expect(shares.get("UNICEF")!.get("POC")).toMatchObject({ fundedPermille: 667, gapPermille: 0 });
    expect(shares.get("WFP")!.get("POC")).toMatchObject({
      gap: 100,
      fundedPermille: 0,
      gapPermille: 250,
    });
    // No money and no gap on a task: no share at all, not 0%.
    expect(shares.get("UNDP")!.get("PEACE")).toMatchObject({
      fundedPermille: null,
      gapPermille: null,
    });
  });

  it("lists the events behind a cumulative figure at a month's end", () => {
    const events = [
      { date: "2025-01-31", status: "paid" as const, cents: 1, flowId: "1" },
      { date: "2025-02-01", status: "paid" as const, cents: 2, flowId: "2" },
      { date: "2025-01-10", status: "pledged" as const, cents: 3, flowId: "3" },
    ];
    expect(eventsUpTo(events, "2025-01", "paid").map((e) => e.flowId)).toEqual(["1"]);
    expect(eventsUpTo(events, "2025-02", "paid").map((e) => e.flowId)).toEqual(["1", "2"]);
  });

  it("maps a heatmap column to the report's period and a flow link to its explain filter", () => {
    const settings = {
      kind: "peacekeeping" as const,
      granularity: "year" as const,
      fromYear: 2023,
      toYear: 2025,
    };
    expect(cellPeriod(settings, { from: "2024-07-01", to: "2025-06-30" })).toEqual({
      kind: "peacekeeping",
      year: 2024,
    });
    expect(
      cellPeriod({ ...settings, granularity: "quarter" }, { from: "2024-07-01", to: "2024-09-30" }),
    ).toEqual({
      kind: "custom",
      from: "2024-07-01",
      to: "2024-09-30",
    });
    expect(
      linkExplainFilter({ source: "org:USA", target: "org:UNDP", kind: "contribution" }),
    ).toEqual({ donorCode: "USA", entityCode: "UNDP" });
    expect(linkExplainFilter({ source: "org:PBF", target: "org:UNDP", kind: "transfer" })).toEqual({
      donorCode: "PBF",
      entityCode: "UNDP",
    });
    expect(
      linkExplainFilter({ source: "org:UNDP", target: "task:POC", kind: "allocation" }),
    ).toEqual({ entityCode: "UNDP", bucket: "task", taskCode: "POC" });
    expect(
      linkExplainFilter({ source: "org:PBF", target: "unallocated:PBF", kind: "allocation" }),
    ).toEqual({ entityCode: "PBF", bucket: "unallocated" });
    expect(
      linkExplainFilter({ source: "org:UNDP", target: "task:not-specified", kind: "allocation" }),
    ).toEqual({ entityCode: "UNDP", bucket: "not_specified" });
  });

  it("splits an analytic figure's filter into report.explain's task, bucket and filter", () => {
    expect(explainInput({ entityCode: "UNDP", bucket: "task", taskCode: "POC" })).toEqual({
      taskCode: "POC",
      bucket: "task",
      filter: { entityCode: "UNDP" },
    });
    // No task nor bucket: the operation's whole money matching the filter.
    expect(explainInput({ donorCode: "USA", entityCode: "UNDP" })).toEqual({
      filter: { donorCode: "USA", entityCode: "UNDP" },
    });
  });

  it("rounds a decimal of cents to whole cents, half to even", () => {
    expect(decimalCentsToCents("50.000000")).toBe(50);
    expect(decimalCentsToCents("12.5")).toBe(12);
    expect(decimalCentsToCents("13.5")).toBe(14);
    expect(decimalCentsToCents("12.500001")).toBe(13);
    expect(decimalCentsToCents("12.499999")).toBe(12);
    expect(decimalCentsToCents("-7.6")).toBe(-8);
    expect(decimalCentsToCents("900000000000001")).toBe(900_000_000_000_001);
    expect(() => decimalCentsToCents("1e5")).toThrow(RangeError);
  });
});
