import type { ReactNode } from "react";
import { Link } from "wouter";
import { useLocale } from "../i18n/locale";
import { useAnalyticsMessages } from "../i18n/analytics-messages";
import { serializePeriod } from "../url-state";
import type { Period } from "../url-state";
import { ANALYTIC_VIEWS, operationViewSearch, viewHref } from "./analytics-state";
import type { AnalyticView, AnalyticsFilter } from "./analytics-state";

/** Tabs between the operation's views, carrying the period and the filter. */
export function ViewTabs({
  operation,
  current,
  period,
  filter,
}: {
  operation: string;
  current: AnalyticView | "overview";
  period: Period;
  filter: AnalyticsFilter;
}) {
  const a = useAnalyticsMessages();
  const href = (view: AnalyticView) => viewHref(operation, view, period, filter);
  return (
    <nav aria-label={a.navAnalytics} className="view-tabs">
      <ul>
        <li>
          <Link
            href={`/operations/${encodeURIComponent(operation)}?${operationViewSearch(period, filter)}`}
            aria-current={current === "overview" ? "page" : undefined}
          >
            {a.views.overview}
          </Link>
        </li>
        {ANALYTIC_VIEWS.map((view) => (
          <li key={view}>
            <Link href={href(view)} aria-current={current === view ? "page" : undefined}>
              {a.views[view]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The selected donor, entity or task, each removable; the donor links to its donor view. */
export function FilterChips({
  filter,
  names,
  onChange,
}: {
  filter: AnalyticsFilter;
  names: (kind: keyof AnalyticsFilter, code: string) => string;
  onChange: (filter: AnalyticsFilter) => void;
}) {
  const { messages: m } = useLocale();
  const a = useAnalyticsMessages();
  const entries = Object.entries(filter).filter(([, v]) => v) as [keyof AnalyticsFilter, string][];
  const label = (k: keyof AnalyticsFilter) =>
    k === "task" ? a.filterTask : (m.filterLabels[`${k}Code`] ?? k);
  return (
    <div className="filters" role="group" aria-label={m.filters}>
      <span>{m.filters}:</span>{" "}
      {entries.length === 0
        ? m.noFilters
        : entries.map(([k, v]) => {
            const what = `${label(k)} = ${names(k, v)}`;
            return (
              <span key={k} className="chip-group">
                <button
                  type="button"
                  className="chip"
                  aria-label={m.removeFilter(what)}
                  onClick={() => {
                    onChange(
                      Object.fromEntries(Object.entries(filter).filter(([key]) => key !== k)),
                    );
                  }}
                >
                  {what} <span aria-hidden="true">×</span>
                </button>
                {k === "donor" && (
                  <Link href={`/donors/${encodeURIComponent(v)}`}>{a.openDonor(names(k, v))}</Link>
                )}
              </span>
            );
          })}
    </div>
  );
}

export function ViewHeader({
  operation,
  view,
  period,
  filter,
  children,
}: {
  operation: string;
  view: AnalyticView;
  period: Period;
  filter: AnalyticsFilter;
  children?: ReactNode;
}) {
  const { messages: m } = useLocale();
  const a = useAnalyticsMessages();
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href={`/?period=${serializePeriod(period)}`}>{m.navPortfolio}</Link>{" "}
        <span aria-hidden="true">›</span>{" "}
        <Link
          href={`/operations/${encodeURIComponent(operation)}?${operationViewSearch(period, filter)}`}
        >
          {operation}
        </Link>{" "}
        <span aria-hidden="true">›</span> <span aria-current="page">{a.views[view]}</span>
      </nav>
      <h1 id="analytics-title">{a.viewTitle(a.views[view] ?? view, operation)}</h1>
      <ViewTabs operation={operation} current={view} period={period} filter={filter} />
      {children}
    </>
  );
}
