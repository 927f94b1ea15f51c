import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flowSankeyLayout } from "./sankey-layout";
import type { FlowLinkDatum, FlowNodeDatum } from "./sankey-layout";
import { fitLabel, placeSankeyLabels, spreadApart } from "./sankey-labels";
import type { PlacedLabel } from "./sankey-labels";

const overlaps = (a: PlacedLabel["box"], b: PlacedLabel["box"]) =>
  a.x0 < b.x1 - 1e-9 && b.x0 < a.x1 - 1e-9 && a.y0 < b.y1 - 1e-9 && b.y0 < a.y1 - 1e-9;

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
  const labels = placeSankeyLabels(layout.nodes, { ...size, margin: 150 });
  const label = (id: string) => labels.find((l) => l.id === id)!;

  it("puts the first column's labels in the left margin and the last column's in the right", () => {
    expect(label("org:USA")).toMatchObject({ anchor: "end", place: "margin" });
    expect(label("org:USA").box.x1).toBeLessThanOrEqual(0);
    expect(label("task:POC")).toMatchObject({ anchor: "start", place: "margin" });
    expect(label("task:POC").box.x0).toBeGreaterThanOrEqual(size.width);
  });

  it("puts a middle node's label beside it, ending before the next column's nodes", () => {
    const undp = layout.nodes.find((n) => n.id === "org:UNDP")!;
    const tasks = layout.nodes.filter((n) => n.id.startsWith("task:"));
    const l = label("org:UNDP");
    expect(l).toMatchObject({ place: "beside", anchor: "start", x: undp.x1 + 6 });
    expect(l.box.x1).toBeLessThanOrEqual(Math.min(...tasks.map((t) => t.x0)));
    expect(l.truncated).toBe(true);
    expect(l.full).toBe("United Nations Development Programme");
    expect(l.text.endsWith("…")).toBe(true);
  });

  it("never lets two labels overlap, nor a label cover a node", () => {
    for (const [i, a] of labels.entries())
      for (const b of labels.slice(i + 1))
        expect(overlaps(a.box, b.box), `${a.id} × ${b.id}`).toBe(false);
    for (const l of labels)
      for (const n of layout.nodes)
        expect(
          overlaps(l.box, { x0: n.x0, x1: n.x1, y0: n.y0, y1: n.y1 }),
          `${l.id} on ${n.id}`,
        ).toBe(false);
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
          const placed = placeSankeyLabels(graph.nodes, { ...size, margin: 150 });
          expect(placed).toHaveLength(graph.nodes.length);
          for (const [i, a] of placed.entries())
            for (const b of placed.slice(i + 1)) expect(overlaps(a.box, b.box)).toBe(false);
        },
      ),
      { numRuns: 40 },
    );
  });
});
