// What the Sankey label tests share: graphs of any shape (fast-check), the checks every placement
// must pass, and a band's drawn area read from its SVG path, apart from the code under test.
import fc from "fast-check";
import { expect } from "vitest";
import type { FlowLinkDatum } from "./sankey-layout";
import { boxesOverlap as overlaps } from "./sankey-labels";
import type { Box, PlacedLabel } from "./sankey-labels";

type Segment = Box;
type Point = readonly [number, number];

/** A leader's segments, each as the (flat) box it spans. */
export function segments(leader: readonly Point[]): Segment[] {
  return leader.slice(1).map(([x, y], i) => {
    const [px, py] = leader[i]!;
    return { x0: Math.min(px, x), x1: Math.max(px, x), y0: Math.min(py, y), y1: Math.max(py, y) };
  });
}

/** Two segments meet: they cross, or lie on one line and share a stretch. */
function meet(a: Segment, b: Segment): boolean {
  if (overlaps(a, b)) return true;
  const flat = (s: Segment) => s.y0 === s.y1;
  const upright = (s: Segment) => s.x0 === s.x1;
  if (flat(a) && flat(b) && Math.abs(a.y0 - b.y0) < 1e-9)
    return Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 1e-9;
  if (upright(a) && upright(b) && Math.abs(a.x0 - b.x0) < 1e-9)
    return Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 1e-9;
  return false;
}

/**
 * Everything the placement promises, for any graph: one label per node; no label box intersects
 * another label, a node or any band's path box; every leader starts on its node's edge, ends at
 * its label, and passes through no node, no other label and no other leader.
 */
export function expectClear(
  nodes: readonly (Box & { id: string })[],
  bands: readonly Box[],
  labels: readonly PlacedLabel[],
) {
  expect(labels.map((l) => l.id).sort()).toEqual(nodes.map((n) => n.id).sort());
  for (const [i, a] of labels.entries()) {
    for (const b of labels.slice(i + 1))
      expect(overlaps(a.box, b.box), `${a.id} × ${b.id}`).toBe(false);
    for (const n of nodes) expect(overlaps(a.box, n), `${a.id} on node ${n.id}`).toBe(false);
    for (const [k, band] of bands.entries())
      expect(overlaps(a.box, band), `${a.id} on band ${k}`).toBe(false);
  }
  for (const l of labels) {
    if (!l.leader) continue;
    const own = nodes.find((n) => n.id === l.id)!;
    const [startX, startY] = l.leader[0]!;
    expect(startX).toBe(own.x1);
    expect(startY).toBeGreaterThanOrEqual(own.y0);
    expect(startY).toBeLessThanOrEqual(own.y1);
    expect(l.leader.at(-1)).toEqual([l.box.x0, l.y]);
    for (const s of segments(l.leader)) {
      for (const n of nodes) expect(overlaps(s, n), `${l.id}'s leader through ${n.id}`).toBe(false);
      for (const other of labels)
        if (other !== l)
          expect(overlaps(s, other.box), `${l.id}'s leader on ${other.id}`).toBe(false);
      for (const other of labels)
        if (other !== l && other.leader)
          for (const t of segments(other.leader))
            expect(meet(s, t), `${l.id}'s leader meets ${other.id}'s`).toBe(false);
    }
  }
}

/** Up to five columns of up to five nodes, each node giving to one to three later ones. */
export const layeredGraphs = fc
  .array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 5 })
  .chain((widths) =>
    fc.record({
      widths: fc.constant(widths),
      links: fc.array(
        fc.record({
          from: fc.nat(),
          to: fc.nat(),
          skip: fc.nat({ max: 3 }),
          cents: fc.integer({ min: 1, max: 100_000 }),
        }),
        { minLength: 1, maxLength: 30 },
      ),
      height: fc.integer({ min: 150, max: 500 }),
      width: fc.integer({ min: 300, max: 900 }),
    }),
  );

/** The nodes and links of one of {@link layeredGraphs}: a link may skip a column. */
export function layeredGraph({
  widths,
  links: raw,
}: {
  widths: number[];
  links: { from: number; to: number; skip: number; cents: number }[];
}) {
  const ids = widths.map((n, layer) => Array.from({ length: n }, (_, i) => `org:L${layer}N${i}`));
  const nodes = ids.flat().map((id) => ({
    id,
    kind: "organization",
    label: `${id} with a name long enough to be cut`,
    code: id,
  }));
  const seen = new Set<string>();
  const links: FlowLinkDatum[] = [];
  for (const l of raw) {
    const layer = l.from % (widths.length - 1);
    const targetLayer = Math.min(widths.length - 1, layer + 1 + (l.skip % 2));
    const source = ids[layer]![l.from % ids[layer]!.length]!;
    const target = ids[targetLayer]![l.to % ids[targetLayer]!.length]!;
    if (seen.has(`${source}>${target}`)) continue;
    seen.add(`${source}>${target}`);
    links.push({ source, target, cents: l.cents, kind: "contribution" });
  }
  return { nodes, links };
}

/** The centre line of a band as drawn: its SVG path ("M x,y C x,y x,y x,y") as a fine polyline. */
const centreLines = new WeakMap<object, Point[]>();
function centreLine(band: { path: string }, pieces = 400): Point[] {
  const known = centreLines.get(band);
  if (known) return known;
  const [x0, y0, ax, ay, bx, by, x1, y1] = (
    band.path.match(/-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/gi) ?? []
  ).map(Number) as [number, number, number, number, number, number, number, number];
  const line = Array.from({ length: pieces + 1 }, (_, i) => {
    const t = i / pieces;
    const u = 1 - t;
    const at = (p0: number, p1: number, p2: number, p3: number) =>
      u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
    return [at(x0, ax, bx, x1), at(y0, ay, by, y1)] as const;
  });
  centreLines.set(band, line);
  return line;
}

function distanceToPiece([px, py]: Point, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const along = dx * dx + dy * dy;
  const t = along === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / along));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/**
 * Whether a leader runs into a band's drawn area: some point of it, between the band's two ends,
 * lies less than half the band's width from the band's centre line, less `tolerance` (a leader
 * leaving its node's corner runs along the edge of the node's own band; 0 asks whether it comes
 * inside the stroke at all).
 */
export function leaderEntersBand(
  leader: readonly Point[],
  band: { path: string; width: number; box: Box },
  tolerance = 0.3,
): boolean {
  const line = centreLine(band);
  const reach = band.width / 2 - tolerance;
  const { box } = band;
  for (const s of segments(leader)) {
    const steps = Math.max(1, Math.ceil((s.x1 - s.x0 + s.y1 - s.y0) / 0.25));
    for (let i = 0; i <= steps; i++) {
      const p: Point = [s.x0 + ((s.x1 - s.x0) * i) / steps, s.y0 + ((s.y1 - s.y0) * i) / steps];
      if (p[0] < box.x0 || p[0] > box.x1 || p[1] < box.y0 || p[1] > box.y1) continue;
      // The line runs left to right: only pieces within reach of p across can be within reach.
      for (let k = 1; k < line.length; k++)
        if (line[k]![0] >= p[0] - reach && line[k - 1]![0] <= p[0] + reach)
          if (distanceToPiece(p, line[k - 1]!, line[k]!) < reach) return true;
    }
  }
  return false;
}
