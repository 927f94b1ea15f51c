import { gapBarLayout } from "./gap-bar-layout";
import { ChartPatterns, patternId } from "./patterns";
import { GAP_COLOR, REQUIREMENT_STROKE, SEGMENT_STYLES } from "./palette";
import { useId } from "react";

export interface GapBarProps {
  requirementCents: number;
  fundedCents: number;
  /** The largest amount of the set, so every bar of a small-multiple set shares one scale. */
  domainMaxCents: number;
  /** Accessible name, e.g. "MINUSCA: requirement $1.00, funded $0.40, gap $0.60". */
  label: string;
  width?: number;
  height?: number;
}

/**
 * One small-multiple gap bar: the requirement outlined, the funded part solid, the gap hatched,
 * any surplus drawn past the requirement's end. Meant for tables of operations.
 */
export function GapBar({
  requirementCents,
  fundedCents,
  domainMaxCents,
  label,
  width = 160,
  height = 14,
}: GapBarProps) {
  const prefix = `gb${useId()}`;
  const l = gapBarLayout({ requirementCents, fundedCents }, { width: width - 2, domainMaxCents });
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      role="img"
      aria-label={label}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      className="gap-bar"
    >
      <ChartPatterns prefix={prefix} />
      <g transform="translate(1,1)">
        <rect
          width={l.requirementWidth}
          height={height - 2}
          fill="#fff"
          stroke={REQUIREMENT_STROKE}
        />
        <rect
          width={Math.min(l.fundedWidth, l.requirementWidth)}
          height={height - 2}
          fill={SEGMENT_STYLES.assessed?.color}
          className="gap-bar-funded"
        />
        {l.gapWidth > 0 && (
          <rect
            x={l.gapX}
            width={l.gapWidth}
            height={height - 2}
            fill={`url(#${patternId(prefix, "gap")})`}
            stroke={GAP_COLOR}
          />
        )}
        {l.surplusWidth > 0 && (
          <rect
            x={l.surplusX}
            width={l.surplusWidth}
            height={height - 2}
            fill={`url(#${patternId(prefix, "voluntary_core")})`}
          />
        )}
      </g>
    </svg>
  );
}
