// The coverage heatmap alone, with a generated grid (default 500 tasks × 20 periods), for
// src/measure-heatmap.ts. Rows and columns come from the query string (?rows=500&columns=20).
import { createRoot } from "react-dom/client";
import { CoverageHeatmap } from "@coherence/charts";

const params = new URLSearchParams(location.search);
const ROWS = Number(params.get("rows") ?? 500);
const COLUMNS = Number(params.get("columns") ?? 20);

// A deterministic pseudo-random sequence, so every run draws the same grid.
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const rows = Array.from({ length: ROWS }, (_, i) => ({
  key: `TASK-${i + 1}`,
  label: `${i + 1}. Generated priority task number ${i + 1}`,
}));
const columns = Array.from({ length: COLUMNS }, (_, i) => ({
  key: String(i),
  label: `${2016 + Math.floor(i / 4)} Q${(i % 4) + 1}`,
}));
const coverage = rows.map(() =>
  columns.map((): number | null => (random() < 0.1 ? null : Math.round(random() * 1500) / 1000)),
);
const percent = new Intl.NumberFormat("en-US", { style: "percent", minimumFractionDigits: 1 });
const cellText = (r: number, c: number) => {
  const v = coverage[r]?.[c] ?? null;
  return v === null ? "—" : percent.format(v);
};

performance.mark("render-start");
createRoot(document.getElementById("root")!).render(
  <CoverageHeatmap
    rows={rows}
    columns={columns}
    coverage={coverage}
    cellText={cellText}
    describeCell={(r, c) => `${rows[r]!.label}, ${columns[c]!.label}: ${cellText(r, c)}`}
    labels={{
      title: "Coverage by task and period (generated)",
      instructions: "Arrow keys move between cells.",
      bands: ["under 25%", "25–50%", "50–75%", "75–100%", "100% or more"],
      noRequirement: "no requirement",
    }}
    maxHeight={600}
  />,
);
requestAnimationFrame(() => {
  requestAnimationFrame(() => {
    performance.mark("rendered");
  });
});
