import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { segmentEntersBand } from "./sankey-band";
import { flowSankeyLayout } from "./sankey-layout";
import { leaderEntersBand } from "./sankey-test-support";

describe("segmentEntersBand", () => {
  const flat = { box: { x0: 0, x1: 100, y0: 40, y1: 60 }, y0: 50, y1: 50, width: 20 };

  it("tells a segment into the stroke from one along its edge or past its ends", () => {
    expect(segmentEntersBand([50, 0], [50, 45], flat)).toBe(true);
    expect(segmentEntersBand([50, 0], [50, 40], flat)).toBe(false);
    expect(segmentEntersBand([50, 0], [50, 39.9], flat)).toBe(false);
    expect(segmentEntersBand([101, 0], [101, 100], flat)).toBe(false);
    expect(segmentEntersBand([-20, 50], [120, 50], flat)).toBe(true);
  });

  it("for any band d3-sankey draws and any upright or flat segment: agrees with the drawn path", () => {
    // One band from (0, a) to (w, b), as flowSankeyLayout lays it out and draws it.
    const cases = fc.record({
      width: fc.integer({ min: 40, max: 600 }),
      high: fc.boolean(),
      cents: fc.integer({ min: 1, max: 10 }),
      x: fc.double({ min: -10, max: 610, noNaN: true }),
      y: fc.double({ min: -10, max: 310, noNaN: true }),
      length: fc.double({ min: 0, max: 200, noNaN: true }),
      upright: fc.boolean(),
    });
    fc.assert(
      fc.property(cases, ({ width, high, cents, x, y, length, upright }) => {
        const graph = flowSankeyLayout(
          [
            { id: "org:A", kind: "organization", label: "A", code: "A" },
            { id: "org:B", kind: "organization", label: "B", code: "B" },
            { id: "org:C", kind: "organization", label: "C", code: "C" },
          ],
          [
            { source: "org:A", target: "org:B", cents: high ? cents : 10, kind: "contribution" },
            { source: "org:A", target: "org:C", cents: high ? 10 : cents, kind: "contribution" },
          ],
          { width, height: 300 },
        );
        const end: [number, number] = upright ? [x, y + length] : [x + length, y];
        for (const band of graph.links) {
          const said = segmentEntersBand([x, y], end, band);
          // Never clear when the segment comes well inside the stroke…
          if (leaderEntersBand([[x, y], end], band, 0.3)) expect(said).toBe(true);
          // …and never across when it stays out of it.
          if (!leaderEntersBand([[x, y], end], band, 0)) expect(said).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
