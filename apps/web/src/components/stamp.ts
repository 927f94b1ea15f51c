// What every view and export is stamped with: when the data was last changed, the exchange
// rates in force and the filters applied.
import { formatDateTime, formatDate, periodName } from "../format";
import type { Messages } from "../i18n/messages";
import type { Filter, Period } from "../url-state";

export interface StampInput {
  /** Extra label–value pairs after the operation (e.g. a range of years). */
  extra?: readonly (readonly [string, string])[];
  operation?: string;
  /** Omitted by views that span many periods (they add their own range). */
  period?: Period;
  asOf: string | null;
  ratesInForce?: readonly {
    currency: string;
    unitsPerUsd: string | null;
    effectiveFrom: string | null;
  }[];
  filter?: Filter & { taskCode?: string };
}

export function filterText(
  filter: (Filter & { taskCode?: string }) | undefined,
  m: Messages,
): string {
  const parts = Object.entries(filter ?? {})
    .filter(([, v]) => v !== undefined)
    .map(
      ([k, v]) =>
        `${m.filterLabels[k] ?? k} = ${k === "fundingType" ? (m.fundingTypes[v as string] ?? v) : v}`,
    );
  return parts.length ? parts.join("; ") : m.noFilters;
}

export function ratesText(rates: StampInput["ratesInForce"], m: Messages, locale: string): string {
  if (!rates || rates.length === 0) return m.stampNoRates;
  return rates
    .map((r) =>
      r.unitsPerUsd && r.effectiveFrom
        ? m.rateInForce(r.currency, r.unitsPerUsd, formatDate(r.effectiveFrom, locale))
        : m.rateMissing(r.currency),
    )
    .join("; ");
}

/** Label–value pairs, for the screen, CSV and XLSX. */
export function stampEntries(s: StampInput, m: Messages, locale: string): [string, string][] {
  const entries: [string, string][] = [];
  if (s.operation) entries.push([m.stampOperation, s.operation]);
  for (const [k, v] of s.extra ?? []) entries.push([k, v]);
  if (s.period) entries.push([m.stampPeriod, periodName(s.period, locale)]);
  entries.push([m.stampAsOf, s.asOf ? formatDateTime(s.asOf, locale) : "—"]);
  entries.push([m.stampRates, ratesText(s.ratesInForce, m, locale)]);
  entries.push([m.stampFilters, filterText(s.filter, m)]);
  return entries;
}

/** Lines for a chart's own footer (travels with SVG and PNG exports). */
export function stampLines(s: StampInput, m: Messages, locale: string): string[] {
  return stampEntries(s, m, locale).map(([k, v]) => `${k}: ${v}`);
}
