// Where the flow diagram's node labels go, so that no label covers another label, a node or a
// band. The first column's labels sit in the left margin and the last column's in the right
// margin, where no band runs. A middle column's label goes beside its node (in the gap toward the
// next column, else toward the previous one) only where no band's box runs; otherwise above the
// plot or below it, where no band ever runs, joined to its node by a leader line routed by
// `routeLeaders` (sankey-leaders.ts: lanes kept apart, and off the bands wherever a route exists;
// the fallback for a node hemmed in by bands is stated there). Labels beside a node on its right
// start past that column's leader lanes.
import { routeLeaders } from "./sankey-leaders";
import type { SankeyBand } from "./sankey-band";

export interface LabelledNode {
  id: string;
  label: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  column: number;
}

export interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface SankeyLabelOptions {
  /** Width of the plot (nodes and bands), without the margins. */
  width: number;
  height: number;
  /** Room for labels outside the plot on each side (the first and last columns' labels). */
  margin: number;
  /** Average glyph width and line height of the label font, in px. */
  charWidth?: number;
  lineHeight?: number;
  /** Space between a node and its label. */
  gap?: number;
  /** Least distance between two leader lanes, and between a column and its first lane. */
  laneSpacing?: number;
}

/** The default `laneSpacing`, in px: a 1 px leader on its 3 px white casing, and a pixel of band between. */
export const LEADER_LANE_SPACING = 4;

export interface PlacedLabel {
  id: string;
  /** The text drawn: the label, cut with "…" when it does not fit. */
  text: string;
  /** The whole label, for the <title>. */
  full: string;
  truncated: boolean;
  /** Anchor point (x of the text's start or end, y of its middle line). */
  x: number;
  y: number;
  anchor: "start" | "end";
  /**
   * "margin": outside the plot (first and last columns); "beside": next to a middle node where
   * no band runs; "above" / "below": over or under the plot, with a leader to the node.
   */
  place: "margin" | "beside" | "above" | "below";
  /** The box the text takes, for collision checks. */
  box: Box;
  /** The leader line from the node to a label set away from it (points), or null. */
  leader: [number, number][] | null;
  /** The leader runs across bands: the fallback for a node hemmed in by them (sankey-leaders.ts). */
  leaderCrossesBands: boolean;
}

const EPSILON = 1e-9;

/** Whether two boxes share more than an edge. */
export function boxesOverlap(a: Box, b: Box): boolean {
  return (
    a.x0 < b.x1 - EPSILON && b.x0 < a.x1 - EPSILON && a.y0 < b.y1 - EPSILON && b.y0 < a.y1 - EPSILON
  );
}

