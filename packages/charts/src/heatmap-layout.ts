// Pure maths of the coverage heatmap (tasks × periods): the colour of a coverage, which rows a
// scrolled viewport shows, which cell a point falls in, and where the arrow keys move the active
// cell. The component draws only what is visible, so a 500 × 20 grid costs what a 20 × 20 does.

/** Coverage bands, each a colour and an ink that reads on it (contrast ≥ 4.5:1). */
export interface CoverageBand {
  /** Lower bound, inclusive (coverage as a ratio: 1 = fully funded). */
  from: number;
  fill: string;
  ink: string;
}

export const COVERAGE_BANDS: readonly CoverageBand[] = [
  { from: 0, fill: "#fde8e4", ink: "#1f1f1f" },
  { from: 0.25, fill: "#f6c6a8", ink: "#1f1f1f" },
  { from: 0.5, fill: "#c6dbef", ink: "#1f1f1f" },
  { from: 0.75, fill: "#6baed6", ink: "#1f1f1f" },
  { from: 1, fill: "#1a4f9c", ink: "#ffffff" },
];
/** No requirement: coverage undefined; drawn white with a dash, never as 0%. */
export const NO_REQUIREMENT_BAND: CoverageBand = {
  from: Number.NaN,
  fill: "#ffffff",
  ink: "#3c4043",
};

export function coverageBand(coverage: number | null): CoverageBand {
  if (coverage === null || Number.isNaN(coverage)) return NO_REQUIREMENT_BAND;
  let band = COVERAGE_BANDS[0]!;
  for (const b of COVERAGE_BANDS) if (coverage >= b.from) band = b;
  return band;
}

export interface HeatmapGeometry {
  rows: number;
  columns: number;
  rowHeight: number;
  columnWidth: number;
  /** Pinned label column on the left and header row on top. */
  labelWidth: number;
  headerHeight: number;
}

export function contentSize(g: HeatmapGeometry): { width: number; height: number } {
  return {
    width: g.labelWidth + g.columns * g.columnWidth,
    height: g.headerHeight + g.rows * g.rowHeight,
  };
}

/** Rows and columns a viewport scrolled to (scrollLeft, scrollTop) shows, inclusive, with overscan. */
export function visibleCells(
  g: HeatmapGeometry,
  view: { scrollTop: number; scrollLeft: number; width: number; height: number },
  overscan = 1,
): { firstRow: number; lastRow: number; firstColumn: number; lastColumn: number } {
  const clamp = (v: number, hi: number) => Math.max(0, Math.min(hi, v));
  const bodyHeight = Math.max(0, view.height - g.headerHeight);
  const bodyWidth = Math.max(0, view.width - g.labelWidth);
  return {
    firstRow: clamp(Math.floor(view.scrollTop / g.rowHeight) - overscan, g.rows - 1),
    lastRow: clamp(Math.ceil((view.scrollTop + bodyHeight) / g.rowHeight) + overscan, g.rows - 1),
    firstColumn: clamp(Math.floor(view.scrollLeft / g.columnWidth) - overscan, g.columns - 1),
    lastColumn: clamp(
      Math.ceil((view.scrollLeft + bodyWidth) / g.columnWidth) + overscan,
      g.columns - 1,
    ),
  };
}

/** The cell under a point of the viewport (pixels from its top-left corner), or null. */
export function cellAtPoint(
  g: HeatmapGeometry,
  view: { scrollTop: number; scrollLeft: number },
  x: number,
  y: number,
): { row: number; column: number } | null {
  if (x < g.labelWidth || y < g.headerHeight) return null;
  const column = Math.floor((x - g.labelWidth + view.scrollLeft) / g.columnWidth);
  const row = Math.floor((y - g.headerHeight + view.scrollTop) / g.rowHeight);
  if (row < 0 || row >= g.rows || column < 0 || column >= g.columns) return null;
  return { row, column };
}

/**
 * Where a key moves the active cell: arrows by one, Home/End to the row's ends, Ctrl+Home/End to
 * the grid's corners, PageUp/PageDown by a page of rows. Null for keys the grid does not use.
 */
export function moveActiveCell(
  active: { row: number; column: number },
  key: string,
  g: Pick<HeatmapGeometry, "rows" | "columns">,
  pageRows: number,
  ctrl = false,
): { row: number; column: number } | null {
  const row = (r: number) => Math.max(0, Math.min(g.rows - 1, r));
  const column = (c: number) => Math.max(0, Math.min(g.columns - 1, c));
  switch (key) {
    case "ArrowUp":
      return { row: row(active.row - 1), column: active.column };
    case "ArrowDown":
      return { row: row(active.row + 1), column: active.column };
    case "ArrowLeft":
      return { row: active.row, column: column(active.column - 1) };
    case "ArrowRight":
      return { row: active.row, column: column(active.column + 1) };
    case "Home":
      return ctrl ? { row: 0, column: 0 } : { row: active.row, column: 0 };
    case "End":
      return ctrl
        ? { row: g.rows - 1, column: g.columns - 1 }
        : { row: active.row, column: g.columns - 1 };
    case "PageUp":
      return { row: row(active.row - Math.max(1, pageRows)), column: active.column };
    case "PageDown":
      return { row: row(active.row + Math.max(1, pageRows)), column: active.column };
    default:
      return null;
  }
}

/** The scroll position that brings a cell fully into view, moving as little as possible. */
export function revealCell(
  g: HeatmapGeometry,
  view: { scrollTop: number; scrollLeft: number; width: number; height: number },
  cell: { row: number; column: number },
): { scrollTop: number; scrollLeft: number } {
  const bodyHeight = view.height - g.headerHeight;
  const bodyWidth = view.width - g.labelWidth;
  const top = cell.row * g.rowHeight;
  const left = cell.column * g.columnWidth;
  let { scrollTop, scrollLeft } = view;
  if (top < scrollTop) scrollTop = top;
  else if (top + g.rowHeight > scrollTop + bodyHeight) scrollTop = top + g.rowHeight - bodyHeight;
  if (left < scrollLeft) scrollLeft = left;
  else if (left + g.columnWidth > scrollLeft + bodyWidth)
    scrollLeft = left + g.columnWidth - bodyWidth;
  return { scrollTop: Math.max(0, scrollTop), scrollLeft: Math.max(0, scrollLeft) };
}
