import { useQuery } from "@tanstack/react-query";
import { useMemo, useRef } from "react";
import { Link, useLocation, useSearch } from "wouter";
import { TaskGapChart } from "@coherence/charts";
import type { TaskGapDatum } from "@coherence/charts";
import type { OperationReport } from "../api-types";
import { ViewTabs } from "../analytics/shell";
import { AlignmentSummary } from "../components/alignment";
import { Drilldown } from "../components/drilldown";
import { ExportBar } from "../components/export-bar";
import { NOT_SPECIFIED_KEY } from "../components/names";
import { PeriodPicker } from "../components/period-picker";
import { stampEntries, stampLines } from "../components/stamp";
import { Stamp } from "../components/stamp-view";
import { Empty, LoadError, Loading } from "../components/states";
import { TaskTable, taskExportTable } from "../components/task-table";
import { WhyPanel } from "../components/why-panel";
import { WHOLE_OPERATION } from "../url-state";
import { formatUsdCents, formatUsdCompact, periodName } from "../format";
import { useLocale } from "../i18n/locale";
import type { Messages } from "../i18n/messages";
import { useTRPC } from "../trpc";
import {
  FUNDING_TYPES,
  hasFilter,
  operationSearch,
  parseOperationView,
  serializePeriod,
} from "../url-state";
import type { Filter, OperationView } from "../url-state";

export function chartData(report: OperationReport, m: Messages): TaskGapDatum[] {
  const byType = (r: Record<string, number>) =>
    FUNDING_TYPES.map((key) => ({ key, cents: r[key] ?? 0 }));
  return [
    ...report.tasks.map((t) => ({
      key: t.taskCode,
      label: `${t.rank}. ${t.title}`,
      requirementCents: t.figures.requirement,
      fundedCents: t.figures.funded,
      pledgedCents: t.figures.pledged,
      attributedCents: t.figures.attributed.funded,
      fundedBy: byType(t.fundedByType),
    })),
    {
      key: NOT_SPECIFIED_KEY,
      label: m.notSpecified,
      requirementCents: report.notSpecified.figures.requirement,
      fundedCents: report.notSpecified.figures.funded,
      pledgedCents: report.notSpecified.figures.pledged,
      attributedCents: report.notSpecified.figures.attributed.funded,
      fundedBy: byType(report.notSpecified.fundedByType),
    },
  ];
}

