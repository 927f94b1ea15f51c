import { describe, expect, it } from "vitest";
import { COVERAGE_BANDS } from "./heatmap-layout";
import { heatmapImageLayout, paintHeatmapImage, pngScale } from "./heatmap-export";
import { heatmapSvg } from "./heatmap-svg";
import { heatmapGrid as grid } from "./heatmap-test-support";
import { expectFramed } from "./test-support";
import type { HeatmapCanvasContext } from "./heatmap-export";

const parse = (svg: string) => new DOMParser().parseFromString(svg, "image/svg+xml");

describe("heatmap SVG export", () => {
  it("is an svg role=img with title and description, every cell's value, the legend and the stamp", async () => {
    const input = grid(3, 4);
    const doc = parse(await heatmapSvg(input));
    const svg = doc.documentElement;
    expectFramed(svg, { ...input.labels, stamp: input.stamp });
    // A file that travels alone says its title in the image too.
    expect(svg.querySelector(".chart-heading")?.textContent).toBe(input.labels.title);
    const values = [...svg.querySelectorAll(".heatmap-value")].map((t) => t.textContent);
    expect(values).toHaveLength(12);
    expect(values.slice(0, 4)).toEqual(["0%", "25%", "50%", "75%"]);
    // Row labels are escaped, not markup.
    expect(svg.querySelector(".heatmap-row")?.textContent).toContain("1. Task <0>");
    const legend = svg.querySelector(".chart-legend")?.textContent ?? "";
    expect(legend).toContain("≥100%");
    expect(legend).toContain("no requirement");
  });

  it("fills each cell with its coverage band (100% and above in the top band)", async () => {
    const input = grid(1, 6);
    const doc = parse(await heatmapSvg(input));
    const fills = [...doc.querySelectorAll(".heatmap-row rect")].map((r) => r.getAttribute("fill"));
    // 0, 0.25, 0.5, 0.75, 1 and null (no requirement: white).
    expect(fills).toEqual([...COVERAGE_BANDS.map((b) => b.fill), "#ffffff"]);
  });

  it("hands the thread back between batches of rows on a large grid", async () => {
    let pauses = 0;
    const svg = await heatmapSvg(grid(500, 3), {
      rowsPerBatch: 50,
      pause: () => {
        pauses += 1;
        return Promise.resolve();
      },
    });
    expect(pauses).toBe(9);
    // Every cell is there (counted on the text: parsing 1,500 cells in happy-dom is slow).
    expect(svg.match(/class="heatmap-value"/g)).toHaveLength(1_500);
  });
});

describe("heatmap PNG export", () => {
  it("sizes the image to the whole grid and scales it within the canvas limits", () => {
    const small = heatmapImageLayout(grid(5, 4));
    expect(small.gridTop + 5 * small.rowHeight).toBeLessThan(small.stampTop);
    expect(pngScale(small.width, small.height)).toBe(2);
    const huge = heatmapImageLayout(grid(2_000, 20));
    const scale = pngScale(huge.width, huge.height);
    expect(scale).toBeLessThan(2);
    expect(huge.height * scale).toBeLessThanOrEqual(32_000);
    expect(huge.width * huge.height * scale * scale).toBeLessThanOrEqual(200_000_000 + 1);
  });

  it("paints every cell's value and the stamp, a batch of rows at a time", async () => {
    const texts: string[] = [];
    const ctx = {
      fillStyle: "",
      strokeStyle: "",
      lineWidth: 1,
      font: "",
      textAlign: "left",
      textBaseline: "alphabetic",
      setTransform: () => undefined,
      fillRect: () => undefined,
      strokeRect: () => undefined,
      fillText: (text: string) => {
        texts.push(text);
      },
    } as unknown as HeatmapCanvasContext;
    const input = grid(7, 3);
    let pauses = 0;
    await paintHeatmapImage(ctx, input, 2, {
      rowsPerBatch: 3,
      pause: () => {
        pauses += 1;
        return Promise.resolve();
      },
    });
    expect(pauses).toBe(2);
    for (let r = 0; r < 7; r++)
      for (let c = 0; c < 3; c++) expect(texts).toContain(input.cellText(r, c));
    for (const line of input.stamp) expect(texts).toContain(line);
  });
});
