// Leader lines for the labels of a middle column that find no free spot beside their node: each
// label goes over the plot or under it, one row each, and a leader runs from the node's top (or
// bottom) corner along a lane just right of the column, then along the label's row to its text.
//
// Lanes keep `laneSpacing` between them and from the column; a side's texts start half a lane past
// its outermost lane. Within a side the node nearest the edge takes the innermost lane and the
// farthest row, so no two leaders cross; the nodes sent over the plot are all above those sent
// under it, so the two sides' lanes never meet.
//
// A leader runs into no band where a route exists: the node nearest the plot's top or bottom
// edge, with no band passing over it, goes that way on the innermost lane. A node hemmed in by
// bands (some above and some below it, as for every node in the middle of a column) has no route
// out that crosses none, since every leader must get past the bands leaving the nodes between
// it and the edge, and no label may sit on a band. The fallback for it, chosen and stated here:
// its leader still runs in the lane beside its column, where those bands have just left their
// nodes and lie flat, so it crosses each at a right angle over the shortest stretch; among the
// ways to share the column's labels between the top and the bottom, the one with the fewest such
// leaders is taken, then the one whose leaders cross the least band width. The route is marked
// (`across`) and drawn with a white casing so that it reads over the bands.
import { segmentEntersBand } from "./sankey-band";
import type { SankeyBand } from "./sankey-band";
import type { LabelledNode } from "./sankey-labels";

export interface LeaderOptions {
  height: number;
  gap: number;
  lineHeight: number;
  /** Least distance between two lanes, and between the column and its first lane. */
  laneSpacing: number;
  /** Room the text keeps, at least, between the lanes and the next column. */
  minText: number;
}

export interface LeaderRoute {
  node: LabelledNode;
  place: "above" | "below";
  /** The label's middle line, over or under the plot. */
  y: number;
  /** Node corner → lane → the label's row → the text's start. */
  leader: [number, number][];
  /** The bands the leader runs across: none, but for the fallback. */
  across: SankeyBand[];
}

export interface LeaderRouting {
  /** Where the texts start on each side: half a lane past its outermost lane, `gap` at least from the column. */
  textX: { above: number; below: number };
  routes: LeaderRoute[];
}

/**
 * Sends each of one column's nodes over or under the plot and routes its leader. `nodes` are
 * those nodes top to bottom; `column.room` is the width between the column's right edge and the
 * next column.
 *
 * @example
 * routeLeaders([node], bands, { x1: 214, room: 180 }, { height: 300, gap: 6, lineHeight: 14, laneSpacing: 4, minText: 6 })
 * // → { textX: { above: 220, below: 220 }, routes: [{ place: "above", y: -13, leader: [[214, 0], [218, 0], [218, -13], [220, -13]], across: [] }] }
 */
export function routeLeaders(
  nodes: readonly LabelledNode[],
  bands: readonly SankeyBand[],
  column: { x1: number; room: number },
  options: LeaderOptions,
): LeaderRouting {
  let best: { routing: LeaderRouting; score: number[] } | null = null;
  // The first k nodes go over the plot, the others under it.
  for (let k = 0; k <= nodes.length; k++) {
    const over = nodes.slice(0, k);
    const under = nodes.slice(k).reverse();
    const routing = routeSplit(over, under, bands, column, options);
    const score = splitScore(routing, options);
    if (!best || isLess(score, best.score)) best = { routing, score };
  }
  const none = column.x1 + options.gap;
  return best?.routing ?? { textX: { above: none, below: none }, routes: [] };
}

/** Leaders for the nodes over the plot and those under it, each list nearest its edge first. */
function routeSplit(
  over: readonly LabelledNode[],
  under: readonly LabelledNode[],
  bands: readonly SankeyBand[],
  { x1, room }: { x1: number; room: number },
  { height, gap, lineHeight, laneSpacing, minText }: LeaderOptions,
): LeaderRouting & { spacing: number } {
  const lanes = Math.max(over.length, under.length);
  // Only a gap too narrow for this many lanes at the least spacing (some 40 a side at the
  // chart's size) squeezes them; a pixel apart is the floor.
  const fits = (room - gap - minText) / (lanes + 0.5);
  const spacing = Math.max(1, Math.min(laneSpacing, fits));
  const textX = {
    above: x1 + Math.max(gap, (over.length + 0.5) * spacing),
    below: x1 + Math.max(gap, (under.length + 0.5) * spacing),
  };
  const route = (list: readonly LabelledNode[], place: "above" | "below") =>
    list.map((node, i): LeaderRoute => {
      const row = list.length - 1 - i;
      const y =
        place === "above"
          ? -(gap + lineHeight / 2 + row * lineHeight)
          : height + gap + lineHeight / 2 + row * lineHeight;
      const corner = place === "above" ? node.y0 : node.y1;
      const lane = x1 + spacing * (i + 1);
      const leader: [number, number][] = [
        [node.x1, corner],
        [lane, corner],
        [lane, y],
        [textX[place], y],
      ];
      const across = bands.filter((band) =>
        leader.slice(1).some((point, k) => segmentEntersBand(leader[k]!, point, band)),
      );
      return { node, place, y, leader, across };
    });
  return { textX, spacing, routes: [...route(over, "above"), ...route(under, "below")] };
}

/**
 * Lower is better: lanes at their spacing, then fewest leaders across bands, then least band
 * width crossed, then fewest labels on the side away from their node's half of the plot.
 */
function splitScore(
  routing: LeaderRouting & { spacing: number },
  { height, laneSpacing }: LeaderOptions,
): number[] {
  const crossing = routing.routes.filter((r) => r.across.length > 0);
  const width = crossing.reduce((s, r) => s + r.across.reduce((w, b) => w + b.width, 0), 0);
  const offHalf = routing.routes.filter(
    (r) => (r.node.y0 + r.node.y1) / 2 < height / 2 !== (r.place === "above"),
  ).length;
  return [laneSpacing - routing.spacing, crossing.length, width, offHalf];
}

function isLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}
