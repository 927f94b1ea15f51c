import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flowSankeyLayout } from "./sankey-layout";
import type { FlowLinkDatum, FlowNodeDatum, SankeyLayoutResult } from "./sankey-layout";
import {
  boxesOverlap,
  LEADER_LANE_SPACING as LANE_SPACING,
  placeSankeyLabels,
} from "./sankey-labels";
import type { PlacedLabel } from "./sankey-labels";
import {
  expectClear,
  layeredGraph,
  layeredGraphs,
  leaderEntersBand,
  segments,
} from "./sankey-test-support";

function place(graph: SankeyLayoutResult, size: { width: number; height: number }) {
  return placeSankeyLabels(graph.nodes, graph.links, { ...size, margin: 150 });
}

/** A leader not marked as the fallback stays off every band's drawn area. */
function expectLeadersOffBands(graph: SankeyLayoutResult, labels: readonly PlacedLabel[]) {
  for (const l of labels) {
    if (!l.leader || l.leaderCrossesBands) continue;
    for (const band of graph.links)
      expect(
        leaderEntersBand(l.leader, band),
        `${l.id}'s leader across ${band.source}→${band.target}`,
      ).toBe(false);
  }
}

/**
 * The fallback is honest and used only where needed: a leader marked as crossing bands does run
 * into one, and a node with an open way out (the first lane beside its column, from its corner
 * to the plot's top or bottom edge, comes inside no band's stroke and crosses no node) gets a
 * leader that crosses none.
 */
function expectFallbackOnlyWhenHemmedIn(
  graph: SankeyLayoutResult,
  labels: readonly PlacedLabel[],
  height: number,
) {
  const openWay = (node: (typeof graph.nodes)[number], place: "above" | "below") => {
    const corner = place === "above" ? node.y0 : node.y1;
    const lane = node.x1 + LANE_SPACING;
    const route: [number, number][] = [
      [node.x1, corner],
      [lane, corner],
      [lane, place === "above" ? 0 : height],
    ];
    return (
      !graph.links.some((band) => leaderEntersBand(route, band, 0)) &&
      !segments(route).some((s) => graph.nodes.some((n) => boxesOverlap(s, n)))
    );
  };
  for (const l of labels) {
    if (!l.leader) continue;
    if (l.leaderCrossesBands)
      expect(
        graph.links.some((band) => leaderEntersBand(l.leader!, band, 0)),
        `${l.id}'s leader said to cross`,
      ).toBe(true);
    const node = graph.nodes.find((n) => n.id === l.id)!;
    if (openWay(node, "above") || openWay(node, "below"))
      expect(l.leaderCrossesBands, `${l.id} has a way out`).toBe(false);
  }
}

/**
 * Leader lanes keep their spacing: a leader's upright stretch is at least one lane from its
 * column's edge and from any other upright stretch beside it, and its last stretch (to the text)
 * at least half a lane long.
 */
function expectLanesApart(graph: SankeyLayoutResult, labels: readonly PlacedLabel[]) {
  const upright = labels.flatMap((l) =>
    l.leader
      ? segments(l.leader)
          .filter((s) => s.x0 === s.x1 && s.y0 !== s.y1)
          .map((s) => ({ id: l.id, edge: l.leader![0]![0], ...s }))
      : [],
  );
  for (const [i, a] of upright.entries()) {
    expect(a.x0 - a.edge, `${a.id}'s lane from its column`).toBeGreaterThanOrEqual(
      LANE_SPACING - 1e-9,
    );
    for (const b of upright.slice(i + 1))
      if (Math.min(a.y1, b.y1) > Math.max(a.y0, b.y0))
        expect(Math.abs(a.x0 - b.x0), `${a.id}'s lane by ${b.id}'s`).toBeGreaterThanOrEqual(
          LANE_SPACING - 1e-9,
        );
  }
  for (const l of labels)
    if (l.leader) {
      const [from, to] = l.leader.slice(-2) as [[number, number], [number, number]];
      expect(to[0] - from[0], `${l.id}'s last stretch`).toBeGreaterThanOrEqual(
        LANE_SPACING / 2 - 1e-9,
      );
    }
  expect(graph.nodes.length).toBeGreaterThan(0);
}

