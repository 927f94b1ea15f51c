// The coverage heatmap as a standalone image for briefing notes. The screen draws it on a canvas
// (only the visible cells); an export needs every cell, so it is built here apart: an SVG
// document (role="img", title, description, every cell's value as text) and a PNG painted on a
// canvas. Large grids take a while: both work a few rows at a time and hand the main thread back
// between batches (`pause`), so the page stays responsive while they run.
import { COVERAGE_BANDS, NO_REQUIREMENT_BAND, coverageBand } from "./heatmap-layout";
import { GRID, INK, MUTED_INK } from "./palette";

export interface HeatmapImageInput {
  rows: readonly { key: string; label: string }[];
  columns: readonly { key: string; label: string }[];
  coverage: readonly (readonly (number | null)[])[];
  cellText: (row: number, column: number) => string;
  labels: {
    title: string;
    description: string;
    /** Each band's range ("0–25%"), then the no-requirement mark. */
    bands: readonly string[];
    noRequirement: string;
  };
  /** Lines under the grid: as-of time, rates in force, filters. */
  stamp: readonly string[];
}

export interface HeatmapImageLayout {
  width: number;
  height: number;
  legendHeight: number;
  headerHeight: number;
  labelWidth: number;
  columnWidth: number;
  rowHeight: number;
  /** y of the first row's top. */
  gridTop: number;
  /** y of the first stamp line's baseline. */
  stampTop: number;
}

const LEGEND = 28;
const HEADER = 30;
const STAMP_LINE = 14;
const TITLE = 26;

/** Where everything goes in the exported image (rows are never cut: the image is as tall as the grid). */
export function heatmapImageLayout(
  input: Pick<HeatmapImageInput, "rows" | "columns" | "stamp">,
  cell: { labelWidth?: number; columnWidth?: number; rowHeight?: number } = {},
): HeatmapImageLayout {
  const labelWidth = cell.labelWidth ?? 260;
  const columnWidth = cell.columnWidth ?? 84;
  const rowHeight = cell.rowHeight ?? 24;
  const gridTop = TITLE + LEGEND + HEADER;
  const gridBottom = gridTop + input.rows.length * rowHeight;
  const stampTop = gridBottom + 20;
  return {
    width: Math.max(640, labelWidth + input.columns.length * columnWidth + 8),
    height: stampTop + Math.max(0, input.stamp.length - 1) * STAMP_LINE + 12,
    legendHeight: LEGEND,
    headerHeight: HEADER,
    labelWidth,
    columnWidth,
    rowHeight,
    gridTop,
    stampTop,
  };
}

/** Text safe inside an XML element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/** A row label cut to its column, as on screen. */
function rowLabel(label: string): string {
  return label.length > 40 ? `${label.slice(0, 39)}…` : label;
}

/** Yields to the event loop (a macrotask), so input and painting go on between batches. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface ChunkOptions {
  /** Rows per batch before handing the thread back. */
  rowsPerBatch?: number;
  pause?: () => Promise<void>;
}

function legendItems(input: HeatmapImageInput) {
  return [
    ...COVERAGE_BANDS.map((band, i) => ({ band, text: input.labels.bands[i] ?? "" })),
    { band: NO_REQUIREMENT_BAND, text: input.labels.noRequirement },
  ];
}

/**
 * The heatmap as an SVG document: `<svg role="img">` with `<title>` and `<desc>`, the legend,
 * every cell (colour band and its value as text) and the stamp lines. Built `rowsPerBatch`
 * rows at a time with a pause between batches.
 *
 * @example await heatmapSvg({ rows, columns, coverage, cellText, labels, stamp }) // → '<?xml version="1.0" …<svg … role="img" …'
 */
export async function heatmapSvg(
  input: HeatmapImageInput,
  { rowsPerBatch = 100, pause = nextTask }: ChunkOptions = {},
): Promise<string> {
  const l = heatmapImageLayout(input);
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="heatmap-title heatmap-desc" width="${l.width}" height="${l.height}" viewBox="0 0 ${l.width} ${l.height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<title id="heatmap-title">${escapeXml(input.labels.title)}</title>`,
    `<desc id="heatmap-desc">${escapeXml(input.labels.description)}</desc>`,
    `<rect width="${l.width}" height="${l.height}" fill="#fff"/>`,
    `<text x="4" y="17" font-size="14" font-weight="700" fill="${INK}">${escapeXml(input.labels.title)}</text>`,
    '<g class="heatmap-legend" aria-hidden="true">',
  ];
  legendItems(input).forEach((item, i) => {
    const x = 4 + i * 120;
    parts.push(
      `<rect x="${x}" y="${TITLE + 4}" width="14" height="14" fill="${item.band.fill}" stroke="${MUTED_INK}"/>`,
      `<text x="${x + 18}" y="${TITLE + 15}" fill="${INK}">${escapeXml(item.text)}</text>`,
    );
  });
  parts.push("</g>", '<g class="heatmap-header">');
  const headerY = TITLE + LEGEND + l.headerHeight / 2 + 4;
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
    const y = l.gridTop + r * l.rowHeight;
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
  parts.push("</g>", `<g class="chart-stamp" fill="${MUTED_INK}" font-size="10">`);
  input.stamp.forEach((line, i) => {
    parts.push(`<text x="4" y="${l.stampTop + i * STAMP_LINE}">${escapeXml(line)}</text>`);
  });
  parts.push("</g>", "</svg>\n");
  return parts.join("");
}

