import { describe, expect, it } from "vitest";
import { AXIS_CHAR_WIDTH, placeTickLabel } from "./axis-label";

const bounds = { min: -76, max: 696 };
const julyInFrench = "juil. 2025".length * AXIS_CHAR_WIDTH;

describe("placeTickLabel", () => {
  it("centres a label that fits on both sides of its tick", () => {
    expect(placeTickLabel(300, julyInFrench, bounds)).toEqual({ anchor: "middle", dx: 0 });
    // Just fits: the centred label ends at the edge.
    expect(placeTickLabel(696 - julyInFrench / 2, julyInFrench, bounds).anchor).toBe("middle");
  });

  it("ends a label at the right edge where, centred, it would run past it", () => {
    expect(placeTickLabel(684, julyInFrench, bounds)).toEqual({ anchor: "end", dx: 12 });
    expect(placeTickLabel(696, julyInFrench, bounds)).toEqual({ anchor: "end", dx: 0 });
  });

  it("starts a label at the left edge where, centred, it would run past it", () => {
    expect(placeTickLabel(-70, julyInFrench, bounds)).toEqual({ anchor: "start", dx: -6 });
  });
});
