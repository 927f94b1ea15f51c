// The coverage heatmap as a standalone image for briefing notes. The screen draws it on a canvas
// (only the visible cells); an export needs every cell, so it is built apart: an SVG document in
// the charts' frame (heatmap-svg.ts) and, here, a PNG painted on a canvas with the same layout.
// Large grids take a while: both work a few rows at a time and hand the main thread back between
// batches (`pause`), so the page stays responsive while they run.
import {
  FRAME_INSET,
  HEADING_BASELINE,
  SWATCH_HEIGHT,
  chartFrameLayout,
} from "./chart-frame-layout";
import type { ChartFrameLayout } from "./chart-frame-layout";
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
  /** Height of the grid with its column header (the frame's body). */
  bodyHeight: number;
  /** y of the first row's top. */
  gridTop: number;
  /** y of the first stamp line's baseline. */
  stampTop: number;
  /** The frame around the grid: heading, legend, stamp. */
  frame: ChartFrameLayout;
}

const HEADER = 30;
/** The legend: one entry a coverage band, then the no-requirement mark, in one row. */
export const HEATMAP_LEGEND = {
  count: COVERAGE_BANDS.length + 1,
  columns: COVERAGE_BANDS.length + 1,
  columnWidth: 120,
} as const;

/** Where everything goes in the exported image (rows are never cut: the image is as tall as the grid). */
export function heatmapImageLayout(
  input: Pick<HeatmapImageInput, "rows" | "columns" | "stamp">,
  cell: { labelWidth?: number; columnWidth?: number; rowHeight?: number } = {},
): HeatmapImageLayout {
  const labelWidth = cell.labelWidth ?? 260;
  const columnWidth = cell.columnWidth ?? 84;
  const rowHeight = cell.rowHeight ?? 24;
  const width = Math.max(640, labelWidth + input.columns.length * columnWidth + 8);
  const bodyHeight = HEADER + input.rows.length * rowHeight + 6;
  const frame = chartFrameLayout({
    width,
    bodyHeight,
    legend: HEATMAP_LEGEND,
    stampLines: input.stamp.length,
    heading: true,
  });
  return {
    width,
    height: frame.height,
    legendHeight: frame.legendHeight,
    headerHeight: HEADER,
    labelWidth,
    columnWidth,
    rowHeight,
    bodyHeight,
    gridTop: frame.bodyTop + HEADER,
    stampTop: frame.stampBaselines[0] ?? frame.bodyTop + bodyHeight,
    frame,
  };
}

/** A row label cut to its column, as on screen. */
export function rowLabel(label: string): string {
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

/** The legend's entries: each band's range, then the no-requirement mark. */
export function heatmapLegendItems(input: HeatmapImageInput) {
  return [
    ...COVERAGE_BANDS.map((band, i) => ({ band, text: input.labels.bands[i] ?? "" })),
    { band: NO_REQUIREMENT_BAND, text: input.labels.noRequirement },
  ];
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
  ctx.fillText(input.labels.title, FRAME_INSET, HEADING_BASELINE);
  ctx.font = "12px system-ui, sans-serif";
  ctx.textBaseline = "middle";
  heatmapLegendItems(input).forEach((item, i) => {
    const at = l.frame.legendEntries[i]!;
    ctx.fillStyle = item.band.fill;
    ctx.fillRect(at.x, at.y, SWATCH_HEIGHT, SWATCH_HEIGHT);
    ctx.strokeStyle = MUTED_INK;
    ctx.lineWidth = 1;
    ctx.strokeRect(at.x + 0.5, at.y + 0.5, SWATCH_HEIGHT - 1, SWATCH_HEIGHT - 1);
    ctx.fillStyle = INK;
    ctx.fillText(item.text, at.x + SWATCH_HEIGHT + 6, at.y + SWATCH_HEIGHT / 2);
  });
  ctx.textBaseline = "alphabetic";
  ctx.textAlign = "center";
  const headerY = l.gridTop - l.headerHeight / 2 + 4;
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
    ctx.fillText(line, FRAME_INSET, l.frame.stampBaselines[i]!);
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
