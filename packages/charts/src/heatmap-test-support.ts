// The heatmap export tests' grid: every coverage band and the no-requirement mark in turn, row
// labels with markup characters, and a three-line stamp.
import type { HeatmapImageInput } from "./heatmap-export";

/** A `rows` × `columns` grid whose coverage steps through the bands along each diagonal. */
export function heatmapGrid(rows: number, columns: number): HeatmapImageInput {
  const coverage = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => ((r + c) % 6 === 5 ? null : ((r + c) % 6) / 4)),
  );
  return {
    rows: Array.from({ length: rows }, (_, r) => ({
      key: `T${r}`,
      label: `${r + 1}. Task <${r}>`,
    })),
    columns: Array.from({ length: columns }, (_, c) => ({ key: String(c), label: `${2020 + c}` })),
    coverage,
    cellText: (r, c) => {
      const v = coverage[r]?.[c] ?? null;
      return v === null ? "—" : `${Math.round(v * 100)}%`;
    },
    labels: {
      title: "Coverage by task & period, MINUSCA",
      description: "Each cell: funded ÷ requirement.",
      bands: ["0–25%", "25–50%", "50–75%", "75–100%", "≥100%"],
      noRequirement: "no requirement",
    },
    stamp: ["Data as of 1 Dec 2025", "Rates in force: EUR 0.9 from 1 Nov 2025", "Filters: none"],
  };
}
