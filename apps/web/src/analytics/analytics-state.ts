// The analytic views' URL state: which view, the period, the filter a selected flow node set
// (donor, entity or task: every analytic view and the operation view respect it), and each
// view's own settings. Opening a copied URL restores the same view.
import { parsePeriod, serializePeriod } from "../url-state";
import type { Period } from "../url-state";

export const ANALYTIC_VIEWS = [
  "timeline",
  "flows",
  "coverage",
  "predictability",
  "execution",
  "scorecards",
] as const;
export type AnalyticView = (typeof ANALYTIC_VIEWS)[number];

export interface AnalyticsFilter {
  donor?: string;
  entity?: string;
  task?: string;
}

export interface CoverageSettings {
  kind: "calendar" | "peacekeeping";
  granularity: "year" | "quarter";
  fromYear: number;
  toYear: number;
}

/** The figure an open "why this number?" panel explains, e.g. "cell:3:2", "link:4", "month:2025-03:paid". */
export type WhyKey = string;

export interface AnalyticsView {
  view: AnalyticView;
  period: Period;
  filter: AnalyticsFilter;
  coverage: CoverageSettings;
  /** Review date of the predictability panel (ISO). */
  asOf: string;
  display: "chart" | "table";
  why: WhyKey | null;
}

const CODE = /^[A-Za-z0-9._-]{1,40}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const WHY = /^[A-Za-z0-9._:-]{1,120}$/;

function code(value: string | null): string | undefined {
  return value && CODE.test(value) ? value : undefined;
}

export function isAnalyticView(value: string): value is AnalyticView {
  return (ANALYTIC_VIEWS as readonly string[]).includes(value);
}

/** Four peacekeeping years up to the one in progress, by year. */
export function defaultCoverage(today = new Date()): CoverageSettings {
  const y = today.getUTCFullYear();
  const current = today.getUTCMonth() >= 6 ? y : y - 1;
  return { kind: "peacekeeping", granularity: "year", fromYear: current - 3, toYear: current };
}

export function parseAnalyticsView(
  view: AnalyticView,
  search: string,
  today = new Date(),
): AnalyticsView {
  const q = new URLSearchParams(search);
  const filter: AnalyticsFilter = {};
  const donor = code(q.get("donor"));
  const entity = code(q.get("entity"));
  const task = code(q.get("task"));
  if (donor) filter.donor = donor;
  if (entity) filter.entity = entity;
  if (task) filter.task = task;
  const fallback = defaultCoverage(today);
  const year = (v: string | null) => (v && /^\d{4}$/.test(v) ? Number(v) : null);
  let fromYear = year(q.get("from")) ?? fallback.fromYear;
  let toYear = year(q.get("to")) ?? fallback.toYear;
  if (fromYear > toYear) [fromYear, toYear] = [toYear, fromYear];
  if (toYear - fromYear > 30) fromYear = toYear - 30;
  const asOf = q.get("asof");
  const why = q.get("why");
  return {
    view,
    period: parsePeriod(q.get("period")),
    filter,
    coverage: {
      kind:
        q.get("grid") === "cy"
          ? "calendar"
          : q.get("grid") === "pk"
            ? "peacekeeping"
            : fallback.kind,
      granularity: q.get("by") === "quarter" ? "quarter" : "year",
      fromYear,
      toYear,
    },
    asOf: asOf && ISO_DATE.test(asOf) ? asOf : today.toISOString().slice(0, 10),
    display: q.get("display") === "table" ? "table" : "chart",
    why: why && WHY.test(why) ? why : null,
  };
}

/**
 * The query string of a view: only what that view uses (plus the shared period and filter), in a
 * stable order so equal views have equal URLs.
 */
export function analyticsSearch(v: AnalyticsView): string {
  const q = new URLSearchParams();
  // Every view keeps the period, even those that span all periods, so it survives a tab change.
  q.set("period", serializePeriod(v.period));
  if (v.filter.donor) q.set("donor", v.filter.donor);
  if (v.filter.entity) q.set("entity", v.filter.entity);
  if (v.filter.task) q.set("task", v.filter.task);
  if (v.view === "coverage") {
    q.set("grid", v.coverage.kind === "calendar" ? "cy" : "pk");
    q.set("by", v.coverage.granularity);
    q.set("from", String(v.coverage.fromYear));
    q.set("to", String(v.coverage.toYear));
  }
  if (v.view === "predictability") q.set("asof", v.asOf);
  if (v.display === "table") q.set("display", "table");
  if (v.why) q.set("why", v.why);
  return q.toString();
}

export function analyticsHref(operation: string, v: AnalyticsView): string {
  return `/operations/${encodeURIComponent(operation)}/${v.view}?${analyticsSearch(v)}`;
}

/** A tab's link: the view with the same period and filter, its own settings at their defaults. */
export function viewHref(
  operation: string,
  view: AnalyticView,
  period: Period,
  filter: AnalyticsFilter,
): string {
  const q = new URLSearchParams();
  q.set("period", serializePeriod(period));
  if (filter.donor) q.set("donor", filter.donor);
  if (filter.entity) q.set("entity", filter.entity);
  if (filter.task) q.set("task", filter.task);
  return `/operations/${encodeURIComponent(operation)}/${view}?${q.toString()}`;
}

/** The same period and filter carried to another view (its own settings reset, no panel open). */
export function switchView(v: AnalyticsView, view: AnalyticView): AnalyticsView {
  return { ...v, view, why: null, display: "chart" };
}

/** The operation view's query for the same period and filter (it has no task filter). */
export function operationViewSearch(period: Period, filter: AnalyticsFilter): string {
  const q = new URLSearchParams();
  q.set("period", serializePeriod(period));
  if (filter.entity) q.set("entity", filter.entity);
  if (filter.donor) q.set("donor", filter.donor);
  return q.toString();
}

/** Toggle one filter: selecting the node already selected clears it; another replaces the filter. */
export function toggleFilter(
  current: AnalyticsFilter,
  next: AnalyticsFilter | null,
): AnalyticsFilter {
  if (!next) return current;
  const same = Object.entries(next).every(([k, v]) => current[k as keyof AnalyticsFilter] === v);
  return same && Object.keys(current).length === Object.keys(next).length ? {} : next;
}

/** The flow-diagram node a filter selects. */
export function selectedNodeId(filter: AnalyticsFilter): string | null {
  if (filter.task) return `task:${filter.task}`;
  if (filter.entity) return `org:${filter.entity}`;
  if (filter.donor) return `org:${filter.donor}`;
  return null;
}

/** The report filter the API takes for an analytics filter (task is a row, not a report filter). */
export function reportFilter(f: AnalyticsFilter): { entityCode?: string; donorCode?: string } {
  return {
    ...(f.entity ? { entityCode: f.entity } : {}),
    ...(f.donor ? { donorCode: f.donor } : {}),
  };
}

/** The filter as the analytic procedures take it (`analytics.timeline`, `report.predictability`). */
export function queryFilter(f: AnalyticsFilter): AnalyticsFilter {
  return {
    ...(f.donor ? { donor: f.donor } : {}),
    ...(f.entity ? { entity: f.entity } : {}),
    ...(f.task ? { task: f.task } : {}),
  };
}

/** The filter as a view's stamp writes it. */
export function stampFilter(f: AnalyticsFilter): {
  donorCode?: string;
  entityCode?: string;
  taskCode?: string;
} {
  return {
    ...(f.donor ? { donorCode: f.donor } : {}),
    ...(f.entity ? { entityCode: f.entity } : {}),
    ...(f.task ? { taskCode: f.task } : {}),
  };
}
