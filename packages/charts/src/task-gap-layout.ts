// Pure maths of the task gap chart: one row per priority task, a requirement bar and a
// funded bar on a shared linear scale. Amounts are integer cents; only pixel positions are
// fractional.
import { max } from "d3-array";
import { scaleLinear } from "d3-scale";

export interface TaskGapDatum {
  key: string;
  label: string;
  requirementCents: number;
  fundedCents: number;
  pledgedCents: number;
}

export interface TaskGapBar {
  key: string;
  label: string;
  y: number;
  rowHeight: number;
  requirementWidth: number;
  fundedWidth: number;
  /** Width of the gap segment drawn after the funded bar (0 when fully funded). */
  gapX: number;
  gapWidth: number;
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

/**
 * Position every task's bars. The scale starts at 0 and covers the largest requirement or
 * funded amount, so bars of different tasks compare by length.
 *
 * @example
 * taskGapLayout([{ key: "POC", label: "POC", requirementCents: 100, fundedCents: 40, pledgedCents: 0 }],
 *   { width: 200, rowHeight: 20, rowGap: 10 }).bars[0].fundedWidth; // → 80
 */
export function taskGapLayout(data: readonly TaskGapDatum[], size: LayoutSize): TaskGapLayout {
  const domainMaxCents = max(data, (d) => Math.max(d.requirementCents, d.fundedCents)) ?? 0;
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
      gapX: fundedWidth,
      gapWidth: gapCents > 0 ? requirementWidth - fundedWidth : 0,
      datum,
    };
  });
  const ticks = x.ticks(4).map((cents) => ({ cents, x: x(cents) }));
  return { bars, domainMaxCents, ticks };
}
