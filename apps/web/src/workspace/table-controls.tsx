// What the workspace's tables share: their state in the URL (filters, sort, page, so a view is a
// link), sortable column headers, the pager and the column choice.
import { useState } from "react";
import type { ReactNode } from "react";
import { Link, useLocation, useSearch } from "wouter";
import { useLocale } from "../i18n/locale";
import { useMe } from "./hooks";
import { useWs } from "./messages";
import { isWriter } from "./nav";

/** The page's query parameters and a setter that replaces the URL (a change of filter goes back to the first page). */
export function useUrlParams() {
  const [location, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === "") next.delete(k);
      else next.set(k, v);
    }
    if (!("from" in changes)) next.delete("from");
    const q = next.toString();
    navigate(`${location}${q ? `?${q}` : ""}`, { replace: true });
  };
  return { params, set };
}

/** Sort key and direction read from the URL, limited to the table's sortable columns. */
export function sortOf<S extends string>(
  params: URLSearchParams,
  keys: readonly S[],
  fallback: S,
  fallbackDirection: "asc" | "desc",
): { sort: S; direction: "asc" | "desc" } {
  const requested = params.get("sort") ?? "";
  const dir = params.get("dir");
  return {
    sort: (keys as readonly string[]).includes(requested) ? (requested as S) : fallback,
    direction: dir === "asc" || dir === "desc" ? dir : fallbackDirection,
  };
}

/** Page size and offset read from the URL. */
export function pageOf(params: URLSearchParams): { limit: number; offset: number } {
  return {
    limit: Math.min(500, Number(params.get("size") ?? 50) || 50),
    offset: Math.max(0, Number(params.get("from") ?? 0) || 0),
  };
}

export function SortHeader({
  sortKey,
  label,
  sort,
  direction,
  onSort,
  className,
}: {
  sortKey: string;
  label: string;
  sort: string;
  direction: "asc" | "desc";
  onSort: (key: string, direction: "asc" | "desc") => void;
  className?: string;
}) {
  const w = useWs();
  const active = sort === sortKey;
  return (
    <th
      scope="col"
      className={className}
      aria-sort={active ? (direction === "asc" ? "ascending" : "descending") : undefined}
    >
      <button
        type="button"
        className="sort-button"
        aria-label={w.sortBy(label)}
        onClick={() => {
          onSort(sortKey, active && direction === "desc" ? "asc" : "desc");
        }}
      >
        {label}{" "}
        <span className="sort-mark" aria-hidden="true">
          {active ? (direction === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </button>
    </th>
  );
}

export function Pager({
  offset,
  limit,
  total,
  onPage,
}: {
  offset: number;
  limit: number;
  total: number;
  onPage: (offset: number) => void;
}) {
  const w = useWs();
  return (
    <nav className="pager" aria-label={w.pageOf("", "", "")}>
      <button
        type="button"
        disabled={offset === 0}
        onClick={() => {
          onPage(Math.max(0, offset - limit));
        }}
      >
        {w.previousPage}
      </button>{" "}
      <span>
        {w.pageOf(
          String(Math.min(offset + 1, total)),
          String(Math.min(offset + limit, total)),
          String(total),
        )}
      </span>{" "}
      <button
        type="button"
        disabled={offset + limit >= total}
        onClick={() => {
          onPage(offset + limit);
        }}
      >
        {w.nextPage}
      </button>
    </nav>
  );
}

export function PageSize({ limit, onChange }: { limit: number; onChange: (size: string) => void }) {
  const w = useWs();
  return (
    <label>
      {w.rowsPerPage}{" "}
      <select
        value={String(limit)}
        onChange={(e) => {
          onChange(e.target.value);
        }}
      >
        {[25, 50, 100, 250, 500].map((n) => (
          <option key={n}>{n}</option>
        ))}
      </select>
    </label>
  );
}

/** Optional columns the user shows or hides. */
export function ColumnChoice<C extends string>({
  columns,
  labels,
  hidden,
  onChange,
}: {
  columns: readonly C[];
  labels: Record<C, string>;
  hidden: ReadonlySet<C>;
  onChange: (hidden: Set<C>) => void;
}) {
  const w = useWs();
  return (
    <details className="column-choice">
      <summary>{w.columns}</summary>
      {columns.map((c) => (
        <label key={c}>
          <input
            type="checkbox"
            checked={!hidden.has(c)}
            onChange={() => {
              const next = new Set(hidden);
              if (next.has(c)) next.delete(c);
              else next.add(c);
              onChange(next);
            }}
          />{" "}
          {labels[c]}
        </label>
      ))}
    </details>
  );
}

/** A filter of the table: one choice, or "any" (the empty value). */
export function FilterSelect({
  label,
  value,
  anyLabel,
  options,
  onChange,
}: {
  label: string;
  value: string;
  anyLabel: string;
  options: readonly (readonly [value: string, label: string])[];
  onChange: (value: string) => void;
}) {
  return (
    <label>
      {label}{" "}
      <select
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
        }}
      >
        <option value="">{anyLabel}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The filter bar of a table: its own filters, then search, page size and column choice. */
export function TableFilters<C extends string>({
  searchLabel,
  search,
  onSearch,
  limit,
  onSize,
  columns,
  columnLabels,
  hidden,
  onColumns,
  children,
}: {
  searchLabel: string;
  search: string;
  onSearch: (text: string) => void;
  limit: number;
  onSize: (size: string) => void;
  columns: readonly C[];
  columnLabels: Record<C, string>;
  hidden: ReadonlySet<C>;
  onColumns: (hidden: Set<C>) => void;
  children: ReactNode;
}) {
  const w = useWs();
  const { messages: m } = useLocale();
  const [text, setText] = useState(search);
  return (
    <form
      className="toolbar ws-filters"
      aria-label={w.filters}
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(text);
      }}
    >
      {children}
      <label>
        {searchLabel}{" "}
        <input
          type="search"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
          }}
        />
      </label>
      <button type="submit">{m.apply}</button>
      <PageSize limit={limit} onChange={onSize} />
      <ColumnChoice columns={columns} labels={columnLabels} hidden={hidden} onChange={onColumns} />
    </form>
  );
}

/** "New …" above a table, for users who may write somewhere (never for reviewers). */
export function NewRecordLink({ href, label }: { href: string; label: string }) {
  const me = useMe();
  if (!isWriter(me)) return null;
  return (
    <p>
      <Link className="button-link" href={href}>
        {label}
      </Link>
    </p>
  );
}
