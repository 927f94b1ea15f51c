import { useQuery } from "@tanstack/react-query";
import { Link, useLocation, useSearch } from "wouter";
import { GapBar, gapBarDomain } from "@coherence/charts";
import type { PortfolioReport } from "../api-types";
import { ExportBar } from "../components/export-bar";
import { PeriodPicker } from "../components/period-picker";
import { stampEntries } from "../components/stamp";
import { Stamp } from "../components/stamp-view";
import { Empty, LoadError, Loading } from "../components/states";
import { num, text } from "../export/table-data";
import type { ExportTable } from "../export/table-data";
import { centsToDecimal, formatRatio, formatUsdCents, periodName } from "../format";
import { useLocale } from "../i18n/locale";
import type { Messages } from "../i18n/messages";
import { useTRPC } from "../trpc";
import {
  WHOLE_OPERATION,
  operationSearch,
  parsePortfolioView,
  portfolioSearch,
} from "../url-state";
import type { PortfolioSortKey, PortfolioView } from "../url-state";

type Row = PortfolioReport["operations"][number];

const sortValue: Record<PortfolioSortKey, (r: Row) => number | string> = {
  code: (r) => r.code,
  requirement: (r) => r.total.requirement,
  funded: (r) => r.total.funded,
  gap: (r) => r.total.gap,
  coverage: (r) => (r.total.coverageDecimal === null ? -1 : Number(r.total.coverageDecimal)),
  alignment: (r) => (r.alignment.scoreDecimal === null ? -1 : Number(r.alignment.scoreDecimal)),
};

export function sortOperations(rows: readonly Row[], view: PortfolioView): Row[] {
  const value = sortValue[view.sort];
  const sign = view.direction === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const c = x < y ? -1 : x > y ? 1 : 0;
    return c * sign || a.code.localeCompare(b.code);
  });
}

function portfolioTable(
  report: PortfolioReport,
  rows: Row[],
  view: PortfolioView,
  m: Messages,
  locale: string,
): ExportTable {
  return {
    name: `portfolio-${periodName(view.period, locale)}`,
    stamp: stampEntries({ period: view.period, asOf: report.asOf }, m, locale),
    header: [m.operation, m.requirement, m.funded, m.gap, m.pledged, m.coverage, m.alignmentScore],
    rows: rows.map((r) => [
      text(r.code),
      num(centsToDecimal(r.total.requirement)),
      num(centsToDecimal(r.total.funded)),
      num(centsToDecimal(r.total.gap)),
      num(centsToDecimal(r.total.pledged)),
      r.total.coverageDecimal === null ? text("") : num(r.total.coverageDecimal),
      r.alignment.scoreDecimal === null ? text("") : num(r.alignment.scoreDecimal),
    ]),
  };
}

/** Every operation for the chosen period: sortable, with a gap bar on one shared scale. */
export function PortfolioPage() {
  const trpc = useTRPC();
  const { messages: m, intlLocale } = useLocale();
  const search = useSearch();
  const [, navigate] = useLocation();
  const view = parsePortfolioView(search);
  const go = (next: PortfolioView) => {
    navigate(`/?${portfolioSearch(next)}`);
  };
  const report = useQuery(trpc.report.portfolio.queryOptions({ period: view.period }));
  const money = (c: number) => formatUsdCents(c, intlLocale);
  const periodText = periodName(view.period, intlLocale);

  const columns: { key: PortfolioSortKey; label: string }[] = [
    { key: "code", label: m.operation },
    { key: "requirement", label: m.requirement },
    { key: "funded", label: m.funded },
    { key: "gap", label: m.gap },
    { key: "coverage", label: m.coverage },
    { key: "alignment", label: m.alignmentScore },
  ];

  return (
    <section aria-labelledby="portfolio-title">
      <h1 id="portfolio-title">{m.portfolioTitle}</h1>
      <p>{m.portfolioIntro(periodText)}</p>
      <PeriodPicker
        key={search}
        period={view.period}
        onChange={(period) => {
          go({ ...view, period });
        }}
      />
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <LoadError error={report.error} retry={() => void report.refetch()} />
      ) : report.data.operations.length === 0 ? (
        <Empty>{m.noOperations}</Empty>
      ) : (
        (() => {
          const rows = sortOperations(report.data.operations, view);
          const domain = gapBarDomain(
            rows.map((r) => ({
              requirementCents: r.total.requirement,
              fundedCents: r.total.funded,
            })),
          );
          return (
            <>
              <ExportBar
                label={m.exportTitle}
                table={() => portfolioTable(report.data, rows, view, m, intlLocale)}
                withPrint
              />
              <div className="table-scroll">
                <table className="portfolio-table">
                  <caption>{m.portfolioCaption(periodText)}</caption>
                  <thead>
                    <tr>
                      {columns.map((c) => {
                        const active = view.sort === c.key;
                        return (
                          <th
                            key={c.key}
                            scope="col"
                            aria-sort={
                              active
                                ? view.direction === "asc"
                                  ? "ascending"
                                  : "descending"
                                : "none"
                            }
                            className={c.key === "code" ? undefined : "num"}
                          >
                            <button
                              type="button"
                              className="sort-button"
                              onClick={() => {
                                go({
                                  ...view,
                                  sort: c.key,
                                  direction: active && view.direction === "asc" ? "desc" : "asc",
                                });
                              }}
                            >
                              {c.label}
                              <span aria-hidden="true" className="sort-mark">
                                {active ? (view.direction === "asc" ? " ▲" : " ▼") : " ↕"}
                              </span>
                            </button>
                          </th>
                        );
                      })}
                      <th scope="col">{m.gapBar}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.code} data-operation={r.code}>
                        <th scope="row">
                          <Link
                            href={`/operations/${encodeURIComponent(r.code)}?${operationSearch({
                              period: view.period,
                              filter: {},
                              by: null,
                              display: "chart",
                              why: null,
                            })}`}
                          >
                            {r.code}
                          </Link>
                          <div className="op-name">{r.name}</div>
                        </th>
                        {(["requirement", "funded", "gap"] as const).map((measure) => (
                          <td key={measure} className="num">
                            {/* Each figure opens its explanation: the operation's whole figure. */}
                            <Link
                              href={`/operations/${encodeURIComponent(r.code)}?${operationSearch({
                                period: view.period,
                                filter: {},
                                by: null,
                                display: "chart",
                                why: { taskCode: WHOLE_OPERATION, measure },
                              })}`}
                              aria-label={`${m.why} ${m[measure]}, ${r.code}: ${money(r.total[measure])}`}
                            >
                              {money(r.total[measure])}
                            </Link>
                          </td>
                        ))}
                        <td className="num">
                          {formatRatio(r.total.coverageDecimal, intlLocale) ?? m.noRequirement}
                        </td>
                        <td className="num">
                          {formatRatio(r.alignment.scoreDecimal, intlLocale) ?? m.notApplicable}
                          <div className="op-name">
                            {m.inversionsCount(r.alignment.inversions.length)}
                          </div>
                        </td>
                        <td>
                          <GapBar
                            requirementCents={r.total.requirement}
                            fundedCents={r.total.funded}
                            domainMaxCents={domain}
                            label={m.gapBarLabel(
                              r.code,
                              money(r.total.requirement),
                              money(r.total.funded),
                              money(r.total.gap),
                            )}
                          />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p className="note">{m.amountsIn}</p>
              <Stamp period={view.period} asOf={report.data.asOf} />
            </>
          );
        })()
      )}
    </section>
  );
}
