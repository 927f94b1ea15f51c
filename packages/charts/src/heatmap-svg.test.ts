import { describe, expect, it } from "vitest";
import { REACT_EMPTY, REACT_HOSTILE, REACT_SMALL } from "./__fixtures__/heatmap-svg-react";
import { heatmapSvg } from "./heatmap-svg";
import { heatmapGrid } from "./heatmap-test-support";
import type { HeatmapImageInput } from "./heatmap-export";

const HOSTILE = `<script>&"'`;

/** Markup characters and both quotes in every text and attribute the input reaches. */
function hostileInput(): HeatmapImageInput {
  return {
    ...heatmapGrid(2, 2),
    rows: [
      { key: HOSTILE, label: HOSTILE },
      { key: "k", label: `${HOSTILE} a very long label that runs past forty characters` },
    ],
    columns: [
      { key: "a", label: HOSTILE },
      { key: "b", label: "b" },
    ],
    cellText: () => HOSTILE,
    labels: {
      title: HOSTILE,
      description: HOSTILE,
      bands: [HOSTILE, "2", "3", "4", "5"],
      noRequirement: HOSTILE,
    },
    stamp: [HOSTILE],
  };
}

function parseSvg(text: string): Document {
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  expect(doc.querySelector("parsererror")).toBeNull();
  return doc;
}

type Shape = string | { name: string; attributes: string[][]; children: Shape[] };

/**
 * The document as a tree of names, attributes in order and texts. Ids are React's own in the
 * reference, so each id, and each reference to it, is written as its element's position among
 * the ids: a reference that pointed elsewhere would still differ.
 */
function shape(doc: Document): Shape {
  const ids = [...doc.querySelectorAll("[id]")].map((e) => e.getAttribute("id"));
  const idRefs = new Set(["id", "aria-labelledby", "aria-describedby"]);
  const walk = (node: Node): Shape => {
    if (node.nodeType !== 1) return node.textContent ?? "";
    const element = node as Element;
    return {
      name: element.tagName,
      attributes: [...element.attributes].map((a) => [
        a.name,
        idRefs.has(a.name) ? `#${ids.indexOf(a.value)}` : a.value,
      ]),
      children: [...element.childNodes].map(walk),
    };
  };
  return walk(doc.documentElement);
}

describe("heatmap SVG written as text", () => {
  it.each([
    ["a 3 × 4 grid", heatmapGrid(3, 4), REACT_SMALL],
    ["hostile names", hostileInput(), REACT_HOSTILE],
    ["an empty grid without stamp", { ...heatmapGrid(0, 0), stamp: [] }, REACT_EMPTY],
  ])(
    "is the document React's static renderer wrote: %s",
    async (_, input: HeatmapImageInput, reference) => {
      const svg = await heatmapSvg(input);
      expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
      expect(svg.endsWith("</svg>\n")).toBe(true);
      expect(shape(parseSvg(svg))).toEqual(shape(parseSvg(reference)));
    },
  );

  it("escapes hostile names in every text and attribute, and parses as XML", async () => {
    const svg = await heatmapSvg(hostileInput());
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain(`"'`);
    // Title, desc, heading, 2 legend labels, column, row key, 2 row labels and the long one's
    // tooltip, 4 cells, stamp.
    expect(svg.match(/&lt;script&gt;&amp;&quot;&#39;/g)).toHaveLength(15);
    const doc = parseSvg(svg);
    expect(doc.querySelector("script")).toBeNull();
    expect(doc.querySelector("title")?.textContent).toBe(HOSTILE);
    expect(doc.querySelector(".heatmap-row")?.getAttribute("data-row")).toBe(HOSTILE);
    const values = [...doc.querySelectorAll(".heatmap-value")].map((t) => t.textContent);
    expect(values).toEqual([HOSTILE, HOSTILE, HOSTILE, HOSTILE]);
    expect(doc.querySelector(".chart-stamp")?.textContent).toBe(HOSTILE);
  });
});
