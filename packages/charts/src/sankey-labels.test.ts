import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flowSankeyLayout } from "./sankey-layout";
import type { FlowLinkDatum, FlowNodeDatum } from "./sankey-layout";
import { fitLabel, freeCentre, placeSankeyLabels, spreadApart } from "./sankey-labels";
import { expectClear, layeredGraph, layeredGraphs, leaderEntersBand } from "./sankey-test-support";

describe("fitLabel and spreadApart", () => {
  it("cuts a label to its room with an ellipsis, keeping short ones whole", () => {
    expect(fitLabel("UNDP", 10)).toBe("UNDP");
    expect(fitLabel("Protection of civilians", 10)).toBe("Protectio…");
    expect(fitLabel("Protection of civilians", 10)).toHaveLength(10);
    expect(fitLabel("Anything", 1)).toBe("…");
  });

  it("keeps centres where they are when they do not collide, and pushes apart those that do", () => {
    expect(spreadApart([10, 40, 80], 14, 0, 100)).toEqual([10, 40, 80]);
    expect(spreadApart([10, 12, 14], 10, 0, 100)).toEqual([10, 20, 30]);
    // Crowded at the bottom: pushed up from the bound, keeping their order.
    expect(spreadApart([90, 95, 100], 10, 0, 100)).toEqual([80, 90, 100]);
  });

  it("finds the free centre nearest the wanted one, or none", () => {
    expect(freeCentre(50, 0, 100, [])).toBe(50);
    expect(freeCentre(50, 0, 100, [[40, 70]])).toBe(40);
    expect(freeCentre(65, 0, 100, [[40, 70]])).toBe(70);
    expect(freeCentre(50, 45, 60, [[40, 70]])).toBeNull();
    expect(freeCentre(150, 0, 100, [[90, 120]])).toBe(90);
  });

  it("for any centres: order kept, spacing kept, within bounds whenever they fit", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -50, max: 500, noNaN: true }), { maxLength: 30 }),
        fc.double({ min: 1, max: 30, noNaN: true }),
        (raw, spacing) => {
          const wanted = [...raw].sort((a, b) => a - b);
          const out = spreadApart(wanted, spacing, 0, 400);
          for (let i = 1; i < out.length; i++)
            expect(out[i]! - out[i - 1]!).toBeGreaterThanOrEqual(spacing - 1e-9);
          if (out.length) expect(out[0]!).toBeGreaterThanOrEqual(0);
          if ((out.length - 1) * spacing <= 400 && out.length)
            expect(out.at(-1)!).toBeLessThanOrEqual(400 + 1e-9);
        },
      ),
    );
  });
});

// Four columns: donors → pooled fund → agencies → tasks, with long names in the middle.
const nodes: FlowNodeDatum[] = [
  { id: "org:USA", kind: "organization", label: "United States of America", code: "USA" },
  { id: "org:NOR", kind: "organization", label: "Norway", code: "NOR" },
  { id: "org:SWE", kind: "organization", label: "Sweden", code: "SWE" },
  {
    id: "org:PBF",
    kind: "pooled_fund",
    label: "Peacebuilding Fund (Secretary-General)",
    code: "PBF",
  },
  {
    id: "org:UNDP",
    kind: "organization",
    label: "United Nations Development Programme",
    code: "UNDP",
  },
  {
    id: "org:UNICEF",
    kind: "organization",
    label: "United Nations Children's Fund",
    code: "UNICEF",
  },
  { id: "org:WFP", kind: "organization", label: "World Food Programme", code: "WFP" },
  {
    id: "task:POC",
    kind: "task",
    label: "Protection of civilians and human rights",
    code: "POC",
    rank: 1,
  },
  { id: "task:STATE", kind: "task", label: "Extension of State authority", code: "STATE", rank: 2 },
  { id: "task:PEACE", kind: "task", label: "Support to the peace process", code: "PEACE", rank: 3 },
];
const links: FlowLinkDatum[] = [
  { source: "org:USA", target: "org:UNDP", cents: 9_000, kind: "contribution" },
  { source: "org:NOR", target: "org:PBF", cents: 300, kind: "contribution" },
  { source: "org:SWE", target: "org:PBF", cents: 200, kind: "contribution" },
  { source: "org:PBF", target: "org:UNICEF", cents: 250, kind: "transfer" },
  { source: "org:PBF", target: "org:WFP", cents: 250, kind: "transfer" },
  { source: "org:UNDP", target: "task:POC", cents: 5_000, kind: "allocation" },
  { source: "org:UNDP", target: "task:STATE", cents: 4_000, kind: "allocation" },
  { source: "org:UNICEF", target: "task:PEACE", cents: 250, kind: "allocation" },
  { source: "org:WFP", target: "task:PEACE", cents: 250, kind: "allocation" },
];

