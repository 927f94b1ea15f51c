// Pure maths of the donor → entity → task flow diagram, with d3-sankey. Money passing through a
// pooled fund runs donor → fund → agency → task and is counted once (the API sends each leg once;
// what a fund has not allocated ends in its own "unallocated" node). Cents stay exact on the
// links and nodes; only positions are fractional.
import { sankey, sankeyJustify, sankeyLinkHorizontal } from "d3-sankey";
import type { SankeyNode } from "d3-sankey";

/** "carryover": a fund's balance from earlier periods, drawn on in this one. */
export type FlowNodeKind = "organization" | "pooled_fund" | "task" | "unallocated" | "carryover";
export type FlowLinkKind = "contribution" | "transfer" | "allocation" | "carryover";

export interface FlowNodeDatum {
  id: string;
  kind: FlowNodeKind | (string & {});
  label: string;
  code: string | null;
  rank?: number | null;
}

export interface FlowLinkDatum {
  source: string;
  target: string;
  cents: number;
  kind: FlowLinkKind;
}

export interface PlacedFlowNode extends FlowNodeDatum {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** Money into the node (for a source node: out of it), in cents. */
  inCents: number;
  outCents: number;
  column: number;
}

export interface PlacedFlowLink extends FlowLinkDatum {
  path: string;
  width: number;
  /** Where the band's centre line leaves its source (y0) and reaches its target (y1). */
  y0: number;
  y1: number;
  /**
   * The band's path box: from its source node's right edge to its target node's left edge, and
   * from the higher of its two ends to the lower, widened by half the band above and below.
   */
  box: { x0: number; x1: number; y0: number; y1: number };
}

export interface SankeyLayoutResult {
  nodes: PlacedFlowNode[];
  links: PlacedFlowLink[];
  columns: number;
}

type N = FlowNodeDatum & { inCents: number; outCents: number };
type L = FlowLinkDatum;

const KIND_ORDER: Record<string, number> = {
  organization: 0,
  pooled_fund: 1,
  task: 2,
  unallocated: 3,
};

/** Tasks in rank order (Not specified last), other nodes by money, largest first. */
export function compareFlowNodes(a: N, b: N): number {
  const k = (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9);
  if (k !== 0) return k;
  if (a.kind === "task")
    return (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.id.localeCompare(b.id);
  return (
    Math.max(b.inCents, b.outCents) - Math.max(a.inCents, a.outCents) || a.id.localeCompare(b.id)
  );
}

/** Links that would close a cycle (d3-sankey cannot lay those out), found by depth-first search. */
export function cyclicLinks(
  nodes: readonly { id: string }[],
  links: readonly FlowLinkDatum[],
): FlowLinkDatum[] {
  const out = new Map<string, FlowLinkDatum[]>();
  for (const l of links) out.set(l.source, [...(out.get(l.source) ?? []), l]);
  const state = new Map<string, 1 | 2>();
  const back: FlowLinkDatum[] = [];
  const visit = (id: string) => {
    state.set(id, 1);
    for (const l of out.get(id) ?? []) {
      const s = state.get(l.target);
      if (s === 1) back.push(l);
      else if (s === undefined) visit(l.target);
    }
    state.set(id, 2);
  };
  for (const n of nodes) if (!state.has(n.id)) visit(n.id);
  return back;
}

/**
 * Lays out the flow graph. Nodes carry their exact money in and out; a link's width is
 * proportional to its cents. Links that would close a cycle are left out of the drawing and
 * returned in `omitted` (the table beside the diagram still lists them).
 *
 * @example
 * flowSankeyLayout(
 *   [{ id: "org:USA", kind: "organization", label: "USA", code: "USA" }, { id: "task:POC", kind: "task", label: "POC", code: "POC" }],
 *   [{ source: "org:USA", target: "task:POC", cents: 100, kind: "allocation" }],
 *   { width: 600, height: 300 },
 * ).nodes[1].inCents // → 100
 */
export function flowSankeyLayout(
  nodes: readonly FlowNodeDatum[],
  links: readonly FlowLinkDatum[],
  size: { width: number; height: number; nodeWidth?: number; nodePadding?: number },
): SankeyLayoutResult & { omitted: FlowLinkDatum[] } {
  const positive = links.filter((l) => l.cents > 0);
  const omitted = cyclicLinks(nodes, positive);
  const drawn = positive.filter((l) => !omitted.includes(l));
  const used = new Set(drawn.flatMap((l) => [l.source, l.target]));
  const graphNodes: N[] = nodes
    .filter((n) => used.has(n.id))
    .map((n) => ({
      ...n,
      inCents: drawn.filter((l) => l.target === n.id).reduce((s, l) => s + l.cents, 0),
      outCents: drawn.filter((l) => l.source === n.id).reduce((s, l) => s + l.cents, 0),
    }));
  if (graphNodes.length === 0) return { nodes: [], links: [], columns: 0, omitted };
  const generator = sankey<N, L>()
    .nodeId((d) => d.id)
    .nodeAlign(sankeyJustify)
    .nodeWidth(size.nodeWidth ?? 14)
    .nodePadding(size.nodePadding ?? 12)
    .nodeSort(compareFlowNodes)
    .extent([
      [0, 0],
      [size.width, size.height],
    ]);
  const graph = generator({
    nodes: graphNodes.map((n) => ({ ...n })),
    // d3-sankey sizes by `value`; cents stay exact in `cents`.
    links: drawn.map((l) => ({ ...l, value: l.cents })),
  });
  const linkPath = sankeyLinkHorizontal<N, L>();
  const placed = graph.nodes as (SankeyNode<N, L> & N)[];
  const columns =
    Math.max(...placed.map((n) => (n as { layer?: number }).layer ?? n.depth ?? 0)) + 1;
  return {
    nodes: placed.map((n) => ({
      id: n.id,
      kind: n.kind,
      label: n.label,
      code: n.code,
      rank: n.rank ?? null,
      x0: n.x0 ?? 0,
      x1: n.x1 ?? 0,
      y0: n.y0 ?? 0,
      y1: n.y1 ?? 0,
      inCents: n.inCents,
      outCents: n.outCents,
      column: (n as { layer?: number }).layer ?? n.depth ?? 0,
    })),
    links: graph.links.map((l) => {
      const source = l.source as SankeyNode<N, L>;
      const target = l.target as SankeyNode<N, L>;
      const width = Math.max(1, l.width ?? 1);
      const y0 = l.y0 ?? 0;
      const y1 = l.y1 ?? 0;
      return {
        source: source.id,
        target: target.id,
        cents: l.cents,
        kind: l.kind,
        path: linkPath(l) ?? "",
        width,
        y0,
        y1,
        box: {
          x0: source.x1 ?? 0,
          x1: target.x0 ?? 0,
          y0: Math.min(y0, y1) - width / 2,
          y1: Math.max(y0, y1) + width / 2,
        },
      };
    }),
    columns,
    omitted,
  };
}

/** Which filter selecting a node sets: a task, an entity receiving money, or a donor giving it. */
export function nodeFilter(
  node: Pick<FlowNodeDatum, "id" | "kind" | "code">,
  links: readonly FlowLinkDatum[],
): { task: string } | { entity: string } | { donor: string } | null {
  if (node.kind === "task") return node.code ? { task: node.code } : null;
  if (node.code === null) return null;
  if (node.kind === "unallocated" || node.kind === "pooled_fund") return { entity: node.code };
  const receives = links.some((l) => l.target === node.id);
  return receives ? { entity: node.code } : { donor: node.code };
}
