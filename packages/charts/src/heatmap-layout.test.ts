import { describe, expect, it } from "vitest";
import {
  COVERAGE_BANDS,
  NO_REQUIREMENT_BAND,
  cellAtPoint,
  contentSize,
  coverageBand,
  moveActiveCell,
  revealCell,
  visibleCells,
} from "./heatmap-layout";

const g = {
  rows: 500,
  columns: 20,
  rowHeight: 28,
  columnWidth: 84,
  labelWidth: 260,
  headerHeight: 34,
};

function luminance(hex: string): number {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const l = c.map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * l[0]! + 0.7152 * l[1]! + 0.0722 * l[2]!;
}

describe("heatmap maths", () => {
  it("bands coverage, never shows an undefined coverage as 0%, and keeps value text readable", () => {
    expect(coverageBand(0)).toBe(COVERAGE_BANDS[0]);
    expect(coverageBand(0.2499)).toBe(COVERAGE_BANDS[0]);
    expect(coverageBand(0.25)).toBe(COVERAGE_BANDS[1]);
    expect(coverageBand(0.99)).toBe(COVERAGE_BANDS[3]);
    expect(coverageBand(1)).toBe(COVERAGE_BANDS[4]);
    expect(coverageBand(2.5)).toBe(COVERAGE_BANDS[4]);
    expect(coverageBand(null)).toBe(NO_REQUIREMENT_BAND);
    for (const band of [...COVERAGE_BANDS, NO_REQUIREMENT_BAND]) {
      const [a, b] = [luminance(band.fill), luminance(band.ink)].sort((x, y) => y - x);
      expect((a! + 0.05) / (b! + 0.05)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("draws only the rows and columns in view", () => {
    expect(contentSize(g)).toEqual({ width: 260 + 20 * 84, height: 34 + 500 * 28 });
    const v = visibleCells(g, { scrollTop: 2_800, scrollLeft: 0, width: 900, height: 480 }, 1);
    expect(v.firstRow).toBe(99);
    expect(v.lastRow).toBe(Math.ceil((2_800 + 446) / 28) + 1);
    expect(v.firstColumn).toBe(0);
    expect(v.lastColumn).toBe(Math.ceil(640 / 84) + 1);
    const end = visibleCells(g, { scrollTop: 1e9, scrollLeft: 1e9, width: 900, height: 480 });
    expect(end.lastRow).toBe(499);
    expect(end.lastColumn).toBe(19);
  });

  it("finds the cell under the pointer, none over the pinned labels", () => {
    expect(cellAtPoint(g, { scrollTop: 0, scrollLeft: 0 }, 261, 35)).toEqual({ row: 0, column: 0 });
    expect(cellAtPoint(g, { scrollTop: 280, scrollLeft: 84 }, 260 + 84 + 1, 34 + 1)).toEqual({
      row: 10,
      column: 2,
    });
    expect(cellAtPoint(g, { scrollTop: 0, scrollLeft: 0 }, 100, 100)).toBeNull();
    expect(cellAtPoint(g, { scrollTop: 0, scrollLeft: 0 }, 300, 10)).toBeNull();
  });

  it("moves the active cell with arrows, Home/End, Ctrl+Home/End and pages, within the grid", () => {
    const at = { row: 5, column: 5 };
    expect(moveActiveCell(at, "ArrowUp", g, 10)).toEqual({ row: 4, column: 5 });
    expect(moveActiveCell(at, "ArrowRight", g, 10)).toEqual({ row: 5, column: 6 });
    expect(moveActiveCell({ row: 0, column: 0 }, "ArrowLeft", g, 10)).toEqual({
      row: 0,
      column: 0,
    });
    expect(moveActiveCell(at, "Home", g, 10)).toEqual({ row: 5, column: 0 });
    expect(moveActiveCell(at, "End", g, 10, true)).toEqual({ row: 499, column: 19 });
    expect(moveActiveCell(at, "PageDown", g, 10)).toEqual({ row: 15, column: 5 });
    expect(moveActiveCell(at, "PageUp", g, 10)).toEqual({ row: 0, column: 5 });
    expect(moveActiveCell(at, "a", g, 10)).toBeNull();
  });

  it("scrolls as little as needed to reveal the active cell", () => {
    const view = { scrollTop: 0, scrollLeft: 0, width: 900, height: 480 };
    expect(revealCell(g, view, { row: 3, column: 2 })).toEqual({ scrollTop: 0, scrollLeft: 0 });
    expect(revealCell(g, view, { row: 100, column: 0 })).toEqual({
      scrollTop: 101 * 28 - (480 - 34),
      scrollLeft: 0,
    });
    expect(revealCell(g, { ...view, scrollTop: 5_000 }, { row: 2, column: 0 }).scrollTop).toBe(56);
    expect(revealCell(g, view, { row: 0, column: 19 }).scrollLeft).toBe(20 * 84 - (900 - 260));
  });
});