describe("placeSankeyLabels", () => {
  const size = { width: 600, height: 300 };
  const layout = flowSankeyLayout(nodes, links, size);
  const bands = layout.links.map((l) => l.box);
  const labels = placeSankeyLabels(layout.nodes, layout.links, { ...size, margin: 150 });
  const label = (id: string) => labels.find((l) => l.id === id)!;
  const node = (id: string) => layout.nodes.find((n) => n.id === id)!;

  it("puts the first column's labels in the left margin and the last column's in the right", () => {
    expect(label("org:USA")).toMatchObject({ anchor: "end", place: "margin", leader: null });
    expect(label("org:USA").box.x1).toBeLessThanOrEqual(0);
    expect(label("task:POC")).toMatchObject({ anchor: "start", place: "margin", leader: null });
    expect(label("task:POC").box.x0).toBeGreaterThanOrEqual(size.width);
  });

  it("sets a middle label where no band runs: above the plot for an upper node, below for a lower one, with a leader", () => {
    // UNDP's bands leave and enter along its whole height: nowhere beside it is free.
    const undp = node("org:UNDP");
    const l = label("org:UNDP");
    expect(l).toMatchObject({ place: "above", anchor: "start", x: undp.x1 + 6 });
    expect(l.box.y1).toBeLessThanOrEqual(0);
    expect(l.leader![0]).toEqual([undp.x1, undp.y0]);
    // Cut to the room before the next column's nodes, the full name kept for the <title>.
    const next = Math.min(...layout.nodes.filter((n) => n.column === 2).map((n) => n.x0));
    expect(l.box.x1).toBeLessThanOrEqual(next);
    expect(l).toMatchObject({ truncated: true, full: "United Nations Development Programme" });
    expect(l.text.endsWith("…")).toBe(true);
    for (const id of ["org:PBF", "org:UNICEF", "org:WFP"]) {
      expect(label(id).place).toBe("below");
      expect(label(id).box.y0).toBeGreaterThanOrEqual(size.height);
    }
    // Below the plot the labels keep the nodes' order, top to bottom.
    expect(label("org:UNICEF").y).toBeLessThan(label("org:WFP").y);
  });

  it("routes a leader off the bands where its node has a way out, and marks the one that has none", () => {
    // UNDP tops its column, PBF and WFP end theirs: their leaders leave along the first lane.
    for (const id of ["org:UNDP", "org:PBF", "org:WFP"]) {
      expect(label(id).leaderCrossesBands, id).toBe(false);
      const [corner, lane] = label(id).leader!;
      expect(lane![0] - corner![0], id).toBe(4);
    }
    // UNICEF is hemmed in: UNDP's bands to STATE pass over it, WFP's band leaves under it. Its
    // leader takes the cheaper way, down across WFP's thin band only.
    expect(label("org:UNICEF")).toMatchObject({ place: "below", leaderCrossesBands: true });
    const crossed = layout.links.filter((band) =>
      leaderEntersBand(label("org:UNICEF").leader!, band),
    );
    expect(crossed.map((b) => `${b.source}→${b.target}`)).toEqual(["org:WFP→task:PEACE"]);
  });

  it("never lets a label touch another label, a node or a band, nor a leader cross anything", () => {
    expectClear(layout.nodes, bands, labels);
  });

  it("sets a middle label beside its node, level with it, when no band runs there", () => {
    // A fund that receives more than it passes on: under its outgoing band, its right side is free.
    const graph = flowSankeyLayout(
      [
        { id: "org:D", kind: "organization", label: "Donor", code: "D" },
        { id: "org:F", kind: "pooled_fund", label: "Fund", code: "F" },
        { id: "task:T", kind: "task", label: "Task", code: "T", rank: 1 },
        { id: "task:U", kind: "task", label: "Other task", code: "U", rank: 2 },
        { id: "org:E", kind: "organization", label: "Agency", code: "E" },
      ],
      [
        { source: "org:D", target: "org:F", cents: 1_000, kind: "contribution" },
        { source: "org:F", target: "task:T", cents: 100, kind: "allocation" },
        { source: "org:D", target: "org:E", cents: 50, kind: "contribution" },
        { source: "org:E", target: "task:U", cents: 50, kind: "allocation" },
      ],
      size,
    );
    const placed = placeSankeyLabels(graph.nodes, graph.links, { ...size, margin: 150 });
    const fund = graph.nodes.find((n) => n.id === "org:F")!;
    const l = placed.find((p) => p.id === "org:F")!;
    expect(l).toMatchObject({ place: "beside", anchor: "start", leader: null });
    expect(l.y).toBeGreaterThanOrEqual(fund.y0);
    expect(l.y).toBeLessThanOrEqual(fund.y1);
    expectClear(
      graph.nodes,
      graph.links.map((b) => b.box),
      placed,
    );
  });

  it("keeps labels apart for any graph of tiny flows crowding a column", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1_000 }), { minLength: 1, maxLength: 14 }),
        (amounts) => {
          const donors = amounts.map((_, i) => ({
            id: `org:D${i}`,
            kind: "organization",
            label: `Donor number ${i} with a long name`,
            code: `D${i}`,
          }));
          const graph = flowSankeyLayout(
            [
              ...donors,
              { id: "org:A", kind: "organization", label: "Agency", code: "A" },
              { id: "task:T", kind: "task", label: "Task", code: "T", rank: 1 },
            ],
            [
              ...amounts.map((cents, i) => ({
                source: `org:D${i}`,
                target: "org:A",
                cents,
                kind: "contribution" as const,
              })),
              {
                source: "org:A",
                target: "task:T",
                cents: amounts.reduce((a, b) => a + b, 0),
                kind: "allocation" as const,
              },
            ],
            size,
          );
          expectClear(
            graph.nodes,
            graph.links.map((l) => l.box),
            placeSankeyLabels(graph.nodes, graph.links, { ...size, margin: 150 }),
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it("for any layered graph: no label box intersects any band's path box, a node or a label, and no leader crosses", () => {
    fc.assert(
      fc.property(layeredGraphs, (g) => {
        const size = { width: g.width, height: g.height };
        const { nodes: graphNodes, links: graphLinks } = layeredGraph(g);
        const graph = flowSankeyLayout(graphNodes, graphLinks, size);
        expectClear(
          graph.nodes,
          graph.links.map((l) => l.box),
          placeSankeyLabels(graph.nodes, graph.links, { ...size, margin: 150 }),
        );
      }),
      { numRuns: 150 },
    );
  });
});
