import { describe, expect, it } from "vitest";
import { taskGapLayout } from "./task-gap-layout";

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
    });
    expect(bars[1]).toMatchObject({ requirementWidth: 200, fundedWidth: 320, gapWidth: 0 });
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
    const { bars, domainMaxCents } = taskGapLayout(
      [{ key: "A", label: "A", requirementCents: 0, fundedCents: 0, pledgedCents: 0 }],
      size,
    );
    expect(domainMaxCents).toBe(0);
    expect(bars[0]).toMatchObject({ requirementWidth: 0, fundedWidth: 0, gapWidth: 0 });
  });
});
