import { describe, expect, it } from "vitest";
import { gapBarDomain, gapBarLayout } from "./gap-bar-layout";

describe("gapBarLayout", () => {
  it("draws the gap from the funded end to the requirement end", () => {
    expect(
      gapBarLayout({ requirementCents: 100, fundedCents: 25 }, { width: 80, domainMaxCents: 200 }),
    ).toEqual({
      requirementWidth: 40,
      fundedWidth: 10,
      gapX: 10,
      gapWidth: 30,
      surplusX: 40,
      surplusWidth: 0,
    });
  });

  it("draws a surplus past the requirement and no gap", () => {
    const l = gapBarLayout(
      { requirementCents: 50, fundedCents: 100 },
      { width: 100, domainMaxCents: 100 },
    );
    expect(l).toMatchObject({ gapWidth: 0, surplusX: 50, surplusWidth: 50 });
  });

  it("draws nothing for an empty set (no division by zero)", () => {
    const l = gapBarLayout(
      { requirementCents: 0, fundedCents: 0 },
      { width: 100, domainMaxCents: 0 },
    );
    expect(l).toMatchObject({ requirementWidth: 0, fundedWidth: 0, gapWidth: 0, surplusWidth: 0 });
  });

  it("shares one domain across a set of bars", () => {
    expect(
      gapBarDomain([
        { requirementCents: 10, fundedCents: 30 },
        { requirementCents: 20, fundedCents: 5 },
      ]),
    ).toBe(30);
    expect(gapBarDomain([])).toBe(0);
  });
});
