// The coverage heatmap as an SVG document, in the same frame as every other chart (title,
// description, heading, legend, stamp: what ChartFrame draws on screen). The whole document is
// written as text, so an export loads no renderer; the grid can be thousands of cells, so it is
// written a batch of rows at a time (`pause` between batches).
import { FRAME_INSET, HEADING_BASELINE, SWATCH_HEIGHT } from "./chart-frame-layout";
import { GRID, INK, MUTED_INK } from "./palette";
import { coverageBand } from "./heatmap-layout";
import { heatmapImageLayout, heatmapLegendItems, nextTask, rowLabel } from "./heatmap-export";
import type { ChunkOptions, HeatmapImageInput, HeatmapImageLayout } from "./heatmap-export";
import { escapeXml, svgElement } from "./svg-markup";

// A standalone file holds one chart, so fixed ids cannot collide.
const TITLE_ID = "heatmap-title";
const DESC_ID = "heatmap-desc";

/** The column header and every row, as markup in the frame's body coordinates. */
async function gridMarkup(
  input: HeatmapImageInput,
  l: HeatmapImageLayout,
  { rowsPerBatch = 100, pause = nextTask }: ChunkOptions,
): Promise<string> {
  const headerY = l.headerHeight / 2 + 4;
  const header = input.columns.map((column, c) =>
    svgElement(
      "text",
      {
        x: l.labelWidth + c * l.columnWidth + l.columnWidth / 2,
        y: headerY,
        "text-anchor": "middle",
        fill: INK,
      },
      escapeXml(column.label),
    ),
  );
  const rows: string[] = [];
  for (let r = 0; r < input.rows.length; r++) {
    if (r > 0 && r % rowsPerBatch === 0) await pause();
    const row = input.rows[r]!;
    const y = l.headerHeight + r * l.rowHeight;
    const mid = y + l.rowHeight / 2 + 4;
    const cells: string[] = [];
    for (let c = 0; c < input.columns.length; c++) {
      const band = coverageBand(input.coverage[r]?.[c] ?? null);
      const x = l.labelWidth + c * l.columnWidth;
      cells.push(
        svgElement("rect", {
          x,
          y,
          width: l.columnWidth,
          height: l.rowHeight,
          fill: band.fill,
          stroke: GRID,
        }),
        svgElement(
          "text",
          {
            class: "heatmap-value",
            x: x + l.columnWidth / 2,
            y: mid,
            "text-anchor": "middle",
            fill: band.ink,
          },
          escapeXml(input.cellText(r, c)),
        ),
      );
    }
    // A label cut to its column keeps the whole of it as a tooltip.
    const fullLabel = row.label.length > 40 ? [svgElement("title", {}, escapeXml(row.label))] : [];
    rows.push(
      svgElement(
        "g",
        { class: "heatmap-row", "data-row": row.key },
        svgElement(
          "text",
          { x: 4, y: mid, fill: INK },
          escapeXml(rowLabel(row.label)),
          ...fullLabel,
        ),
        ...cells,
      ),
    );
  }
  return (
    svgElement("g", { class: "heatmap-header" }, ...header) +
    svgElement("g", { class: "heatmap-cells" }, ...rows)
  );
}

/** The legend: one swatch and label an entry, hidden from assistive technology like ChartFrame's. */
function legendMarkup(input: HeatmapImageInput, l: HeatmapImageLayout): string {
  const entries = heatmapLegendItems(input).map((item, i) => {
    const at = l.frame.legendEntries[i]!;
    return svgElement(
      "g",
      { transform: `translate(${at.x},${at.y})` },
      svgElement("rect", {
        width: SWATCH_HEIGHT,
        height: SWATCH_HEIGHT,
        fill: item.band.fill,
        stroke: MUTED_INK,
      }),
      svgElement(
        "text",
        { x: SWATCH_HEIGHT + 6, y: SWATCH_HEIGHT / 2, dy: "0.35em", "font-size": 12, fill: INK },
        escapeXml(item.text),
      ),
    );
  });
  return svgElement("g", { "aria-hidden": "true", class: "chart-legend" }, ...entries);
}

/** The stamp lines under the grid (none: no group). */
function stampMarkup(input: HeatmapImageInput, l: HeatmapImageLayout): string[] {
  if (input.stamp.length === 0) return [];
  const lines = input.stamp.map((line, i) =>
    svgElement("text", { x: FRAME_INSET, y: l.frame.stampBaselines[i] }, escapeXml(line)),
  );
  return [svgElement("g", { class: "chart-stamp", "font-size": 10, fill: MUTED_INK }, ...lines)];
}

/**
 * The heatmap as an SVG document: an `<svg role="img">` named by its `<title>` and described by
 * its `<desc>`, a visible heading, the legend and the stamp lines around every cell, each with
 * its colour band and its value as text. The grid is built `rowsPerBatch` rows at a time with a
 * pause between batches.
 *
 * @example await heatmapSvg({ rows, columns, coverage, cellText, labels, stamp }) // → '<?xml version="1.0" …<svg … role="img" …'
 */
export async function heatmapSvg(
  input: HeatmapImageInput,
  options: ChunkOptions = {},
): Promise<string> {
  const l = heatmapImageLayout(input);
  const grid = await gridMarkup(input, l, options);
  const { title, description } = input.labels;
  const svg = svgElement(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      role: "img",
      "aria-labelledby": TITLE_ID,
      "aria-describedby": DESC_ID,
      viewBox: `0 0 ${l.width} ${l.height}`,
      width: l.width,
      height: l.height,
      "font-family": "system-ui, sans-serif",
      "font-size": 12,
    },
    svgElement("title", { id: TITLE_ID }, escapeXml(title)),
    svgElement("desc", { id: DESC_ID }, escapeXml(description)),
    svgElement("rect", { width: l.width, height: l.height, fill: "#fff" }),
    svgElement(
      "text",
      {
        x: FRAME_INSET,
        y: HEADING_BASELINE,
        "font-size": 14,
        "font-weight": 700,
        fill: INK,
        "aria-hidden": "true",
        class: "chart-heading",
      },
      escapeXml(title),
    ),
    legendMarkup(input, l),
    svgElement(
      "g",
      { transform: `translate(0,${l.frame.bodyTop})` },
      svgElement("g", { class: "heatmap-grid" }, grid),
    ),
    ...stampMarkup(input, l),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
}
