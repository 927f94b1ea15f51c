import { useState } from "react";
import type { KeyboardEvent, Ref } from "react";
import { ChartFrame, lineEntry } from "./chart-frame";
import { INK, MUTED_INK } from "./palette";
import { flowSankeyLayout } from "./sankey-layout";
import { placeSankeyLabels } from "./sankey-labels";
import type { FlowLinkDatum, FlowNodeDatum, PlacedFlowNode } from "./sankey-layout";

export interface FlowSankeyLabels {
  title: string;
  description: string;
  /** Legend names of the link kinds and node kinds. */
  linkKinds: Record<string, string>;
  nodeKinds: Record<string, string>;
  /** A node's accessible name, e.g. "UNDP (entity): in $1.00, out $1.00. Select to filter." */
  node: (node: PlacedFlowNode, inText: string, outText: string) => string;
}

export interface FlowSankeyProps {
  nodes: readonly FlowNodeDatum[];
  links: readonly FlowLinkDatum[];
  labels: FlowSankeyLabels;
  formatCents: (cents: number) => string;
  /** The selected node's id: it and its links are highlighted. */
  selected?: string | null;
  onSelect?: (node: PlacedFlowNode) => void;
  stamp?: readonly string[];
  svgRef?: Ref<SVGSVGElement>;
  width?: number;
  height?: number;
}

/** Node fills: each kind has its own shape of border too (pooled funds dashed, unallocated dotted). */
export const FLOW_NODE_STYLES: Record<string, { fill: string; dash?: string }> = {
  organization: { fill: "#1a4f9c" },
  pooled_fund: { fill: "#8a4500", dash: "4 2" },
  task: { fill: "#1d6b38" },
  unallocated: { fill: "#5f6368", dash: "1 2" },
  carryover: { fill: "#8a4500", dash: "1 2" },
};
export const FLOW_LINK_STYLES: Record<string, { color: string; dash?: string }> = {
  contribution: { color: "#8fb3e8" },
  transfer: { color: "#e0a867", dash: "6 3" },
  allocation: { color: "#8fcf9f" },
  carryover: { color: "#e0a867", dash: "1 3" },
};

const MARGIN_X = 150;

/**
 * Donor → entity → task money as a Sankey diagram. Transfers through pooled funds are drawn as
 * their own dashed kind of link and counted once. Every node is focusable and announces its exact
 * money in and out; Enter, Space or a click selects it.
 */
