// The audit log: who changed what, when, before and after; filtered by table, record, user or
// import (the filters live in the URL, so a record's or an import's log is a link). Paged by
// the server newest first (a cursor), older pages added on demand, rows drawn near the viewport.
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useLocation, useSearch } from "wouter";
import { LoadError, Loading } from "../components/states";
import { formatDateTime } from "../format";
import { useLocale } from "../i18n/locale";
import { useTRPC } from "../trpc";
import { useAuditMessages } from "./audit-messages";
import { useWs } from "./messages";
import { VirtualRows } from "./virtual-rows";

/** Entries per page: enough to fill a screen or two. */
const PAGE = 100;

// The table names the audit log records (a mandate's entry carries its tasks).
const TABLES = ["flows", "requirements", "exchange_rates", "crosswalk_shares", "mandates"];
const HIDDEN_KEYS = new Set(["version", "updated_at", "updated_by", "created_at"]);

function changedFields(before: unknown, after: unknown): [string, string, string][] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const show = (v: unknown) =>
    v === undefined || v === null ? "—" : typeof v === "string" ? v : JSON.stringify(v);
  return keys
    .filter((k) => !HIDDEN_KEYS.has(k) && JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => [k, before ? show(b[k]) : "—", after ? show(a[k]) : "—"]);
}

export function AuditLog() {
  const trpc = useTRPC();
  const w = useWs();
  const a = useAuditMessages();
  const { intlLocale } = useLocale();
  const [location, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const filter = {
    table: params.get("table") ?? "",
    recordId: params.get("recordId") ?? "",
    actor: params.get("actor") ?? "",
    importId: params.get("importId") ?? "",
  };
  const [draft, setDraft] = useState(filter);
  const audit = useInfiniteQuery({
    ...trpc.audit.list.infiniteQueryOptions(
      {
        table: filter.table || undefined,
        recordId: filter.recordId || undefined,
        actor: filter.actor || undefined,
        importId: /^\d+$/.test(filter.importId) ? Number(filter.importId) : undefined,
        limit: PAGE,
      },
      { getNextPageParam: (page) => page.nextCursor },
    ),
    staleTime: 0,
  });
  const entries = audit.data?.pages.flatMap((p) => p.items) ?? [];
  const total = audit.data?.pages[0]?.total ?? 0;
  const apply = (f: typeof filter) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) if (v.trim()) next.set(k, v.trim());
    const q = next.toString();
    navigate(`${location}${q ? `?${q}` : ""}`);
  };
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{w.auditTitle}</h2>
      <form
        className="toolbar"
        aria-label={w.auditFilters}
        onSubmit={(e) => {
          e.preventDefault();
          apply(draft);
        }}
      >
        <label>
          {w.table}{" "}
          <select
            value={draft.table}
            onChange={(e) => {
              setDraft({ ...draft, table: e.target.value });
            }}
          >
            <option value="">{w.anyTable}</option>
            {TABLES.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label>
          {w.recordId}{" "}
          <input
            size={8}
            value={draft.recordId}
            onChange={(e) => {
              setDraft({ ...draft, recordId: e.target.value });
            }}
          />
        </label>
        <label>
          {w.actor}{" "}
          <input
            size={14}
            value={draft.actor}
            onChange={(e) => {
              setDraft({ ...draft, actor: e.target.value });
            }}
          />
        </label>
        <label>
          {w.importId}{" "}
          <input
            size={6}
            inputMode="numeric"
            value={draft.importId}
            onChange={(e) => {
              setDraft({ ...draft, importId: e.target.value });
            }}
          />
        </label>
        <button type="submit">{w.applyFilters}</button>
        <button
          type="button"
          onClick={() => {
            const empty = { table: "", recordId: "", actor: "", importId: "" };
            setDraft(empty);
            apply(empty);
          }}
        >
          {w.clearFilters}
        </button>
      </form>
      {audit.isPending ? (
        <Loading />
      ) : audit.isError ? (
        <LoadError error={audit.error} retry={() => void audit.refetch()} />
      ) : entries.length === 0 ? (
        <p className="state empty">{w.noAudit}</p>
      ) : (
        <>
          <p className="note">
            {w.auditCount(String(total))} ·{" "}
            {a.shownOf(
              new Intl.NumberFormat(intlLocale).format(entries.length),
              new Intl.NumberFormat(intlLocale).format(total),
            )}
          </p>
          <div className="table-scroll">
            <table className="audit-table" aria-rowcount={total + 1}>
              <thead>
                <tr aria-rowindex={1}>
                  <th scope="col">{w.when}</th>
                  <th scope="col">{w.who}</th>
                  <th scope="col">{w.action}</th>
                  <th scope="col">{w.record}</th>
                  <th scope="col">{w.changes}</th>
                </tr>
              </thead>
              <VirtualRows
                rows={entries}
                rowKey={(entry) => entry.id}
                colSpan={5}
                firstRowIndex={2}
                estimateRowHeight={120}
              >
                {(entry, rowProps) => (
                  <tr
                    key={entry.id}
                    {...rowProps}
                    data-actor={entry.actor}
                    data-action={entry.action}
                  >
                    <td>{formatDateTime(entry.at, intlLocale)}</td>
                    <td>{entry.actor}</td>
                    <td>{w.actions[entry.action] ?? entry.action}</td>
                    <td>
                      {entry.table} #{entry.recordId}
                      {entry.importId !== null && ` (import ${entry.importId})`}
                    </td>
                    <td>
                      <table className="diff-table">
                        <thead>
                          <tr>
                            <th scope="col">{w.field}</th>
                            <th scope="col">{w.before}</th>
                            <th scope="col">{w.after}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {changedFields(entry.before, entry.after).map(([k, b, a]) => (
                            <tr key={k}>
                              <th scope="row">{k}</th>
                              <td>{b}</td>
                              <td>{a}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </td>
                  </tr>
                )}
              </VirtualRows>
            </table>
          </div>
          {audit.hasNextPage && (
            <button
              type="button"
              className="load-older"
              disabled={audit.isFetchingNextPage}
              onClick={() => void audit.fetchNextPage()}
            >
              {audit.isFetchingNextPage ? a.loadingOlder : a.showOlder}
            </button>
          )}
        </>
      )}
    </section>
  );
}