/** One operation: its priority tasks' gap chart, alignment, drill-downs and explanations. */
export default function OperationPage({ code }: { code: string }) {
  const trpc = useTRPC();
  const { messages: m, intlLocale } = useLocale();
  const search = useSearch();
  const [, navigate] = useLocation();
  const view = parseOperationView(search);
  const chartRef = useRef<SVGSVGElement>(null);
  const go = (next: OperationView, replace = false) => {
    navigate(`/operations/${encodeURIComponent(code)}?${operationSearch(next)}`, { replace });
  };
  const report = useQuery(
    trpc.report.operation.queryOptions({
      operation: code,
      period: view.period,
      filter: view.filter,
    }),
  );
  const organizations = useQuery(trpc.organization.list.queryOptions());
  const orgNames = useMemo(
    () => new Map((organizations.data ?? []).map((o) => [o.code, o.name] as const)),
    [organizations.data],
  );
  const money = (c: number) => formatUsdCents(c, intlLocale);
  const periodText = periodName(view.period, intlLocale);

  const filterChips = Object.entries(view.filter).filter(([, v]) => v !== undefined) as [
    keyof Filter,
    string,
  ][];
  const filterValueName = (key: keyof Filter, value: string) =>
    key === "fundingType"
      ? (m.fundingTypes[value] ?? value)
      : key === "categoryCode"
        ? (m.categories[value] ?? value)
        : (orgNames.get(value) ?? value);

  return (
    <section aria-labelledby="operation-title" className="operation-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href={`/?period=${serializePeriod(view.period)}`}>{m.navPortfolio}</Link>{" "}
        <span aria-hidden="true">›</span> <span aria-current="page">{code}</span>
      </nav>
      <h1 id="operation-title">{m.operationTitle(code)}</h1>
      <ViewTabs
        operation={code}
        current="overview"
        period={view.period}
        filter={{
          ...(view.filter.donorCode ? { donor: view.filter.donorCode } : {}),
          ...(view.filter.entityCode ? { entity: view.filter.entityCode } : {}),
        }}
      />
      {report.data && (
        <p className="subtitle">
          {report.data.operation.name}.{" "}
          {report.data.resolution ? m.mandate(report.data.resolution) : m.noMandate}
        </p>
      )}
      <div className="toolbar">
        <PeriodPicker
          key={search}
          period={view.period}
          onChange={(period) => {
            go({ ...view, period, why: null });
          }}
        />
        <div className="filters" role="group" aria-label={m.filters}>
          <span>{m.filters}:</span>{" "}
          {filterChips.length === 0
            ? m.noFilters
            : filterChips.map(([key, value]) => {
                const what = `${m.filterLabels[key] ?? key} = ${filterValueName(key, value)}`;
                return (
                  <button
                    key={key}
                    type="button"
                    className="chip"
                    aria-label={m.removeFilter(what)}
                    onClick={() => {
                      const filter = Object.fromEntries(
                        Object.entries(view.filter).filter(([k]) => k !== key),
                      ) as Filter;
                      go({ ...view, filter, why: null });
                    }}
                  >
                    {what} <span aria-hidden="true">×</span>
                  </button>
                );
              })}
        </div>
      </div>
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <LoadError error={report.error} retry={() => void report.refetch()} />
      ) : (
        (() => {
          const data = report.data;
          const stampInput = {
            operation: code,
            period: view.period,
            asOf: data.asOf,
            ratesInForce: data.ratesInForce,
            filter: view.filter,
          };
          const stamp = stampEntries(stampInput, m, intlLocale);
          const fileBase = `${code}-${periodText}${hasFilter(view.filter) ? "-filtered" : ""}`;
          const noMoney =
            data.total.funded === 0 && data.total.pledged === 0 && data.total.committed === 0;
          return (
            <>
              <dl className="summary">
                {(
                  [
                    ["requirement", data.total.requirement],
                    ["funded", data.total.funded],
                    ["gap", data.total.gap],
                    ["pledged", data.total.pledged],
                  ] as const
                ).map(([k, cents]) => (
                  <div key={k} data-measure={k} data-cents={cents}>
                    <dt>{m[k]}</dt>
                    <dd>
                      <button
                        type="button"
                        className="figure-button"
                        aria-label={`${m.why} ${m[k]} ${money(cents)}`}
                        onClick={() => {
                          go({ ...view, why: { taskCode: WHOLE_OPERATION, measure: k } });
                        }}
                      >
                        {money(cents)}
                      </button>
                    </dd>
                  </div>
                ))}
              </dl>
              {data.tasks.length === 0 && <Empty>{m.noTasks}</Empty>}
              {noMoney && <Empty>{m.noFlows}</Empty>}
              <div className="view-switch">
                <button
                  type="button"
                  aria-pressed={view.display === "table"}
                  onClick={() => {
                    go({ ...view, display: view.display === "table" ? "chart" : "table" }, true);
                  }}
                >
                  {view.display === "table" ? m.showAsChart : m.showAsTable}
                </button>
              </div>
              <ExportBar
                label={m.exportTitle}
                chart={view.display === "chart" ? chartRef : undefined}
                table={() => taskExportTable(data, `${fileBase}-tasks`, stamp, m)}
                withPrint
              />
              {view.display === "chart" ? (
                <figure className="chart-figure">
                  <TaskGapChart
                    svgRef={chartRef}
                    data={chartData(data, m)}
                    labels={{
                      title: m.chartTitle(code, periodText),
                      description: m.chartDescription,
                      requirement: m.requirement.toLowerCase(),
                      funded: m.funded.toLowerCase(),
                      gap: m.gap.toLowerCase(),
                      pledged: m.pledged.toLowerCase(),
                      attributed: m.attributed,
                      noRequirement: m.noRequirement,
                      segments: m.fundingTypes,
                    }}
                    formatCents={money}
                    formatAxis={(cents) => formatUsdCompact(cents, intlLocale)}
                    onSelect={(key) => {
                      go({
                        ...view,
                        why: { taskCode: key === NOT_SPECIFIED_KEY ? null : key, measure: "gap" },
                      });
                    }}
                    stamp={stampLines(stampInput, m, intlLocale)}
                  />
                  <figcaption className="note">{m.amountsIn}</figcaption>
                </figure>
              ) : null}
              <TaskTable
                report={data}
                caption={m.tasksCaption(code, periodText)}
                onWhy={
                  view.display === "table"
                    ? (why) => {
                        go({ ...view, why });
                      }
                    : null
                }
                className={view.display === "table" ? undefined : "print-only"}
              />
              {view.why && (
                <WhyPanel
                  operation={code}
                  period={view.period}
                  filter={view.filter}
                  target={view.why}
                  report={data}
                  organizations={orgNames}
                  onClose={() => {
                    go({ ...view, why: null });
                  }}
                />
              )}
              {data.unallocated.length > 0 && (
                <section aria-labelledby="unallocated-title">
                  <h2 id="unallocated-title">{m.unallocatedTitle}</h2>
                  <ul>
                    {data.unallocated.map((u) => (
                      <li key={u.entityCode}>
                        {orgNames.get(u.entityCode) ?? u.entityCode}: {money(u.figures.funded)}
                      </li>
                    ))}
                  </ul>
                </section>
              )}
              <AlignmentSummary report={data} />
              <Drilldown
                operation={code}
                period={view.period}
                by={view.by}
                report={data}
                organizations={orgNames}
                exportName={`${fileBase}-by-${view.by ?? "none"}`}
                stamp={stamp}
                onBy={(by) => {
                  go({ ...view, by });
                }}
                onFilter={(filter) => {
                  go({ ...view, filter: { ...view.filter, ...filter }, why: null });
                }}
                onWhy={(why) => {
                  go({ ...view, why });
                }}
              />
              <Stamp {...stampInput} />
            </>
          );
        })()
      )}
    </section>
  );
}
