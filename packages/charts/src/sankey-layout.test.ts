import { describe, expect, it } from "vitest";
import { cyclicLinks, flowSankeyLayout, nodeFilter } from "./sankey-layout";
import type { FlowLinkDatum, FlowNodeDatum } from "./sankey-layout";

const nodes: FlowNodeDatum[] = [
  { id: "org:USA", kind: "organization", label: "United States", code: "USA" },
  { id: "org:NOR", kind: "organization", label: "Norway", code: "NOR" },
  { id: "org:PBF", kind: "pooled_fund", label: "Peacebuilding Fund", code: "PBF" },
  { id: "org:UNDP", kind: "organization", label: "UNDP", code: "UNDP" },
  { id: "task:PEACE", kind: "task", label: "Peace process", code: "PEACE", rank: 3 },
  { id: "task:POC", kind: "task", label: "Protection of civilians", code: "POC", rank: 1 },
  { id: "unallocated:PBF", kind: "unallocated", label: "PBF", code: "PBF" },
];
const links: FlowLinkDatum[] = [
  { source: "org:USA", target: "org:UNDP", cents: 6_000, kind: "contribution" },
  { source: "org:NOR", target: "org:PBF", cents: 3_000, kind: "contribution" },
  { source: "org:PBF", target: "org:UNDP", cents: 2_000, kind: "transfer" },
  { source: "org:PBF", target: "unallocated:PBF", cents: 1_000, kind: "allocation" },
  { source: "org:UNDP", target: "task:POC", cents: 5_000, kind: "allocation" },
  { source: "org:UNDP", target: "task:PEACE", cents: 3_000, kind: "allocation" },
];

describe("flow diagram maths", () => {
  const layout = flowSankeyLayout(nodes, links, { width: 600, height: 300 });
  const node = (id: string) => layout.nodes.find((n) => n.id === id)!;

  it("keeps exact cents on nodes: a pooled fund passes on what it receives, counted once", () => {
    expect(node("org:PBF")).toMatchObject({ inCents: 3_000, outCents: 3_000 });
    expect(node("org:UNDP")).toMatchObject({ inCents: 8_000, outCents: 8_000 });
    const sources = layout.nodes.filter((n) => n.inCents === 0).reduce((s, n) => s + n.outCents, 0);
    const sinks = layout.nodes.filter((n) => n.outCents === 0).reduce((s, n) => s + n.inCents, 0);
    expect(sources).toBe(9_000);
    expect(sinks).toBe(9_000);
  });

  it("runs donors → pooled fund → entity → tasks left to right, tasks in rank order", () => {
    expect(node("org:USA").column).toBe(0);
    expect(node("org:PBF").column).toBeLessThan(node("org:UNDP").column);
    expect(node("task:POC").column).toBe(layout.columns - 1);
    expect(node("task:POC").y0).toBeLessThan(node("task:PEACE").y0);
    for (const l of layout.links) expect(node(l.source).x1).toBeLessThanOrEqual(node(l.target).x0);
    // Link widths are proportional to money.
    const w = (s: string, t: string) =>
      layout.links.find((l) => l.source === s && l.target === t)!.width;
    expect(w("org:USA", "org:UNDP") / w("org:PBF", "org:UNDP")).toBeCloseTo(3);
    expect(layout.omitted).toEqual([]);
  });

  it("gives each band the box its path sweeps: between its nodes, half its width around its ends", () => {
    for (const l of layout.links) {
      const numbers = l.path.match(/-?\d+(\.\d+)?(e-?\d+)?/g)!.map(Number);
      const xs = numbers.filter((_, i) => i % 2 === 0);
      const ys = numbers.filter((_, i) => i % 2 === 1);
      // A cubic Bézier stays within its control points: the centre line is inside the box.
      expect(l.box.x0).toBe(node(l.source).x1);
      expect(l.box.x1).toBe(node(l.target).x0);
      for (const x of xs) expect(x).toBeGreaterThanOrEqual(l.box.x0 - 1e-9);
      for (const x of xs) expect(x).toBeLessThanOrEqual(l.box.x1 + 1e-9);
      expect(Math.min(...ys) - l.width / 2).toBeCloseTo(l.box.y0, 9);
      expect(Math.max(...ys) + l.width / 2).toBeCloseTo(l.box.y1, 9);
    }
  });

  it("leaves out a link that would close a cycle instead of failing", () => {
    const cycle = [
      ...links,
      { source: "org:UNDP", target: "org:USA", cents: 1, kind: "transfer" } as const,
    ];
    expect(cyclicLinks(nodes, cycle)).toHaveLength(1);
    const laid = flowSankeyLayout(nodes, cycle, { width: 600, height: 300 });
    expect(laid.omitted).toHaveLength(1);
    expect(laid.links).toHaveLength(links.length);
  });

  it("turns a selected node into a filter: task, receiving entity or giving donor", () => {
    expect(nodeFilter(node("task:POC"), links)).toEqual({ task: "POC" });
    expect(nodeFilter(node("org:UNDP"), links)).toEqual({ entity: "UNDP" });
    expect(nodeFilter(node("org:USA"), links)).toEqual({ donor: "USA" });
    expect(nodeFilter(node("org:PBF"), links)).toEqual({ entity: "PBF" });
    expect(nodeFilter({ id: "task:not-specified", kind: "task", code: null }, links)).toBeNull();
  });

  it("lays out nothing for no money", () => {
    expect(flowSankeyLayout(nodes, [], { width: 600, height: 300 }).nodes).toEqual([]);
  });
});