describe("leader lines", () => {
  it("for any layered graph: no leader crosses a band's drawn area, unless marked as the fallback", () => {
    fc.assert(
      fc.property(layeredGraphs, (g) => {
        const size = { width: g.width, height: g.height };
        const { nodes, links } = layeredGraph(g);
        const graph = flowSankeyLayout(nodes, links, size);
        expectLeadersOffBands(graph, place(graph, size));
      }),
      { numRuns: 150 },
    );
  });

  it("for any layered graph: the fallback is marked truly, and taken only by a node with no way out", () => {
    fc.assert(
      fc.property(layeredGraphs, (g) => {
        const size = { width: g.width, height: g.height };
        const { nodes, links } = layeredGraph(g);
        const graph = flowSankeyLayout(nodes, links, size);
        expectFallbackOnlyWhenHemmedIn(graph, place(graph, size), g.height);
      }),
      { numRuns: 150 },
    );
  });

  it("for any layered graph: lanes keep their spacing", () => {
    fc.assert(
      fc.property(layeredGraphs, (g) => {
        const size = { width: g.width, height: g.height };
        const { nodes, links } = layeredGraph(g);
        const graph = flowSankeyLayout(nodes, links, size);
        expectLanesApart(graph, place(graph, size));
      }),
      { numRuns: 150 },
    );
  });
});

// A donor's big flow through one agency to one task, and a crowd of small agencies between it
// and a fund below: every small agency is hemmed in by the bands around it.
function crowdedMiddle(count: number): { nodes: FlowNodeDatum[]; links: FlowLinkDatum[] } {
  const small = Array.from({ length: count }, (_, i) => `org:E${i}`);
  return {
    nodes: [
      { id: "org:USA", kind: "organization", label: "United States of America", code: "USA" },
      { id: "org:NOR", kind: "organization", label: "Norway", code: "NOR" },
      { id: "org:DPO", kind: "organization", label: "Department of Peace Operations", code: "DPO" },
      ...small.map((id, i) => ({
        id,
        kind: "organization",
        label: `Small agency number ${i} with a long name`,
        code: id.slice(4),
      })),
      { id: "org:PBF", kind: "pooled_fund", label: "Peacebuilding Fund", code: "PBF" },
      { id: "task:POC", kind: "task", label: "Protection of civilians", code: "POC", rank: 1 },
      { id: "task:PEACE", kind: "task", label: "Peace process", code: "PEACE", rank: 2 },
    ],
    links: [
      { source: "org:USA", target: "org:DPO", cents: 100_000, kind: "contribution" },
      { source: "org:DPO", target: "task:POC", cents: 100_000, kind: "allocation" },
      ...small.flatMap((id, i) => [
        { source: "org:NOR", target: id, cents: 300 + i, kind: "contribution" as const },
        {
          source: id,
          target: i % 2 ? "task:POC" : "task:PEACE",
          cents: 300 + i,
          kind: "allocation" as const,
        },
      ]),
      { source: "org:NOR", target: "org:PBF", cents: 2_000, kind: "contribution" },
      { source: "org:PBF", target: "task:PEACE", cents: 2_000, kind: "allocation" },
    ],
  };
}

describe("a crowded middle column", () => {
  const size = { width: 600, height: 460 };

  it("keeps lanes apart and leaders off bands with more than five away labels on a side", () => {
    const { nodes, links } = crowdedMiddle(14);
    const graph = flowSankeyLayout(nodes, links, size);
    const labels = place(graph, size);
    const away = labels.filter((l) => l.leader);
    const perSide = ["above", "below"].map((p) => away.filter((l) => l.place === p).length);
    expect(Math.max(...perSide)).toBeGreaterThan(5);
    expectClear(
      graph.nodes,
      graph.links.map((l) => l.box),
      labels,
    );
    expectLeadersOffBands(graph, labels);
    expectLanesApart(graph, labels);
  });

  it("for any crowd: labels clear, leaders off bands unless the fallback, lanes apart", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16 }), (count) => {
        const { nodes, links } = crowdedMiddle(count);
        const graph = flowSankeyLayout(nodes, links, size);
        const labels = place(graph, size);
        expectClear(
          graph.nodes,
          graph.links.map((l) => l.box),
          labels,
        );
        expectLeadersOffBands(graph, labels);
        expectFallbackOnlyWhenHemmedIn(graph, labels, size.height);
        expectLanesApart(graph, labels);
      }),
      { numRuns: 16 },
    );
  });

  it("a node boxed in by bands is not cut off: its label still has a leader, and touches no box", () => {
    const { nodes, links } = crowdedMiddle(3);
    const graph = flowSankeyLayout(nodes, links, size);
    const labels = place(graph, size);
    for (const id of ["org:E0", "org:E1", "org:E2"]) {
      const l = labels.find((p) => p.id === id)!;
      expect(l.leader).not.toBeNull();
      for (const band of graph.links) expect(boxesOverlap(l.box, band.box)).toBe(false);
    }
  });
});
