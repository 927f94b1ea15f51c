// A Sankey band's drawn area, and whether a leader line runs into it. The shape used is safe,
// never smaller than what is drawn: every point closer than half the band's width to its centre
// line (a stroke lies inside that), between the band's two ends (past them the stroke's square
// ends lie under the nodes). Its bounding box would be safe too, but far too big: the box of a
// band that climbs or falls covers the whole gap it crosses, and no leader could leave a node.
import type { Box } from "./sankey-labels";

/**
 * A band as d3-sankey draws it (`sankeyLinkHorizontal`): a cubic curve from (box.x0, y0) to
 * (box.x1, y1) whose two control points sit halfway across, stroked `width` wide.
 * A `PlacedFlowLink` is one.
 */
export interface SankeyBand {
  box: Box;
  y0: number;
  y1: number;
  width: number;
}

type Point = readonly [number, number];

/** Points along a band's centre line, left to right, at most STEP of path apart. */
interface CentreLine {
  xs: Float64Array;
  ys: Float64Array;
}

const STEP = 0.25;
const centreLines = new WeakMap<SankeyBand, CentreLine>();

function centreLine(band: SankeyBand): CentreLine {
  const known = centreLines.get(band);
  if (known) return known;
  const { x0, x1 } = band.box;
  const dx = x1 - x0;
  const dy = band.y1 - band.y0;
  // Along t, x and y each move one way only and at most 1.5 × their span per unit of t, so
  // this many even steps of t leave at most STEP of path between two points.
  const count = Math.max(1, Math.ceil((1.5 * (Math.abs(dx) + Math.abs(dy))) / STEP));
  const xs = new Float64Array(count + 1);
  const ys = new Float64Array(count + 1);
  for (let i = 0; i <= count; i++) {
    const t = i / count;
    xs[i] = x0 + dx * (1.5 * t * (1 - t) + t * t * t);
    ys[i] = band.y0 + dy * t * t * (3 - 2 * t);
  }
  const line = { xs, ys };
  centreLines.set(band, line);
  return line;
}

/** The first index whose x is at least `x` (xs grows). */
function firstAtLeast(xs: Float64Array, x: number): number {
  let low = 0;
  let high = xs.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (xs[mid]! < x) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Whether the upright or flat segment a–b runs into the band's drawn area. Running along its edge
 * within `tolerance` px does not count: a leader leaves its node's corner right on the edge of the
 * node's first band.
 *
 * @example
 * const band = { box: { x0: 0, x1: 100, y0: 40, y1: 60 }, y0: 50, y1: 50, width: 20 };
 * segmentEntersBand([50, 0], [50, 45], band) // → true
 * segmentEntersBand([50, 0], [50, 40], band) // → false
 */
export function segmentEntersBand(a: Point, b: Point, band: SankeyBand, tolerance = 0.25): boolean {
  const { box } = band;
  const x0 = Math.max(Math.min(a[0], b[0]), box.x0);
  const x1 = Math.min(Math.max(a[0], b[0]), box.x1);
  const y0 = Math.min(a[1], b[1]);
  const y1 = Math.max(a[1], b[1]);
  if (x0 > x1 || y1 < box.y0 || y0 > box.y1) return false;
  // Samples lie at most STEP apart along the curve: a point of the segment closer than
  // width / 2 - tolerance to the curve is closer than `reach` to a sample.
  const reach = band.width / 2 - tolerance + STEP / 2;
  if (reach <= 0) return false;
  const { xs, ys } = centreLine(band);
  for (let i = firstAtLeast(xs, x0 - reach); i < xs.length && xs[i]! <= x1 + reach; i++) {
    const across = Math.max(x0 - xs[i]!, 0, xs[i]! - x1);
    const along = Math.max(y0 - ys[i]!, 0, ys[i]! - y1);
    if (across * across + along * along < reach * reach) return true;
  }
  return false;
}
