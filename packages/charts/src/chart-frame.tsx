import { useId } from "react";
import type { ReactNode, Ref } from "react";
import {
  FRAME_INSET,
  HEADING_BASELINE,
  SWATCH_HEIGHT,
  chartFrameLayout,
} from "./chart-frame-layout";
import { INK, MUTED_INK } from "./palette";

export interface LegendEntry {
  key: string;
  label: string;
  /** The mark the entry stands for, drawn in a box `swatchWidth` wide and 14 high. */
  swatch: ReactNode;
  /** Default 18. */
  swatchWidth?: number;
}

export interface ChartLegend {
  entries: readonly LegendEntry[];
  /** Entries per row. */
  columns: number;
  columnWidth?: number;
  rowHeight?: number;
  /** Default 12. */
  fontSize?: number;
}

/**
 * A legend entry whose mark is a line (a series, a kind of band): `length` long, as thick and
 * dashed as the marks it stands for.
 * @example lineEntry({ key: "paid", label: "Paid", color: "#1a4f9c", width: 3 })
 */
export function lineEntry({
  key,
  label,
  color,
  width,
  dash,
  length = 24,
}: {
  key: string;
  label: string;
  color: string;
  width: number;
  dash?: string | undefined;
  length?: number;
}): LegendEntry {
  return {
    key,
    label,
    swatchWidth: length,
    swatch: (
      <line
        x1={0}
        x2={length}
        y1={SWATCH_HEIGHT / 2}
        y2={SWATCH_HEIGHT / 2}
        stroke={color}
        strokeWidth={width}
        strokeDasharray={dash}
      />
    ),
  };
}

export interface ChartFrameProps {
  /** The chart's accessible name (`<title>`). */
  title: string;
  /** The chart's accessible description (`<desc>`). */
  description: string;
  width: number;
  /** Height of the chart itself, drawn between the legend and the stamp. */
  bodyHeight: number;
  legend?: ChartLegend;
  /** Lines printed under the chart: as-of time, rates in force, filters. They travel with exports. */
  stamp?: readonly string[];
  /** Also write the title as visible text (an image that travels without its page). */
  heading?: boolean;
  /** Width and height in pixels (a standalone file); by default the chart fills its container. */
  pixelSize?: boolean;
  className?: string;
  svgRef?: Ref<SVGSVGElement>;
  /** Extra attributes on the <svg>, e.g. figures for tests and scripts. */
  data?: Record<`data-${string}`, string | number>;
  fontSize?: number;
  /** The chart, in coordinates whose origin is the top-left corner below the legend. */
  children: ReactNode;
}

/**
 * What every chart is drawn in: an `<svg role="img">` named by its `<title>` and described by
 * its `<desc>`, a white background, the legend (hidden from assistive technology: the marks and
 * the table say the same), the chart, and the stamp lines (as-of time, rates in force, filters).
 *
 * @example
 * <ChartFrame title="Gap by task, MINUSCA" description="…" width={780} bodyHeight={300}
 *   legend={{ columns: 4, entries: [{ key: "gap", label: "gap", swatch: <rect width={18} height={14} /> }] }}
 *   stamp={["Data as of 28 Nov 2026", "Rates in force: none needed"]}>
 *   <g className="bars">…</g>
 * </ChartFrame>
 */
export function ChartFrame({
  title,
  description,
  width,
  bodyHeight,
  legend,
  stamp = [],
  heading = false,
  pixelSize = false,
  className,
  svgRef,
  data,
  fontSize,
  children,
}: ChartFrameProps) {
  const titleId = useId();
  const descId = useId();
  const layout = chartFrameLayout({
    width,
    bodyHeight,
    stampLines: stamp.length,
    heading,
    legend: legend && {
      count: legend.entries.length,
      columns: legend.columns,
      columnWidth: legend.columnWidth,
      rowHeight: legend.rowHeight,
    },
  });
  return (
    <svg
      ref={svgRef}
      xmlns="http://www.w3.org/2000/svg"
      role="img"
      aria-labelledby={titleId}
      aria-describedby={descId}
      viewBox={`0 0 ${width} ${layout.height}`}
      width={pixelSize ? width : "100%"}
      height={pixelSize ? layout.height : undefined}
      className={className}
      fontFamily="system-ui, sans-serif"
      fontSize={fontSize}
      {...data}
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      <rect width={width} height={layout.height} fill="#fff" />
      {heading && (
        <text
          x={FRAME_INSET}
          y={HEADING_BASELINE}
          fontSize={14}
          fontWeight={700}
          fill={INK}
          aria-hidden="true"
          className="chart-heading"
        >
          {title}
        </text>
      )}
      {legend && (
        <g aria-hidden="true" className="chart-legend">
          {legend.entries.map((entry, i) => {
            const at = layout.legendEntries[i]!;
            return (
              <g key={entry.key} transform={`translate(${at.x},${at.y})`}>
                {entry.swatch}
                <text
                  x={(entry.swatchWidth ?? 18) + 6}
                  y={SWATCH_HEIGHT / 2}
                  dy="0.35em"
                  fontSize={legend.fontSize ?? 12}
                  fill={INK}
                >
                  {entry.label}
                </text>
              </g>
            );
          })}
        </g>
      )}
      <g transform={`translate(0,${layout.bodyTop})`}>{children}</g>
      {stamp.length > 0 && (
        <g className="chart-stamp" fontSize={10} fill={MUTED_INK}>
          {stamp.map((line, i) => (
            <text key={i} x={FRAME_INSET} y={layout.stampBaselines[i]}>
              {line}
            </text>
          ))}
        </g>
      )}
    </svg>
  );
}