export function FlowSankey({
  nodes,
  links,
  labels,
  formatCents,
  selected = null,
  onSelect,
  stamp = [],
  svgRef,
  width = 900,
  height = 460,
}: FlowSankeyProps) {
  const [hover, setHover] = useState<string | null>(null);
  const plotWidth = width - 2 * MARGIN_X;
  const layout = flowSankeyLayout(nodes, links, { width: plotWidth, height });
  const placed = placeSankeyLabels(layout.nodes, layout.links, {
    width: plotWidth,
    height,
    margin: MARGIN_X,
  });
  const labelFor = new Map(placed.map((l) => [l.id, l]));
  // Middle labels set above or below the plot, and those of a crowded first or last column, may
  // run past it: the drawing grows to hold them.
  const labelsTop = Math.min(0, ...placed.map((l) => l.box.y0));
  const labelsBottom = Math.max(height, ...placed.map((l) => l.box.y1));
  const focus = hover ?? selected;
  const touches = (l: { source: string; target: string }) =>
    focus === null || l.source === focus || l.target === focus;
  const onKeyDown = (node: PlacedFlowNode) => (event: KeyboardEvent<SVGGElement>) => {
    if (onSelect && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      onSelect(node);
    }
  };
  const legend = [
    ...Object.entries(FLOW_LINK_STYLES).map(([k, style]) =>
      lineEntry({
        key: k,
        label: labels.linkKinds[k] ?? k,
        color: style.color,
        width: 6,
        dash: style.dash,
        length: 20,
      }),
    ),
    ...Object.entries(FLOW_NODE_STYLES).map(([k, style]) => ({
      key: `n-${k}`,
      label: labels.nodeKinds[k] ?? k,
      swatchWidth: 10,
      swatch: (
        <rect width={10} height={14} fill={style.fill} stroke={INK} strokeDasharray={style.dash} />
      ),
    })),
  ];
  return (
    <ChartFrame
      title={labels.title}
      description={labels.description}
      width={width}
      bodyHeight={labelsBottom - labelsTop + 12}
      legend={{ entries: legend, columns: 4, rowHeight: 20, fontSize: 11 }}
      stamp={stamp}
      svgRef={svgRef}
      className="flow-sankey"
    >
      <g transform={`translate(${MARGIN_X},${-labelsTop})`}>
        <g aria-hidden="true" className="flow-links">
          {layout.links.map((l) => {
            const style = FLOW_LINK_STYLES[l.kind] ?? { color: "#999" };
            return (
              <path
                key={`${l.source}→${l.target}`}
                className={`flow-link flow-link-${l.kind}`}
                data-source={l.source}
                data-target={l.target}
                data-cents={l.cents}
                d={l.path}
                fill="none"
                stroke={style.color}
                strokeWidth={l.width}
                strokeDasharray={style.dash}
                strokeOpacity={touches(l) ? 0.85 : 0.15}
              >
                <title>{`${l.source.replace(/^\w+:/, "")} → ${l.target.replace(/^\w+:/, "")}: ${formatCents(l.cents)}`}</title>
              </path>
            );
          })}
        </g>
        {layout.nodes.map((n) => {
          const style = FLOW_NODE_STYLES[n.kind] ?? { fill: "#5f6368" };
          const label = labelFor.get(n.id);
          const isSelected = selected === n.id;
          return (
            <g
              key={n.id}
              className={`flow-node${isSelected ? " selected" : ""}`}
              data-node={n.id}
              data-in-cents={n.inCents}
              data-out-cents={n.outCents}
              tabIndex={0}
              role="graphics-symbol"
              aria-label={labels.node(n, formatCents(n.inCents), formatCents(n.outCents))}
              aria-current={isSelected ? "true" : undefined}
              onClick={
                onSelect
                  ? () => {
                      onSelect(n);
                    }
                  : undefined
              }
              onKeyDown={onKeyDown(n)}
              onMouseEnter={() => {
                setHover(n.id);
              }}
              onMouseLeave={() => {
                setHover(null);
              }}
              onFocus={() => {
                setHover(n.id);
              }}
              onBlur={() => {
                setHover(null);
              }}
            >
              <rect
                x={n.x0}
                y={n.y0}
                width={n.x1 - n.x0}
                height={Math.max(1, n.y1 - n.y0)}
                fill={style.fill}
                stroke={isSelected ? "#000" : INK}
                strokeWidth={isSelected ? 3 : 1}
                strokeDasharray={style.dash}
              />
              {label?.leader && (
                <LeaderLine points={label.leader} acrossBands={label.leaderCrossesBands} />
              )}
              {label && (
                <text
                  className="flow-label"
                  x={label.x}
                  y={label.y}
                  dy="0.35em"
                  textAnchor={label.anchor}
                  fontSize="11"
                  fontWeight={isSelected ? 700 : 400}
                  fill={INK}
                >
                  {label.truncated && <title>{label.full}</title>}
                  {label.text}
                </text>
              )}
            </g>
          );
        })}
      </g>
    </ChartFrame>
  );
}

/**
 * A label's leader. One that must cross bands (the fallback for a node hemmed in by them, see
 * sankey-leaders.ts) runs on a white casing, so that it reads as passing over them.
 */
function LeaderLine({
  points,
  acrossBands,
}: {
  points: readonly [number, number][];
  acrossBands: boolean;
}) {
  const d = points.map(([x, y]) => `${x},${y}`).join(" ");
  return (
    <>
      {acrossBands && (
        <polyline
          className="flow-label-leader-casing"
          points={d}
          fill="none"
          stroke="#fff"
          strokeWidth={3}
        />
      )}
      <polyline
        className={`flow-label-leader${acrossBands ? " across-bands" : ""}`}
        points={d}
        fill="none"
        stroke={MUTED_INK}
        strokeWidth={1}
      />
    </>
  );
}
