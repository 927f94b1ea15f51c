// Fills for the funded parts. Each has its own pattern as well as its own colour, so the parts
// stay apart in greyscale print and for readers who do not see the hue.
export interface SegmentStyle {
  color: string;
  /** Pattern drawn in white over the colour: none, stripes, dots or cross-hatch. */
  pattern: "solid" | "stripes" | "dots" | "cross";
}

export const SEGMENT_STYLES: Record<string, SegmentStyle> = {
  assessed: { color: "#1a4f9c", pattern: "solid" },
  voluntary_core: { color: "#1d6b38", pattern: "stripes" },
  voluntary_earmarked: { color: "#6a3d9a", pattern: "dots" },
  pooled: { color: "#8a4500", pattern: "cross" },
  other: { color: "#4a4f55", pattern: "solid" },
};

export const FALLBACK_STYLE: SegmentStyle = { color: "#4a4f55", pattern: "solid" };

export const INK = "#1f1f1f";
export const MUTED_INK = "#3c4043";
export const GRID = "#d0d4da";
export const REQUIREMENT_STROKE = "#3c4043";
export const GAP_COLOR = "#b3261e";
export const GAP_TINT = "#fde8e4";
export const PLEDGED_COLOR = "#7a5a00";

export function styleOf(key: string): SegmentStyle {
  return SEGMENT_STYLES[key] ?? FALLBACK_STYLE;
}
