// Pure maths of the task gap chart: one row per priority task, a requirement bar, the funded
// bar over it stacked by funding type, the pledged-not-committed strip after the funded part,
// and the gap. Amounts are integer cents; only pixel positions are fractional.
import { max } from "d3-array";
import { scaleLinear } from "d3-scale";

/** One part of a task's funded amount, e.g. its assessed money. */
export interface TaskGapSegment {
  key: string;
  cents: number;
}

export interface TaskGapDatum {
  key: string;
  label: string;
  requirementCents: number;
  fundedCents: number;
  /** Pledged, not yet committed: never counted as funded. */
  pledgedCents: number;
  /** The funded amount split by funding type, in stacking order; should sum to fundedCents. */
  fundedBy?: readonly TaskGapSegment[];
  /** Assessed money attributed to the task (part of fundedCents). */
  attributedCents?: number;
}

export interface PlacedSegment {
  key: string;
  cents: number;
  x: number;
  width: number;
}

export interface TaskGapBar {
  key: string;
  label: string;
  y: number;
  rowHeight: number;
  requirementWidth: number;
  fundedWidth: number;
  /** The funded bar split by funding type, left to right. */
  segments: PlacedSegment[];
  /** Start and width of the gap segment drawn after the funded bar (0 when fully funded). */
  gapX: number;
  gapWidth: number;
  gapCents: number;
  /** Pledged-not-committed strip, placed after the funded bar. */
  pledgedX: number;
  pledgedWidth: number;
  datum: TaskGapDatum;
}

export interface TaskGapLayout {
  bars: TaskGapBar[];
  /** Largest amount on the axis, in cents. */
  domainMaxCents: number;
  ticks: { cents: number; x: number }[];
}

export interface LayoutSize {
  width: number;
  rowHeight: number;
  rowGap: number;
}

/** Stack funded parts left to right; any remainder not covered by the parts is kept as "other". */
export function stackSegments(
  datum: TaskGapDatum,
  scale: (cents: number) => number,
): PlacedSegment[] {
  const parts = (datum.fundedBy ?? []).filter((s) => s.cents > 0);
  const listed = parts.reduce((sum, s) => sum + s.cents, 0);
  if (listed < datum.fundedCents) parts.push({ key: "other", cents: datum.fundedCents - listed });
  let runningCents = 0;
  return parts.map((part) => {
    const x = scale(runningCents);
    runningCents += part.cents;
    return { key: part.key, cents: part.cents, x, width: scale(runningCents) - x };
  });
}

/**
 * Position every task's bars. The scale starts at 0 and covers the largest requirement, or
 * funded plus pledged amount, so bars of different tasks compare by length.
 *
 * @example
 * taskGapLayout([{ key: "POC", label: "POC", requirementCents: 100, fundedCents: 40, pledgedCents: 0 }],
 *   { width: 200, rowHeight: 20, rowGap: 10 }).bars[0].fundedWidth; // → 80
 */
export function taskGapLayout(data: readonly TaskGapDatum[], size: LayoutSize): TaskGapLayout {
  const domainMaxCents =
    max(data, (d) => Math.max(d.requirementCents, d.fundedCents + d.pledgedCents)) ?? 0;
  const x = scaleLinear()
    .domain([0, domainMaxCents || 1])
    .range([0, size.width]);
  const bars = data.map((datum, index) => {
    const requirementWidth = x(datum.requirementCents);
    const fundedWidth = x(datum.fundedCents);
    const gapCents = Math.max(0, datum.requirementCents - datum.fundedCents);
    return {
      key: datum.key,
      label: datum.label,
      y: index * (size.rowHeight + size.rowGap),
      rowHeight: size.rowHeight,
      requirementWidth,
      fundedWidth,
      segments: stackSegments(datum, x),
      gapX: fundedWidth,
      gapWidth: gapCents > 0 ? requirementWidth - fundedWidth : 0,
      gapCents,
      pledgedX: fundedWidth,
      pledgedWidth: x(datum.fundedCents + datum.pledgedCents) - fundedWidth,
      datum,
    };
  });
  const ticks = x.ticks(4).map((cents) => ({ cents, x: x(cents) }));
  return { bars, domainMaxCents, ticks };
}
