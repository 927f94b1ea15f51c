// Everything a view shows is in its URL: the period, the operation, the filters, the drill-down
// and the open "why this number?" panel. Opening a copied URL restores the same view.

export type Period =
  | { kind: "calendar"; year: number }
  | { kind: "peacekeeping"; year: number }
  | { kind: "custom"; from: string; to: string };

export const DRILL_DIMENSIONS = ["entity", "category", "fundingType", "donor"] as const;
export type DrillBy = (typeof DRILL_DIMENSIONS)[number];

export const FUNDING_TYPES = [
  "assessed",
  "voluntary_core",
  "voluntary_earmarked",
  "pooled",
] as const;
export type FundingType = (typeof FUNDING_TYPES)[number];

export interface Filter {
  entityCode?: string;
  donorCode?: string;
  fundingType?: FundingType;
  categoryCode?: string;
}

export const MEASURES = ["requirement", "pledged", "committed", "paid", "funded", "gap"] as const;
export type Measure = (typeof MEASURES)[number];

/** The filter a drill-down column stands for. */
export const DRILL_FILTER_KEY: Record<DrillBy, keyof Filter> = {
  entity: "entityCode",
  donor: "donorCode",
  fundingType: "fundingType",
  category: "categoryCode",
};

/**
 * The figure a "why this number?" panel explains. taskCode null = the Not specified bucket (or,
 * with `unallocated`, the pooled funds' unallocated balances); WHOLE_OPERATION = every bucket.
 */
export interface WhyTarget {
  taskCode: string | null;
  measure: Measure;
  unallocated?: boolean;
  /**
   * A drill-down figure (computed without the view's filters): the dimension and the column's
   * value (null = records without one); no value = the row's total.
   */
  drill?: { by: DrillBy; value?: string | null };
}

