import { useId } from "react";
import type { KeyboardEvent, Ref } from "react";
import { ChartFrame } from "./chart-frame";
import type { LegendEntry } from "./chart-frame";
import { ChartPatterns, patternId } from "./patterns";
import { GAP_COLOR, GRID, INK, MUTED_INK, PLEDGED_COLOR, REQUIREMENT_STROKE } from "./palette";
import { taskGapLayout } from "./task-gap-layout";
import type { TaskGapDatum } from "./task-gap-layout";

export interface TaskGapChartLabels {
  title: string;
  description: string;
  requirement: string;
  funded: string;
  gap: string;
  pledged: string;
  /** e.g. "of which attributed assessed". */
  attributed: string;
  /** Shown in place of a coverage when a task has no requirement. */
  noRequirement: string;
  /** Names of the funded parts, by segment key (funding types, "other"). */
  segments: Record<string, string>;
}

export interface TaskGapChartProps {
  data: readonly TaskGapDatum[];
  labels: TaskGapChartLabels;
  /** Exact money formatting from integer cents (the chart never rounds figures it announces). */
  formatCents: (cents: number) => string;
  /** Short axis formatting, e.g. "$520M". */
  formatAxis: (cents: number) => string;
  /** Called when a row is clicked or activated with Enter or Space (e.g. to explain it). */
  onSelect?: (key: string) => void;
  /** Lines printed under the chart: as-of time, rates, filters. They travel with exports. */
  stamp?: readonly string[];
  /** The <svg> element, e.g. to export it as SVG or PNG. */
  svgRef?: Ref<SVGSVGElement>;
  width?: number;
}

const LABEL_WIDTH = 230;
const VALUE_WIDTH = 150;
const ROW_HEIGHT = 24;
const PLEDGED_HEIGHT = 6;
const ROW_GAP = 34;
const AXIS_HEIGHT = 24;
const MAX_LABEL = 34;

/** The accessible sentence a row announces, e.g. "1. Protection of civilians: requirement $1.00, …". */
export function describeRow(
  datum: TaskGapDatum,
  labels: TaskGapChartLabels,
  formatCents: (cents: number) => string,
): string {
  const gapCents = Math.max(0, datum.requirementCents - datum.fundedCents);
  const parts = [
    `${labels.requirement} ${formatCents(datum.requirementCents)}`,
    `${labels.funded} ${formatCents(datum.fundedCents)}`,
    `${labels.gap} ${formatCents(gapCents)}`,
    `${labels.pledged} ${formatCents(datum.pledgedCents)}`,
  ];
  if (datum.attributedCents)
    parts.push(`${labels.attributed} ${formatCents(datum.attributedCents)}`);
  for (const s of datum.fundedBy ?? []) {
    if (s.cents > 0) parts.push(`${labels.segments[s.key] ?? s.key} ${formatCents(s.cents)}`);
  }
  return `${datum.label}: ${parts.join(", ")}`;
}

interface LegendMark {
  key: string;
  label: string;
  fill: string;
  stroke?: string;
  dash?: string;
  height?: number;
}

function legendEntries(
  data: readonly TaskGapDatum[],
  labels: TaskGapChartLabels,
  prefix: string,
): LegendEntry[] {
  const present = new Set<string>();
  for (const d of data) {
    const listed = (d.fundedBy ?? []).reduce((sum, s) => sum + s.cents, 0);
    for (const s of d.fundedBy ?? []) if (s.cents > 0) present.add(s.key);
    if (listed < d.fundedCents) present.add("other");
  }
  const order = [...Object.keys(labels.segments), "other"];
  const marks: LegendMark[] = [
    {
      key: "requirement",
      label: labels.requirement,
      fill: "#fff",
      stroke: REQUIREMENT_STROKE,
    },
    ...order
      .filter((key, i) => present.has(key) && order.indexOf(key) === i)
      .map((key) => ({
        key,
        label: labels.segments[key] ?? key,
        fill: `url(#${patternId(prefix, key)})`,
      })),
    {
      key: "gap",
      label: labels.gap,
      fill: `url(#${patternId(prefix, "gap")})`,
      stroke: GAP_COLOR,
    },
    {
      key: "pledged",
      label: labels.pledged,
      fill: `url(#${patternId(prefix, "pledged")})`,
      stroke: PLEDGED_COLOR,
      dash: "2 1",
      height: PLEDGED_HEIGHT,
    },
  ];
  return marks.map((mark) => ({
    key: mark.key,
    label: mark.label,
    swatch: (
      <rect
        width={18}
        height={mark.height ?? 14}
        y={mark.height ? (14 - mark.height) / 2 : 0}
        fill={mark.fill}
        stroke={mark.stroke}
        strokeDasharray={mark.dash}
      />
    ),
  }));
}

/**
 * Requirement against funding for each priority task, in the order given (mandate rank): an
 * outlined requirement bar, the funded bar stacked by funding type, the gap hatched, and the
 * pledged-not-committed money as a dotted strip under the bar, so every part reads without
 * colour. Every row is focusable and announces its exact figures.
 */
