import { useId } from "react";
import { taskGapLayout } from "./task-gap-layout";
import type { TaskGapDatum } from "./task-gap-layout";

export interface TaskGapChartLabels {
  title: string;
  description: string;
  requirement: string;
  funded: string;
  gap: string;
  pledged: string;
}

export interface TaskGapChartProps {
  data: readonly TaskGapDatum[];
  labels: TaskGapChartLabels;
  /** Exact money formatting from integer cents (the chart never rounds figures it announces). */
  formatCents: (cents: number) => string;
  /** Short axis formatting, e.g. "$520M". */
  formatAxis: (cents: number) => string;
  width?: number;
}

const LABEL_WIDTH = 220;
const VALUE_WIDTH = 150;
const ROW_HEIGHT = 26;
const ROW_GAP = 18;
const AXIS_HEIGHT = 24;

/**
 * Requirement against funding for each priority task: a light requirement bar, the funded
 * bar over it, and the gap hatched so it reads without colour. Every row is focusable and
 * announces its exact figures.
 */
export function TaskGapChart({
  data,
  labels,
  formatCents,
  formatAxis,
  width = 760,
}: TaskGapChartProps) {
  const titleId = useId();
  const descId = useId();
  const patternId = `${useId()}-gap`.replace(/:/g, "");
  const plotWidth = Math.max(100, width - LABEL_WIDTH - VALUE_WIDTH);
  const layout = taskGapLayout(data, { width: plotWidth, rowHeight: ROW_HEIGHT, rowGap: ROW_GAP });
  const height = data.length * (ROW_HEIGHT + ROW_GAP) + AXIS_HEIGHT;

  return (
    <svg
      role="img"
      aria-labelledby={titleId}
      aria-describedby={descId}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      className="task-gap-chart"
    >
      <title id={titleId}>{labels.title}</title>
      <desc id={descId}>{labels.description}</desc>
      <defs>
        <pattern
          id={patternId}
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" fill="#fde8e4" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#b3261e" strokeWidth="2" />
        </pattern>
      </defs>
      <g transform={`translate(${LABEL_WIDTH},0)`}>
        {layout.ticks.map((tick) => (
          <g key={tick.cents} transform={`translate(${tick.x},0)`} aria-hidden="true">
            <line y1={0} y2={height - AXIS_HEIGHT} stroke="#d0d4da" />
            <text y={height - 6} textAnchor="middle" fontSize="11" fill="#3c4043">
              {formatAxis(tick.cents)}
            </text>
          </g>
        ))}
      </g>
      {layout.bars.map((bar) => {
        const { datum } = bar;
        const gapCents = Math.max(0, datum.requirementCents - datum.fundedCents);
        const announce = `${bar.label}: ${labels.requirement} ${formatCents(datum.requirementCents)}, ${labels.funded} ${formatCents(datum.fundedCents)}, ${labels.gap} ${formatCents(gapCents)}, ${labels.pledged} ${formatCents(datum.pledgedCents)}`;
        return (
          <g
            key={bar.key}
            transform={`translate(0,${bar.y})`}
            tabIndex={0}
            role="graphics-symbol"
            aria-label={announce}
            data-task={bar.key}
            data-funded-cents={datum.fundedCents}
            data-requirement-cents={datum.requirementCents}
            className="task-gap-row"
          >
            <text
              x={LABEL_WIDTH - 10}
              y={bar.rowHeight / 2}
              dy="0.35em"
              textAnchor="end"
              fontSize="12"
              fill="#1f1f1f"
            >
              {bar.label.length > 32 ? `${bar.label.slice(0, 31)}…` : bar.label}
            </text>
            <g transform={`translate(${LABEL_WIDTH},0)`}>
              <rect
                width={bar.requirementWidth}
                height={bar.rowHeight}
                fill="#e8eaed"
                stroke="#5f6368"
              />
              <rect width={bar.fundedWidth} height={bar.rowHeight} fill="#1a5fb4" />
              {bar.gapWidth > 0 && (
                <rect
                  x={bar.gapX}
                  width={bar.gapWidth}
                  height={bar.rowHeight}
                  fill={`url(#${patternId})`}
                  stroke="#5f6368"
                />
              )}
            </g>
            <text
              x={LABEL_WIDTH + plotWidth + 8}
              y={bar.rowHeight / 2}
              dy="0.35em"
              fontSize="12"
              fill="#1f1f1f"
              className="task-gap-funded"
            >
              {formatCents(datum.fundedCents)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
