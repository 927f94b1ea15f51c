import { describe, expect, it } from "vitest";
import { stackSegments, taskGapLayout } from "./task-gap-layout";

const size = { width: 400, rowHeight: 20, rowGap: 10 };

describe("taskGapLayout", () => {
  it("scales bars against the largest amount on a shared axis", () => {
    const { bars, domainMaxCents } = taskGapLayout(
      [
        { key: "A", label: "A", requirementCents: 1000, fundedCents: 250, pledgedCents: 0 },
        { key: "B", label: "B", requirementCents: 500, fundedCents: 800, pledgedCents: 0 },
      ],
      size,
    );
    expect(domainMaxCents).toBe(1000);
    expect(bars[0]).toMatchObject({
      requirementWidth: 400,
      fundedWidth: 100,
      gapX: 100,
      gapWidth: 300,
      gapCents: 750,
    });
    expect(bars[1]).toMatchObject({ requirementWidth: 200, fundedWidth: 320, gapWidth: 0 });
  });

  it("widens the axis to hold funded plus pledged money", () => {
    const { domainMaxCents, bars } = taskGapLayout(
      [{ key: "A", label: "A", requirementCents: 100, fundedCents: 80, pledgedCents: 120 }],
      size,
    );
    expect(domainMaxCents).toBe(200);
    expect(bars[0]).toMatchObject({ pledgedX: 160, pledgedWidth: 240 });
  });

  it("stacks rows top to bottom in the order given", () => {
    const { bars } = taskGapLayout(
      ["A", "B", "C"].map((key) => ({
        key,
        label: key,
        requirementCents: 1,
        fundedCents: 1,
        pledgedCents: 0,
      })),
      size,
    );
    expect(bars.map((b) => b.y)).toEqual([0, 30, 60]);
    expect(bars[0]?.rowHeight).toBeCloseTo(20);
  });

  it("draws nothing but a valid axis when every amount is zero", () => {
    const { bars, domainMaxCents, ticks } = taskGapLayout(
      [{ key: "A", label: "A", requirementCents: 0, fundedCents: 0, pledgedCents: 0 }],
      size,
    );
    expect(domainMaxCents).toBe(0);
    expect(bars[0]).toMatchObject({ requirementWidth: 0, fundedWidth: 0, gapWidth: 0 });
    expect(bars[0]?.segments).toEqual([]);
    expect(ticks.length).toBeGreaterThan(0);
  });
});

describe("stackSegments", () => {
  const scale = (c: number) => c / 10;
  it("places funded parts end to end, skipping empty ones, covering exactly the funded bar", () => {
    const placed = stackSegments(
      {
        key: "A",
        label: "A",
        requirementCents: 0,
        fundedCents: 600,
        pledgedCents: 0,
        fundedBy: [
          { key: "assessed", cents: 400 },
          { key: "pooled", cents: 0 },
          { key: "voluntary_earmarked", cents: 200 },
        ],
      },
      scale,
    );
    expect(placed).toEqual([
      { key: "assessed", cents: 400, x: 0, width: 40 },
      { key: "voluntary_earmarked", cents: 200, x: 40, width: 20 },
    ]);
  });

  it("keeps funding not covered by the listed parts as 'other', so the bar still sums to funded", () => {
    const placed = stackSegments(
      {
        key: "A",
        label: "A",
        requirementCents: 0,
        fundedCents: 500,
        pledgedCents: 0,
        fundedBy: [{ key: "assessed", cents: 300 }],
      },
      scale,
    );
    expect(placed.map((s) => [s.key, s.cents])).toEqual([
      ["assessed", 300],
      ["other", 200],
    ]);
    expect(placed.reduce((s, p) => s + p.cents, 0)).toBe(500);
  });
});