/**
 * Pixels per unit for the PNG: twice the size for sharpness, less when the grid is so large that
 * the canvas would pass the browser's limits (32,767 px a side, ~268 million pixels).
 * @example pngScale(1000, 600) // → 2
 */
export function pngScale(width: number, height: number): number {
  const bySide = 32_000 / Math.max(width, height);
  const byArea = Math.sqrt(200_000_000 / (width * height));
  return Math.min(2, bySide, byArea);
}

/** The drawing calls the PNG needs: a subset of CanvasRenderingContext2D. */
export type HeatmapCanvasContext = Pick<
  CanvasRenderingContext2D,
  | "fillStyle"
  | "strokeStyle"
  | "lineWidth"
  | "font"
  | "textAlign"
  | "textBaseline"
  | "fillRect"
  | "strokeRect"
  | "fillText"
  | "setTransform"
>;

/**
 * One cell on a canvas: its band's fill, the grid line and its value centred in the band's ink.
 * The screen's heatmap and the PNG export both paint cells with it.
 */
export function paintCell(
  ctx: HeatmapCanvasContext,
  box: { x: number; y: number; width: number; height: number },
  coverage: number | null,
  text: string,
): void {
  const band = coverageBand(coverage);
  ctx.fillStyle = band.fill;
  ctx.fillRect(box.x, box.y, box.width, box.height);
  ctx.strokeStyle = GRID;
  ctx.lineWidth = 1;
  ctx.strokeRect(box.x + 0.5, box.y + 0.5, box.width - 1, box.height - 1);
  ctx.fillStyle = band.ink;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.fillText(text, box.x + box.width / 2, box.y + box.height / 2);
}

/**
 * Paints the whole heatmap (as the SVG export lays it out) on a 2D context already sized to
 * `layout.width × scale` by `layout.height × scale`, a batch of rows at a time.
 */
export async function paintHeatmapImage(
  ctx: HeatmapCanvasContext,
  input: HeatmapImageInput,
  scale: number,
  { rowsPerBatch = 100, pause = nextTask }: ChunkOptions = {},
): Promise<void> {
  const l = heatmapImageLayout(input);
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, l.width, l.height);
  ctx.textBaseline = "alphabetic";
  ctx.textAlign = "left";
  ctx.fillStyle = INK;
  ctx.font = "700 14px system-ui, sans-serif";
  ctx.fillText(input.labels.title, 4, 17);
  ctx.font = "12px system-ui, sans-serif";
  legendItems(input).forEach((item, i) => {
    const x = 4 + i * 120;
    ctx.fillStyle = item.band.fill;
    ctx.fillRect(x, TITLE + 4, 14, 14);
    ctx.strokeStyle = MUTED_INK;
    ctx.lineWidth = 1;
    ctx.strokeRect(x + 0.5, TITLE + 4.5, 13, 13);
    ctx.fillStyle = INK;
    ctx.fillText(item.text, x + 18, TITLE + 15);
  });
  ctx.textAlign = "center";
  const headerY = TITLE + LEGEND + l.headerHeight / 2 + 4;
  input.columns.forEach((column, c) => {
    ctx.fillText(column.label, l.labelWidth + c * l.columnWidth + l.columnWidth / 2, headerY);
  });
  for (let r = 0; r < input.rows.length; r++) {
    if (r > 0 && r % rowsPerBatch === 0) await pause();
    const y = l.gridTop + r * l.rowHeight;
    const mid = y + l.rowHeight / 2 + 4;
    ctx.textAlign = "left";
    ctx.fillStyle = INK;
    ctx.fillText(rowLabel(input.rows[r]!.label), 4, mid);
    for (let c = 0; c < input.columns.length; c++)
      paintCell(
        ctx,
        { x: l.labelWidth + c * l.columnWidth, y, width: l.columnWidth, height: l.rowHeight },
        input.coverage[r]?.[c] ?? null,
        input.cellText(r, c),
      );
    ctx.textBaseline = "alphabetic";
  }
  ctx.textAlign = "left";
  ctx.fillStyle = MUTED_INK;
  ctx.font = "10px system-ui, sans-serif";
  input.stamp.forEach((line, i) => {
    ctx.fillText(line, 4, l.stampTop + i * STAMP_LINE);
  });
}

/**
 * The heatmap as a PNG: painted on a canvas a batch of rows at a time, then encoded by the
 * browser (off the main thread).
 */
export async function heatmapPng(
  input: HeatmapImageInput,
  options: ChunkOptions = {},
): Promise<Blob> {
  const l = heatmapImageLayout(input);
  const scale = pngScale(l.width, l.height);
  const canvas = document.createElement("canvas");
  canvas.width = Math.floor(l.width * scale);
  canvas.height = Math.floor(l.height * scale);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("no 2D canvas");
  await paintHeatmapImage(ctx, input, scale, options);
  return await new Promise<Blob>((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (blob) resolve(blob);
      else reject(new Error("the PNG could not be encoded"));
    }, "image/png");
  });
}
