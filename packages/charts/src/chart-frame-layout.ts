// Where the parts every chart shares go: an optional visible heading (for images that travel
// alone), the legend, the chart itself and the stamp lines under it. Pure, so the SVG frame and
// the heatmap's PNG painter place them alike.

/** Height of the visible heading, when there is one, and its baseline. */
export const HEADING_HEIGHT = 26;
export const HEADING_BASELINE = 17;
/** Distance between two stamp lines, and from the chart's bottom to the first one's baseline. */
export const STAMP_LINE = 14;
/** Left edge of the legend, heading and stamp. */
export const FRAME_INSET = 4;
/** Height of a legend swatch; the label is centred on it. */
export const SWATCH_HEIGHT = 14;

export interface LegendGrid {
  /** Number of entries. */
  count: number;
  /** Entries per row. */
  columns: number;
  /** Default (width − 2 × inset) ÷ columns. */
  columnWidth?: number;
  /** Default 22. */
  rowHeight?: number;
}

export interface ChartFrameLayoutInput {
  width: number;
  /** Height of the chart between the legend and the stamp. */
  bodyHeight: number;
  legend?: LegendGrid;
  stampLines: number;
  heading?: boolean;
}

export interface ChartFrameLayout {
  height: number;
  legendTop: number;
  legendHeight: number;
  /** Top-left corner of each legend entry (its swatch), in frame coordinates. */
  legendEntries: { x: number; y: number }[];
  /** Top of the chart itself. */
  bodyTop: number;
  /** Baseline of each stamp line. */
  stampBaselines: number[];
}

/**
 * Places the heading, the legend (entries row by row), the body and the stamp lines.
 *
 * @example
 * chartFrameLayout({ width: 600, bodyHeight: 200, legend: { count: 5, columns: 4 }, stampLines: 2 })
 * // → { legendTop: 0, legendHeight: 52, bodyTop: 52, stampBaselines: [266, 280], height: 288, … }
 */
export function chartFrameLayout(input: ChartFrameLayoutInput): ChartFrameLayout {
  const legendTop = input.heading ? HEADING_HEIGHT : 0;
  const legend = input.legend;
  const rowHeight = legend?.rowHeight ?? 22;
  const columns = Math.max(1, legend?.columns ?? 1);
  const rows = legend ? Math.ceil(legend.count / columns) : 0;
  const legendHeight = rows === 0 ? 0 : 4 + rows * rowHeight + 4;
  const columnWidth = legend?.columnWidth ?? (input.width - 2 * FRAME_INSET) / columns;
  const legendEntries = Array.from({ length: legend?.count ?? 0 }, (_, i) => ({
    x: FRAME_INSET + (i % columns) * columnWidth,
    y: legendTop + 4 + Math.floor(i / columns) * rowHeight,
  }));
  const bodyTop = legendTop + legendHeight;
  const bodyBottom = bodyTop + input.bodyHeight;
  return {
    height: bodyBottom + input.stampLines * STAMP_LINE + 8,
    legendTop,
    legendHeight,
    legendEntries,
    bodyTop,
    stampBaselines: Array.from(
      { length: input.stampLines },
      (_, i) => bodyBottom + (i + 1) * STAMP_LINE,
    ),
  };
}
