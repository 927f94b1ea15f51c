import { describe, expect, it } from "vitest";
import { shareLayout, sharePermille } from "./share-layout";

describe("share bar maths", () => {
  it("gives tenths of a percent that always sum to 100.0 (largest remainder, ties to the earlier part)", () => {
    expect(
      sharePermille([
        { key: "a", cents: 1 },
        { key: "b", cents: 1 },
        { key: "c", cents: 1 },
      ]),
    ).toEqual([334, 333, 333]);
    expect(
      sharePermille([
        { key: "a", cents: 0 },
        { key: "b", cents: 0 },
      ]),
    ).toEqual([0, 0]);
    const big = [9_007_199_254_740_991, 3, 1].map((cents, i) => ({ key: String(i), cents }));
    expect(sharePermille(big).reduce((s, v) => s + v, 0)).toBe(1000);
  });
  it("places the parts end to end across the width", () => {
    const placed = shareLayout(
      [
        { key: "a", cents: 1 },
        { key: "b", cents: 3 },
      ],
      400,
    );
    expect(placed.map((p) => [p.x, p.width, p.permille])).toEqual([
      [0, 100, 250],
      [100, 300, 750],
    ]);
  });
});