/** The text cut to `max` characters, ending with "…" when cut. @example fitLabel("Protection of civilians", 10) // → "Protectio…" */
export function fitLabel(label: string, max: number): string {
  if (label.length <= max) return label;
  if (max <= 1) return "…";
  return `${label.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Centres as close to the wanted ones as the spacing allows, in the same order, at least
 * `spacing` apart and within [low, high] when they fit (if they do not, they run past `high`).
 * @example spreadApart([10, 12, 14], 10, 0, 100) // → [10, 20, 30]
 */
export function spreadApart(
  wanted: readonly number[],
  spacing: number,
  low: number,
  high: number,
): number[] {
  const out = [...wanted];
  // Down from the top: each at least one spacing below the previous, and below `low`.
  for (let i = 0; i < out.length; i++)
    out[i] = Math.max(out[i]!, i === 0 ? low : out[i - 1]! + spacing);
  // Up from the bottom: each within `high` and one spacing above the next, but never above
  // the place it would have with every label before it packed from `low`.
  for (let i = out.length - 1; i >= 0; i--) {
    const ceiling = i === out.length - 1 ? high : out[i + 1]! - spacing;
    out[i] = Math.max(Math.min(out[i]!, ceiling), low + i * spacing);
  }
  return out;
}

/**
 * The centre in [low, high] nearest to `want` that lies in none of the open intervals
 * `blocked`, or null when there is none.
 * @example freeCentre(50, 0, 100, [[40, 70]]) // → 40
 */
export function freeCentre(
  want: number,
  low: number,
  high: number,
  blocked: readonly (readonly [number, number])[],
): number | null {
  const free = (y: number) => blocked.every(([a, b]) => y <= a + EPSILON || y >= b - EPSILON);
  const candidates = [
    Math.min(Math.max(want, low), high),
    low,
    high,
    ...blocked.flat().filter((y) => y >= low && y <= high),
  ];
  let best: number | null = null;
  for (const y of candidates)
    if (free(y) && (best === null || Math.abs(y - want) < Math.abs(best - want))) best = y;
  return best;
}

/**
 * Places every node's label. The nodes are those of {@link flowSankeyLayout} and `bands` its links
 * (each a {@link SankeyBand}: the path box `box`, and the centre line's ends), in plot coordinates.
 *
 * @example
 * placeSankeyLabels(layout.nodes, layout.links, { width: 600, height: 400, margin: 150 })
 * // → [{ id: "org:USA", text: "United States", x: -6, y: 40, anchor: "end", place: "margin", leader: null, … }, …]
 */
export function placeSankeyLabels(
  nodes: readonly LabelledNode[],
  bands: readonly SankeyBand[],
  options: SankeyLabelOptions,
): PlacedLabel[] {
  const charWidth = options.charWidth ?? 6.2;
  const lineHeight = options.lineHeight ?? 14;
  const gap = options.gap ?? 6;
  const laneSpacing = options.laneSpacing ?? LEADER_LANE_SPACING;
  if (nodes.length === 0) return [];
  const last = Math.max(...nodes.map((n) => n.column));
  // Where each column starts and ends: a middle label stays in the gap between two columns.
  const columnStart = new Map<number, number>();
  const columnEnd = new Map<number, number>();
  for (const n of nodes) {
    columnStart.set(n.column, Math.min(columnStart.get(n.column) ?? Infinity, n.x0));
    columnEnd.set(n.column, Math.max(columnEnd.get(n.column) ?? -Infinity, n.x1));
  }
  const nextColumnX = (column: number) => {
    let next = Infinity;
    for (const [c, x] of columnStart) if (c > column && x < next) next = x;
    return next === Infinity ? options.width : next;
  };
  const previousColumnX = (column: number) => {
    let previous = -Infinity;
    for (const [c, x] of columnEnd) if (c < column && x > previous) previous = x;
    return previous === -Infinity ? 0 : previous;
  };
  const fitted = (n: LabelledNode, room: number) => {
    const text = fitLabel(n.label, Math.max(1, Math.floor(room / charWidth)));
    return { text, width: text.length * charWidth };
  };
  const label = (
    n: LabelledNode,
    text: string,
    width: number,
    at: { x: number; y: number; anchor: "start" | "end" },
    place: PlacedLabel["place"],
    leader: PlacedLabel["leader"] = null,
    leaderCrossesBands = false,
  ): PlacedLabel => ({
    id: n.id,
    text,
    full: n.label,
    truncated: text !== n.label,
    ...at,
    place,
    box: {
      x0: at.anchor === "end" ? at.x - width : at.x,
      x1: at.anchor === "end" ? at.x : at.x + width,
      y0: at.y - lineHeight / 2,
      y1: at.y + lineHeight / 2,
    },
    leader,
    leaderCrossesBands,
  });

  const placed: PlacedLabel[] = [];
  // What a label beside a node must keep clear of: bands' boxes, nodes, the labels placed so far
  // and the leaders drawn so far (each segment as its flat box).
  const obstacles: Box[] = [...bands.map((b) => b.box), ...nodes];
  const keep = (l: PlacedLabel) => {
    placed.push(l);
    obstacles.push(l.box);
    const leader = l.leader ?? [];
    for (let i = 1; i < leader.length; i++) {
      const [[px, py], [x, y]] = [leader[i - 1]!, leader[i]!];
      obstacles.push({
        x0: Math.min(px, x),
        x1: Math.max(px, x),
        y0: Math.min(py, y),
        y1: Math.max(py, y),
      });
    }
  };
  const byColumn = new Map<number, LabelledNode[]>();
  for (const n of nodes) byColumn.set(n.column, [...(byColumn.get(n.column) ?? []), n]);
  const columns = [...byColumn.keys()].sort((a, b) => a - b);
  for (const column of columns) {
    const sorted = [...byColumn.get(column)!].sort(
      (a, b) => a.y0 + a.y1 - (b.y0 + b.y1) || (a.id < b.id ? -1 : 1),
    );
    const first = column === 0;
    const final = column === last && last > 0;
    if (first || final) {
      // The margins: no band runs there; labels of a crowded column are pushed apart.
      const ys = spreadApart(
        sorted.map((n) => (n.y0 + n.y1) / 2),
        lineHeight,
        lineHeight / 2,
        options.height - lineHeight / 2,
      );
      sorted.forEach((n, i) => {
        const { text, width } = fitted(n, options.margin - gap);
        const at = first
          ? { x: n.x0 - gap, y: ys[i]!, anchor: "end" as const }
          : { x: n.x1 + gap, y: ys[i]!, anchor: "start" as const };
        keep(label(n, text, width, at, "margin"));
      });
      continue;
    }
    for (const l of middleColumnLabels(column, sorted)) keep(l);
  }
  return placed;

  /**
   * A middle column's labels: beside the node where that is free, else over or under the plot
   * with a leader. Labels beside a node on its right start past the column's leader lanes; the
   * lanes need room for the labels that found no place beside, and fewer fit beside when the
   * lanes take more room: from `gap`, the offset grows until the two agree.
   */
  function middleColumnLabels(column: number, sorted: readonly LabelledNode[]): PlacedLabel[] {
    const x1 = columnEnd.get(column)!;
    const room = nextColumnX(column) - x1;
    let offset = gap;
    for (;;) {
      const beside: PlacedLabel[] = [];
      const away: LabelledNode[] = [];
      for (const n of sorted) {
        const l = besideLabel(n, offset, beside);
        if (l) beside.push(l);
        else away.push(n);
      }
      const routing = routeLeaders(
        away,
        bands,
        { x1, room },
        {
          height: options.height,
          gap,
          lineHeight,
          laneSpacing,
          minText: gap + charWidth,
        },
      );
      const lanes = Math.max(routing.textX.above, routing.textX.below) - x1;
      if (lanes > offset + EPSILON) {
        offset = lanes;
        continue;
      }
      const awayLabels = routing.routes.map(({ node, place, y, leader, across }) => {
        const textX = routing.textX[place];
        const { text, width } = fitted(node, x1 + room - gap - textX);
        const at = { x: textX, y, anchor: "start" as const };
        return label(node, text, width, at, place, leader, across.length > 0);
      });
      return [...beside, ...awayLabels];
    }
  }

  /**
   * Beside the node, level with it, where no band, node, label or leader is (the labels placed so
   * far, with those of its own column in `columnSoFar`): right side first, `offset` from the node.
   */
  function besideLabel(
    n: LabelledNode,
    offset: number,
    columnSoFar: readonly PlacedLabel[],
  ): PlacedLabel | null {
    const half = lineHeight / 2;
    // The label's middle line stays level with the node (its centre, for a node under a line
    // high), and inside the plot.
    const centre = (n.y0 + n.y1) / 2;
    const clamp = (y: number) => Math.min(Math.max(y, half), options.height - half);
    const low = clamp(Math.min(n.y0 + half, centre));
    const high = clamp(Math.max(n.y1 - half, centre));
    const sides = [
      {
        room: nextColumnX(n.column) - n.x1 - offset - gap,
        anchor: "start" as const,
        x: n.x1 + offset,
      },
      { room: n.x0 - previousColumnX(n.column) - 2 * gap, anchor: "end" as const, x: n.x0 - gap },
    ];
    for (const side of sides) {
      if (side.room < charWidth) continue;
      const { text, width } = fitted(n, side.room);
      const x0 = side.anchor === "start" ? side.x : side.x - width;
      const x1 = x0 + width;
      const blocked = [...obstacles, ...columnSoFar.map((l) => l.box)]
        .filter((o) => o.x0 < x1 - EPSILON && x0 < o.x1 - EPSILON)
        .map((o) => [o.y0 - half, o.y1 + half] as const);
      const y = freeCentre(centre, low, high, blocked);
      if (y !== null) return label(n, text, width, { x: side.x, y, anchor: side.anchor }, "beside");
    }
    return null;
  }
}
