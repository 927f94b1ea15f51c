import { useQuery } from "@tanstack/react-query";
import { useRef } from "react";
import { FlowSankey, nodeFilter } from "@coherence/charts";
import { stampLines } from "../components/stamp";
import { num, text } from "../export/table-data";
import { centsToDecimal, formatUsdCents, periodName } from "../format";
import { useLocale } from "../i18n/locale";
import { useAnalyticsMessages } from "../i18n/analytics-messages";
import type { FlowGraph } from "../api-types";
import type { ViewProps } from "../pages/analytics";
import { useTRPC } from "../trpc";
import { selectedNodeId, stampFilter, toggleFilter } from "./analytics-state";
import { linkExplainFilter } from "./maths";
import { ViewPeriodPicker, ViewScaffold, ViewSections } from "./view-scaffold";
import { AnalyticsWhy } from "./why";

/** Donor → entity → task money as a Sankey diagram; selecting a node filters the other views. */
export default function FlowsView(props: ViewProps) {
  const { operation, state, go } = props;
  const trpc = useTRPC();
  const graph = useQuery(
    trpc.analytics.flowGraph.queryOptions({ operation, period: state.period }),
  );
  return (
    <ViewScaffold query={graph} toolbar={<ViewPeriodPicker state={state} go={go} />}>
      {(data) => <FlowsContent {...props} data={data} />}
    </ViewScaffold>
  );
}

function FlowsContent({ operation, state, go, names, data }: ViewProps & { data: FlowGraph }) {
  const { messages: m, intlLocale } = useLocale();
  const a = useAnalyticsMessages();
  const chartRef = useRef<SVGSVGElement>(null);
  const money = (c: number) => formatUsdCents(c, intlLocale);
  const periodText = periodName(state.period, intlLocale);
  const nodeName = (id: string) => {
    const node = data.nodes.find((n) => n.id === id);
    if (!node) return id;
    if (node.kind === "unallocated") return a.unallocatedOf(names.org(node.code ?? node.label));
    if (node.kind === "carryover") return a.carryoverOf(names.org(node.code ?? node.label));
    if (node.kind === "task")
      return node.code === null ? a.notSpecifiedTask : names.task(node.code);
    return node.label;
  };
  const nodes = data.nodes.map((n) => ({ ...n, label: nodeName(n.id) }));
  const selected = selectedNodeId(state.filter);
  const selectedPresent = selected !== null && nodes.some((n) => n.id === selected);
  const stampInput = {
    operation,
    period: state.period,
    asOf: data.asOf,
    filter: stampFilter(state.filter),
  };
  const whyIndex = state.why?.startsWith("link:") ? Number(state.why.slice(5)) : null;
  const whyLink = whyIndex !== null ? data.links[whyIndex] : undefined;
  return (
    <ViewSections
      intro={a.flowsIntro}
      lead={
        <p role="status" className="selection">
          {selectedPresent ? a.selectedNode(nodeName(selected)) : ""}
        </p>
      }
      empty={data.links.length === 0 && a.noFlowsInPeriod}
      exports={{
        chart: chartRef,
        table: () => ({
          name: `${operation}-${periodText}-flows`,
          header: [a.fromNode, a.toNode, a.linkKind, `${m.funded} (USD)`],
          rows: data.links.map((l) => [
            text(nodeName(l.source)),
            text(nodeName(l.target)),
            text(a.linkKinds[l.kind] ?? l.kind),
            num(centsToDecimal(l.cents)),
          ]),
        }),
      }}
      stamp={stampInput}
    >
      <figure className="chart-figure">
        <FlowSankey
          svgRef={chartRef}
          nodes={nodes}
          links={data.links}
          selected={selected}
          labels={{
            title: a.flowsChartTitle(operation, periodText),
            description: a.flowsChartDescription,
            linkKinds: a.linkKinds,
            nodeKinds: a.nodeKinds,
            node: (n, inText, outText) =>
              a.nodeLabel(
                n.label,
                a.nodeKinds[n.kind] ?? n.kind,
                inText,
                outText,
                n.id === selected,
              ),
          }}
          formatCents={money}
          onSelect={(node) => {
            go(
              {
                ...state,
                filter: toggleFilter(state.filter, nodeFilter(node, data.links)),
                why: null,
              },
              true,
            );
          }}
          stamp={stampLines(stampInput, m, intlLocale)}
        />
        <figcaption className="note">{m.amountsIn}</figcaption>
      </figure>
      <div className="table-scroll">
        <table className="flows-table">
          <caption>{a.flowsCaption(operation, periodText)}</caption>
          <thead>
            <tr>
              <th scope="col">{a.fromNode}</th>
              <th scope="col">{a.toNode}</th>
              <th scope="col">{a.linkKind}</th>
              <th scope="col" className="num">
                {m.funded}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.links.map((l, i) => (
              <tr
                key={`${l.source}-${l.target}`}
                data-source={l.source}
                data-target={l.target}
                className={
                  selected && (l.source === selected || l.target === selected)
                    ? "selected-row"
                    : undefined
                }
              >
                <th scope="row">{nodeName(l.source)}</th>
                <td>{nodeName(l.target)}</td>
                <td>{a.linkKinds[l.kind] ?? l.kind}</td>
                <td className="num" data-cents={l.cents}>
                  <button
                    type="button"
                    className="figure-button"
                    aria-label={`${money(l.cents)} — ${a.whyTitle(`${nodeName(l.source)} → ${nodeName(l.target)}`)}`}
                    onClick={() => {
                      go({ ...state, why: `link:${i}` });
                    }}
                  >
                    {money(l.cents)}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {whyLink && (
        <AnalyticsWhy
          operation={operation}
          period={state.period}
          filter={linkExplainFilter(whyLink)}
          measures={["funded"]}
          title={`${nodeName(whyLink.source)} → ${nodeName(whyLink.target)}`}
          onClose={() => {
            go({ ...state, why: null });
          }}
        />
      )}
    </ViewSections>
  );
}
