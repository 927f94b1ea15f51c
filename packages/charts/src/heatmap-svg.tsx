// The coverage heatmap as an SVG document, drawn in the same ChartFrame as every other chart
// (title, description, legend, stamp). The grid can be thousands of cells, so its markup is
// written as text a batch of rows at a time (`pause` between batches); React writes the frame
// around it once, when every row is ready.
import { ChartFrame } from "./chart-frame";
import { GRID, INK, MUTED_INK } from "./palette";
import { coverageBand } from "./heatmap-layout";
import {
  HEATMAP_LEGEND,
  escapeXml,
  heatmapImageLayout,
  heatmapLegendItems,
  nextTask,
  rowLabel,
} from "./heatmap-export";
import type { ChunkOptions, HeatmapImageInput, HeatmapImageLayout } from "./heatmap-export";

/** The column header and every row, as markup in the frame's body coordinates. */
async function gridMarkup(
  input: HeatmapImageInput,
  l: HeatmapImageLayout,
  { rowsPerBatch = 100, pause = nextTask }: ChunkOptions,
): Promise<string> {
  const parts: string[] = ['<g class="heatmap-header">'];
  const headerY = l.headerHeight / 2 + 4;
  input.columns.forEach((column, c) => {
    const x = l.labelWidth + c * l.columnWidth + l.columnWidth / 2;
    parts.push(
      `<text x="${x}" y="${headerY}" text-anchor="middle" fill="${INK}">${escapeXml(column.label)}</text>`,
    );
  });
  parts.push("</g>", '<g class="heatmap-cells">');
  for (let r = 0; r < input.rows.length; r++) {
    if (r > 0 && r % rowsPerBatch === 0) await pause();
    const row = input.rows[r]!;
    const y = l.headerHeight + r * l.rowHeight;
    const mid = y + l.rowHeight / 2 + 4;
    parts.push(
      `<g class="heatmap-row" data-row="${escapeXml(row.key)}">`,
      `<text x="4" y="${mid}" fill="${INK}">${escapeXml(rowLabel(row.label))}${
        row.label.length > 40 ? `<title>${escapeXml(row.label)}</title>` : ""
      }</text>`,
    );
    for (let c = 0; c < input.columns.length; c++) {
      const band = coverageBand(input.coverage[r]?.[c] ?? null);
      const x = l.labelWidth + c * l.columnWidth;
      parts.push(
        `<rect x="${x}" y="${y}" width="${l.columnWidth}" height="${l.rowHeight}" fill="${band.fill}" stroke="${GRID}"/>`,
        `<text class="heatmap-value" x="${x + l.columnWidth / 2}" y="${mid}" text-anchor="middle" fill="${band.ink}">${escapeXml(input.cellText(r, c))}</text>`,
      );
    }
    parts.push("</g>");
  }
  parts.push("</g>");
  return parts.join("");
}

/**
 * The heatmap as an SVG document: the ChartFrame (`<svg role="img">` with `<title>`, `<desc>`,
 * a visible heading, the legend and the stamp lines) around every cell, each with its colour band
 * and its value as text. The grid is built `rowsPerBatch` rows at a time with a pause between
 * batches; the frame is written by React's static renderer, loaded only when an SVG is asked for.
 *
 * @example await heatmapSvg({ rows, columns, coverage, cellText, labels, stamp }) // → '<?xml version="1.0" …<svg … role="img" …'
 */
export async function heatmapSvg(
  input: HeatmapImageInput,
  options: ChunkOptions = {},
): Promise<string> {
  const l = heatmapImageLayout(input);
  const grid = await gridMarkup(input, l, options);
  const { renderToStaticMarkup } = await import("react-dom/server");
  const svg = renderToStaticMarkup(
    <ChartFrame
      title={input.labels.title}
      description={input.labels.description}
      width={l.width}
      bodyHeight={l.bodyHeight}
      legend={{
        ...HEATMAP_LEGEND,
        entries: heatmapLegendItems(input).map((item, i) => ({
          key: String(i),
          label: item.text,
          swatchWidth: 14,
          swatch: <rect width={14} height={14} fill={item.band.fill} stroke={MUTED_INK} />,
        })),
      }}
      stamp={input.stamp}
      heading
      pixelSize
      fontSize={12}
    >
      <g className="heatmap-grid" dangerouslySetInnerHTML={{ __html: grid }} />
    </ChartFrame>,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
}