export interface OperationView {
  period: Period;
  filter: Filter;
  by: DrillBy | null;
  display: "chart" | "table";
  why: WhyTarget | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const YEAR = /^\d{4}$/;
const CODE = /^[A-Za-z0-9._-]{1,40}$/;
const NOT_SPECIFIED = "_";
const UNALLOCATED = "~";
/** The whole operation (every task, Not specified and unallocated): its summary figures. */
export const WHOLE_OPERATION = "*";

/** The last complete calendar year: the default period, where a year's data is settled. */
export function defaultPeriod(today = new Date()): Period {
  return { kind: "calendar", year: today.getUTCFullYear() - 1 };
}

/** "cy2025", "pk2024" or "2025-01-01..2025-06-30". */
export function serializePeriod(p: Period): string {
  switch (p.kind) {
    case "calendar":
      return `cy${p.year}`;
    case "peacekeeping":
      return `pk${p.year}`;
    case "custom":
      return `${p.from}..${p.to}`;
  }
}

export function parsePeriod(text: string | null, fallback: Period = defaultPeriod()): Period {
  if (!text) return fallback;
  const kind = text.slice(0, 2);
  const year = text.slice(2);
  if ((kind === "cy" || kind === "pk") && YEAR.test(year)) {
    return { kind: kind === "cy" ? "calendar" : "peacekeeping", year: Number(year) };
  }
  const [from, to] = text.split("..");
  if (from && to && ISO_DATE.test(from) && ISO_DATE.test(to) && from <= to) {
    return { kind: "custom", from, to };
  }
  return fallback;
}

function code(value: string | null): string | undefined {
  return value && CODE.test(value) ? value : undefined;
}

export function parseOperationView(search: string, fallback?: Period): OperationView {
  const q = new URLSearchParams(search);
  const filter: Filter = {};
  const entity = code(q.get("entity"));
  const donor = code(q.get("donor"));
  const category = code(q.get("category"));
  const type = q.get("type");
  if (entity) filter.entityCode = entity;
  if (donor) filter.donorCode = donor;
  if (category) filter.categoryCode = category;
  if (type && (FUNDING_TYPES as readonly string[]).includes(type))
    filter.fundingType = type as FundingType;
  const by = q.get("by");
  let why: WhyTarget | null = null;
  const whyText = q.get("why");
  if (whyText) {
    const at = whyText.lastIndexOf(":");
    const task = whyText.slice(0, at);
    const measure = whyText.slice(at + 1);
    if (
      at > 0 &&
      (MEASURES as readonly string[]).includes(measure) &&
      (task === NOT_SPECIFIED || task === UNALLOCATED || task === WHOLE_OPERATION || code(task))
    ) {
      why = {
        taskCode: task === NOT_SPECIFIED || task === UNALLOCATED ? null : task,
        measure: measure as Measure,
      };
      if (task === UNALLOCATED) why.unallocated = true;
      const drill = parseWhyDrill(q.get("whyby"));
      if (drill) why.drill = drill;
    }
  }
  return {
    period: parsePeriod(q.get("period"), fallback),
    filter,
    by: by && (DRILL_DIMENSIONS as readonly string[]).includes(by) ? (by as DrillBy) : null,
    display: q.get("display") === "table" ? "table" : "chart",
    why,
  };
}

/** "donor" (a row's total), "donor:NOR" (a cell) or "donor:" (the cell of records without one). */
function parseWhyDrill(text: string | null): WhyTarget["drill"] | null {
  if (!text) return null;
  const at = text.indexOf(":");
  const by = at < 0 ? text : text.slice(0, at);
  if (!(DRILL_DIMENSIONS as readonly string[]).includes(by)) return null;
  if (at < 0) return { by: by as DrillBy };
  const value = text.slice(at + 1);
  if (value === "") return { by: by as DrillBy, value: null };
  return code(value) ? { by: by as DrillBy, value } : null;
}

function whyDrillText(drill: NonNullable<WhyTarget["drill"]>): string {
  return drill.value === undefined ? drill.by : `${drill.by}:${drill.value ?? ""}`;
}

/** The query string of a view, in a stable order so equal views have equal URLs. */
export function operationSearch(view: OperationView): string {
  const q = new URLSearchParams();
  q.set("period", serializePeriod(view.period));
  if (view.filter.entityCode) q.set("entity", view.filter.entityCode);
  if (view.filter.donorCode) q.set("donor", view.filter.donorCode);
  if (view.filter.fundingType) q.set("type", view.filter.fundingType);
  if (view.filter.categoryCode) q.set("category", view.filter.categoryCode);
  if (view.by) q.set("by", view.by);
  if (view.display === "table") q.set("display", "table");
  if (view.why) {
    const task = view.why.unallocated ? UNALLOCATED : (view.why.taskCode ?? NOT_SPECIFIED);
    q.set("why", `${task}:${view.why.measure}`);
    if (view.why.drill) q.set("whyby", whyDrillText(view.why.drill));
  }
  return q.toString();
}

export type PortfolioSortKey = "code" | "requirement" | "funded" | "gap" | "coverage" | "alignment";
export const PORTFOLIO_SORT_KEYS: readonly PortfolioSortKey[] = [
  "code",
  "requirement",
  "funded",
  "gap",
  "coverage",
  "alignment",
];

export interface PortfolioView {
  period: Period;
  sort: PortfolioSortKey;
  direction: "asc" | "desc";
}

export function parsePortfolioView(search: string): PortfolioView {
  const q = new URLSearchParams(search);
  const sort = q.get("sort");
  return {
    period: parsePeriod(q.get("period")),
    sort: PORTFOLIO_SORT_KEYS.includes(sort as PortfolioSortKey)
      ? (sort as PortfolioSortKey)
      : "code",
    direction: q.get("dir") === "desc" ? "desc" : "asc",
  };
}

export function portfolioSearch(view: PortfolioView): string {
  const q = new URLSearchParams();
  q.set("period", serializePeriod(view.period));
  if (view.sort !== "code") q.set("sort", view.sort);
  if (view.direction === "desc") q.set("dir", "desc");
  return q.toString();
}

export function hasFilter(filter: Filter): boolean {
  return Object.values(filter).some((v) => v !== undefined);
}