export function TaskGapChart({
  data,
  labels,
  formatCents,
  formatAxis,
  onSelect,
  stamp = [],
  svgRef,
  width = 780,
}: TaskGapChartProps) {
  const prefix = `tg${useId()}`;
  const plotWidth = Math.max(100, width - LABEL_WIDTH - VALUE_WIDTH);
  const layout = taskGapLayout(data, { width: plotWidth, rowHeight: ROW_HEIGHT, rowGap: ROW_GAP });
  const rowsHeight = data.length * (ROW_HEIGHT + ROW_GAP);
  const legend = legendEntries(data, labels, prefix);

  const onKeyDown = (key: string) => (event: KeyboardEvent<SVGGElement>) => {
    if (!onSelect) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onSelect(key);
    }
  };

  return (
    <ChartFrame
      title={labels.title}
      description={labels.description}
      width={width}
      bodyHeight={rowsHeight + AXIS_HEIGHT}
      legend={{ entries: legend, columns: Math.ceil(legend.length / 2) }}
      stamp={stamp}
      svgRef={svgRef}
      className="task-gap-chart"
    >
      <ChartPatterns prefix={prefix} />
      <g transform={`translate(${LABEL_WIDTH},0)`} aria-hidden="true">
        {layout.ticks.map((tick) => (
          <g key={tick.cents} transform={`translate(${tick.x},0)`}>
            <line y1={0} y2={rowsHeight} stroke={GRID} />
            <text y={rowsHeight + 16} textAnchor="middle" fontSize="11" fill={MUTED_INK}>
              {formatAxis(tick.cents)}
            </text>
          </g>
        ))}
      </g>
      <g>
        {layout.bars.map((bar) => {
          const { datum } = bar;
          const label =
            bar.label.length > MAX_LABEL ? `${bar.label.slice(0, MAX_LABEL - 1)}…` : bar.label;
          return (
            <g
              key={bar.key}
              transform={`translate(0,${bar.y})`}
              tabIndex={0}
              role="graphics-symbol"
              aria-label={describeRow(datum, labels, formatCents)}
              data-task={bar.key}
              data-funded-cents={datum.fundedCents}
              data-requirement-cents={datum.requirementCents}
              data-gap-cents={bar.gapCents}
              className={onSelect ? "task-gap-row selectable" : "task-gap-row"}
              onClick={
                onSelect
                  ? () => {
                      onSelect(bar.key);
                    }
                  : undefined
              }
              onKeyDown={onKeyDown(bar.key)}
            >
              <rect
                x={0}
                y={-6}
                width={width}
                height={ROW_HEIGHT + ROW_GAP - 4}
                fill="transparent"
                className="row-hit"
              />
              <text
                x={LABEL_WIDTH - 10}
                y={bar.rowHeight / 2}
                dy="0.35em"
                textAnchor="end"
                fontSize="12"
                fill={INK}
              >
                {label}
              </text>
              <g transform={`translate(${LABEL_WIDTH},0)`}>
                <rect
                  width={Math.max(bar.requirementWidth, 0)}
                  height={bar.rowHeight}
                  fill="#fff"
                  stroke={REQUIREMENT_STROKE}
                  className="bar-requirement"
                />
                {bar.segments.map((s) => (
                  <rect
                    key={s.key}
                    x={s.x}
                    width={s.width}
                    height={bar.rowHeight}
                    fill={`url(#${patternId(prefix, s.key)})`}
                    stroke="#fff"
                    strokeWidth={0.75}
                    className={`bar-funded bar-funded-${s.key}`}
                  />
                ))}
                {bar.gapWidth > 0 && (
                  <rect
                    x={bar.gapX}
                    width={bar.gapWidth}
                    height={bar.rowHeight}
                    fill={`url(#${patternId(prefix, "gap")})`}
                    stroke={GAP_COLOR}
                    className="bar-gap"
                  />
                )}
                {bar.pledgedWidth > 0 && (
                  <rect
                    x={bar.pledgedX}
                    y={bar.rowHeight + 2}
                    width={Math.max(bar.pledgedWidth, 2)}
                    height={PLEDGED_HEIGHT}
                    fill={`url(#${patternId(prefix, "pledged")})`}
                    stroke={PLEDGED_COLOR}
                    strokeDasharray="2 1"
                    className="bar-pledged"
                  />
                )}
                <text
                  y={bar.rowHeight + PLEDGED_HEIGHT + 14}
                  fontSize="11"
                  fill={MUTED_INK}
                  className="task-gap-note"
                >
                  {datum.requirementCents === 0
                    ? labels.noRequirement
                    : datum.attributedCents
                      ? `${labels.attributed} ${formatCents(datum.attributedCents)}`
                      : ""}
                </text>
              </g>
              <text
                x={LABEL_WIDTH + plotWidth + 8}
                y={bar.rowHeight / 2}
                dy="0.35em"
                fontSize="12"
                fill={INK}
                className="task-gap-funded"
              >
                {formatCents(datum.fundedCents)}
              </text>
            </g>
          );
        })}
      </g>
    </ChartFrame>
  );
}
