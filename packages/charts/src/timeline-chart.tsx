import type { Ref } from "react";
import { AXIS_CHAR_WIDTH, placeTickLabel } from "./axis-label";
import { ChartFrame, lineEntry } from "./chart-frame";
import { FRAME_INSET } from "./chart-frame-layout";
import { GRID, INK, MUTED_INK, REQUIREMENT_STROKE } from "./palette";
import { TIMELINE_STATUSES, timelineLayout } from "./timeline-layout";
import type { TimelineData, TimelineStatus } from "./timeline-layout";

export interface TimelineChartLabels {
  title: string;
  description: string;
  statuses: Record<TimelineStatus, string>;
  requirement: string;
  /** Heading of the lanes, e.g. "From pledge to payment, one line per contribution". */
  lags: string;
  /** Legend entry of an unpaid pledge's lane. */
  unpaid: string;
  /** A lane's tooltip, e.g. "Contribution 12: pledged 1 Jan, paid 3 Mar (61 days), $1.00". */
  lag: (
    flowId: string,
    pledgedOn: string,
    paidOn: string | null,
    days: number | null,
    amount: string,
  ) => string;
}

export interface TimelineChartProps {
  data: TimelineData;
  labels: TimelineChartLabels;
  formatCents: (cents: number) => string;
  formatAxis: (cents: number) => string;
  /** Short date for the time axis, e.g. "Jan 2025". */
  formatTick: (date: Date) => string;
  formatDate: (iso: string) => string;
  stamp?: readonly string[];
  svgRef?: Ref<SVGSVGElement>;
  width?: number;
}

/** Line styles: each status has its own dash as well as its colour. */
export const TIMELINE_STYLES: Record<
  TimelineStatus,
  { color: string; dash?: string; width: number }
> = {
  pledged: { color: "#7a5a00", dash: "6 3", width: 2 },
  committed: { color: "#6a3d9a", dash: "2 2", width: 2 },
  paid: { color: "#1a4f9c", width: 3 },
};

const LEFT = 80;
const RIGHT = 16;
const PLOT = 240;
const AXIS = 28;
const LANE_TITLE = 22;

/**
 * Pledges, commitments and payments over time, cumulative, with the requirement of each
 * peacekeeping year as a level and, underneath, one lane per contribution from its pledge to its
 * payment so the lag shows as length (an unpaid pledge's lane is dashed to the end).
 */
export function TimelineChart({
  data,
  labels,
  formatCents,
  formatAxis,
  formatTick,
  formatDate,
  stamp = [],
  svgRef,
  width = 780,
}: TimelineChartProps) {
  const plotWidth = Math.max(100, width - LEFT - RIGHT);
  const layout = timelineLayout(data, {
    width: plotWidth,
    plotHeight: PLOT,
    laneHeight: 8,
    maxLanesHeight: 160,
  });
  const lanesTop = PLOT + AXIS + LANE_TITLE;
  const legend = [
    ...TIMELINE_STATUSES.map((s) => ({ key: s, label: labels.statuses[s], ...TIMELINE_STYLES[s] })),
    {
      key: "requirement",
      label: labels.requirement,
      color: REQUIREMENT_STROKE,
      dash: "10 2 2 2",
      width: 2,
    },
  ].map((item) => lineEntry(item));
  return (
    <ChartFrame
      title={labels.title}
      description={labels.description}
      width={width}
      bodyHeight={lanesTop + layout.lanesHeight + 8}
      // Two columns: the requirement entry is long (French above all) and a quarter of the width cut it.
      legend={{ entries: legend, columns: 2 }}
      stamp={stamp}
      svgRef={svgRef}
      className="timeline-chart"
      data={{ "data-paid-cents": layout.steps.paid[layout.steps.paid.length - 1]?.cents ?? 0 }}
    >
      <g transform={`translate(${LEFT},0)`} aria-hidden="true">
        {layout.yTicks.map((t) => (
          <g key={t.cents} transform={`translate(0,${t.y})`}>
            <line x2={plotWidth} stroke={GRID} />
            <text x={-6} dy="0.35em" textAnchor="end" fontSize="11" fill={MUTED_INK}>
              {formatAxis(t.cents)}
            </text>
          </g>
        ))}
        {layout.xTicks.map((t) => {
          const label = formatTick(t.date);
          // Inside the drawing's edges (with the frame's inset), in the plot's coordinates.
          const place = placeTickLabel(t.x, label.length * AXIS_CHAR_WIDTH, {
            min: FRAME_INSET - LEFT,
            max: width - LEFT - FRAME_INSET,
          });
          return (
            <g key={t.date.getTime()} className="timeline-x-tick" transform={`translate(${t.x},0)`}>
              <line y1={PLOT} y2={PLOT + 5} stroke={MUTED_INK} />
              <text
                x={place.dx || undefined}
                y={PLOT + 18}
                textAnchor={place.anchor}
                fontSize="11"
                fill={MUTED_INK}
              >
                {label}
              </text>
            </g>
          );
        })}
        {layout.requirement.map((r) => (
          <line
            key={r.periodStart}
            className="timeline-requirement"
            x1={r.x0}
            x2={r.x1}
            y1={r.y}
            y2={r.y}
            stroke={REQUIREMENT_STROKE}
            strokeWidth={2}
            strokeDasharray="10 2 2 2"
          >
            <title>{`${labels.requirement}: ${formatCents(r.cents)}`}</title>
          </line>
        ))}
        {TIMELINE_STATUSES.map((s) => (
          <path
            key={s}
            className={`timeline-line timeline-${s}`}
            d={layout.paths[s]}
            fill="none"
            stroke={TIMELINE_STYLES[s].color}
            strokeWidth={TIMELINE_STYLES[s].width}
            strokeDasharray={TIMELINE_STYLES[s].dash}
          />
        ))}
      </g>
      <text x={LEFT} y={lanesTop - 8} fontSize="12" fill={INK} aria-hidden="true">
        {labels.lags} — {labels.unpaid}
      </text>
      <g transform={`translate(${LEFT},${lanesTop})`} aria-hidden="true">
        {layout.lags.map((l) => (
          <g key={l.flowId} className="timeline-lag" data-flow={l.flowId} data-days={l.days ?? ""}>
            <title>
              {labels.lag(
                l.flowId,
                formatDate(l.pledgedOn),
                l.paidOn ? formatDate(l.paidOn) : null,
                l.days,
                formatCents(l.cents),
              )}
            </title>
            <line
              x1={l.x0}
              x2={Math.max(l.x1, l.x0 + 2)}
              y1={l.y + 3}
              y2={l.y + 3}
              stroke={l.paidOn ? TIMELINE_STYLES.paid.color : TIMELINE_STYLES.pledged.color}
              strokeWidth={Math.max(
                1,
                Math.min(5, layout.lanesHeight / Math.max(1, layout.lags.length) - 2),
              )}
              strokeDasharray={l.paidOn ? undefined : "3 2"}
            />
          </g>
        ))}
      </g>
    </ChartFrame>
  );
}
