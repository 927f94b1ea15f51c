// Where an axis label sits against its tick so that the whole label stays inside the drawing: a
// label centred under a tick at the plot's end ran past the drawing's edge and was cut.

export interface TickLabelPlacement {
  anchor: "start" | "middle" | "end";
  /** The anchor's offset from the tick. */
  dx: number;
}

/**
 * Average glyph width of the 11 px axis labels, rounded up so that the estimate errs wide (a wide
 * label such as "janv. 2025" measures about 5.8 per character in Chromium).
 */
export const AXIS_CHAR_WIDTH = 6.2;

/**
 * Where a label `width` wide goes under a tick at `x`: centred on the tick where it fits within
 * [min, max]; otherwise flush with the edge it would cross (it ends at `max`, or starts at `min`),
 * which keeps it inside the drawing and as far from its neighbour as it can be.
 *
 * @example
 * placeTickLabel(683, 62, { min: -76, max: 696 }) // → { anchor: "end", dx: 13 }: centred, it would end at 714
 * placeTickLabel(300, 62, { min: -76, max: 696 }) // → { anchor: "middle", dx: 0 }
 */
export function placeTickLabel(
  x: number,
  width: number,
  bounds: { min: number; max: number },
): TickLabelPlacement {
  if (x + width / 2 > bounds.max) return { anchor: "end", dx: bounds.max - x };
  if (x - width / 2 < bounds.min) return { anchor: "start", dx: bounds.min - x };
  return { anchor: "middle", dx: 0 };
}
