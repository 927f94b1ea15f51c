import { describe, expect, it } from "vitest";
import { HEADING_HEIGHT, STAMP_LINE, chartFrameLayout } from "./chart-frame-layout";

describe("chartFrameLayout", () => {
  it("puts the legend row by row, the body under it and the stamp lines under the body", () => {
    const l = chartFrameLayout({
      width: 608,
      bodyHeight: 200,
      legend: { count: 5, columns: 4 },
      stampLines: 2,
    });
    expect(l.legendTop).toBe(0);
    expect(l.legendEntries).toEqual([
      { x: 4, y: 4 },
      { x: 154, y: 4 },
      { x: 304, y: 4 },
      { x: 454, y: 4 },
      { x: 4, y: 26 },
    ]);
    expect(l.bodyTop).toBe(l.legendHeight);
    expect(l.legendHeight).toBeGreaterThanOrEqual(26 + 14);
    expect(l.stampBaselines).toEqual([
      l.bodyTop + 200 + STAMP_LINE,
      l.bodyTop + 200 + 2 * STAMP_LINE,
    ]);
    expect(l.height).toBeGreaterThan(l.stampBaselines[1]!);
  });

  it("makes room for a visible heading, and none for an absent legend or stamp", () => {
    const l = chartFrameLayout({ width: 300, bodyHeight: 50, stampLines: 0, heading: true });
    expect(l.legendTop).toBe(HEADING_HEIGHT);
    expect(l.legendHeight).toBe(0);
    expect(l.legendEntries).toEqual([]);
    expect(l.bodyTop).toBe(HEADING_HEIGHT);
    expect(l.stampBaselines).toEqual([]);
    expect(l.height).toBe(HEADING_HEIGHT + 50 + 8);
  });

  it("takes a fixed column width when given one", () => {
    const l = chartFrameLayout({
      width: 300,
      bodyHeight: 10,
      legend: { count: 3, columns: 3, columnWidth: 120, rowHeight: 20 },
      stampLines: 0,
    });
    expect(l.legendEntries.map((e) => e.x)).toEqual([4, 124, 244]);
    expect(l.legendHeight).toBe(4 + 20 + 4);
  });
});
