// The contributions table (server-side filter, sort and pagination; totals over every matching
// row, as the reports count them; column choice) and one contribution's editor: field-level
// errors from the server, status progress with its date, history, and conflicts side by side.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import type { ReactNode, SyntheticEvent } from "react";
import { Link, useLocation, useSearch } from "wouter";
import { LoadError, Loading } from "../components/states";
import { formatDate, formatDateTime, formatMinor, formatUsdCents } from "../format";
import { useLocale } from "../i18n/locale";
import { useTRPC } from "../trpc";
import {
  canWrite,
  decimalToLocale,
  errorInfo,
  localeAmountToDecimal,
  minorToDecimal,
} from "./common";
import type { FieldErrors } from "./common";
import { useWs } from "./messages";
import { VirtualRows } from "./virtual-rows";

const STATUSES = ["pledged", "committed", "paid"] as const;
const FUNDING_TYPES = ["assessed", "voluntary_core", "voluntary_earmarked", "pooled"] as const;
const EARMARKING = ["unearmarked", "softly_earmarked", "earmarked", "tightly_earmarked"] as const;
const SORTS = ["status_date", "amount_usd_cents", "external_ref", "id"] as const;
type Sort = (typeof SORTS)[number];
const OPTIONAL_COLUMNS = ["recipient", "taskCode", "fundingType", "amount", "updatedBy"] as const;
type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number];

export function useMe() {
  const trpc = useTRPC();
  return useQuery(trpc.auth.me.queryOptions()).data ?? undefined;
}

/** Operation and organization codes by id (flows carry ids). */
export function useCodes() {
  const trpc = useTRPC();
  const ops = useQuery(trpc.operation.list.queryOptions());
  const orgs = useQuery(trpc.organization.list.queryOptions());
  return useMemo(() => {
    const op = new Map((ops.data ?? []).map((o) => [o.id, o.code] as const));
    const org = new Map((orgs.data ?? []).map((o) => [o.id, o.code] as const));
    return {
      operations: ops.data ?? [],
      op: (id: number | null) => (id === null ? null : (op.get(id) ?? String(id))),
      org: (id: number) => org.get(id) ?? String(id),
    };
  }, [ops.data, orgs.data]);
}

export function ScopeNote() {
  const w = useWs();
  const me = useMe();
  const codes = useCodes();
  if (!me) return null;
  let text: string;
  if (me.role === "admin") text = w.scopeEverything;
  else if (me.role !== "finance_officer" || me.assignments.length === 0) text = w.scopeNothing;
  else
    text = w.yourScope(
      me.assignments
        .map((a) => [codes.op(a.operationId), a.entityId === null ? null : codes.org(a.entityId)])
        .map(([o, e]) => [o, e].filter(Boolean).join(" / "))
        .join(", "),
    );
  return <p className="note scope-note">{text}</p>;
}

export function FlowsTable() {
  const trpc = useTRPC();
  const w = useWs();
  const { messages: m, intlLocale } = useLocale();
  const me = useMe();
  const codes = useCodes();
  const [location, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const operation = params.get("operation") ?? "";
  const status = params.get("status") ?? "";
  const search = params.get("q") ?? "";
  const sort = (SORTS as readonly string[]).includes(params.get("sort") ?? "")
    ? (params.get("sort") as Sort)
    : "status_date";
  const direction = params.get("dir") === "asc" ? "asc" : "desc";
  const limit = Number(params.get("size") ?? 50) || 50;
  const offset = Math.max(0, Number(params.get("from") ?? 0) || 0);
  const [hidden, setHidden] = useState<Set<OptionalColumn>>(new Set());
  const [searchText, setSearchText] = useState(search);

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

  const flows = useQuery(
    trpc.flow.list.queryOptions({
      operation: operation || undefined,
      status: (status || undefined) as (typeof STATUSES)[number] | undefined,
      search: search || undefined,
      sort,
      direction,
      limit,
      offset,
    }),
  );
  const show = (c: OptionalColumn) => !hidden.has(c);
  const sortHeader = (key: Sort, label: string, className?: string) => (
    <th
      scope="col"
      className={className}
      aria-sort={sort === key ? (direction === "asc" ? "ascending" : "descending") : undefined}
    >
      <button
        type="button"
        className="sort-button"
        aria-label={w.sortBy(label)}
        onClick={() => {
          set({ sort: key, dir: sort === key && direction === "desc" ? "asc" : "desc" });
        }}
      >
        {label}{" "}
        <span className="sort-mark" aria-hidden="true">
          {sort === key ? (direction === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </button>
    </th>
  );

  return (
    <section aria-labelledby="flows-title">
      <h2 id="flows-title">{w.flowsTitle}</h2>
      <ScopeNote />
      <form
        className="toolbar ws-filters"
        aria-label={w.filters}
        onSubmit={(e) => {
          e.preventDefault();
          set({ q: searchText });
        }}
      >
        <label>
          {w.operation}{" "}
          <select
            value={operation}
            onChange={(e) => {
              set({ operation: e.target.value });
            }}
          >
            <option value="">{w.anyOperation}</option>
            {codes.operations.map((o) => (
              <option key={o.code} value={o.code}>
                {o.code}
              </option>
            ))}
          </select>
        </label>
        <label>
          {w.status}{" "}
          <select
            value={status}
            onChange={(e) => {
              set({ status: e.target.value });
            }}
          >
            <option value="">{w.anyStatus}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {m.statuses[s] ?? s}
              </option>
            ))}
          </select>
        </label>
        <label>
          {w.search}{" "}
          <input
            type="search"
            value={searchText}
            onChange={(e) => {
              setSearchText(e.target.value);
            }}
          />
        </label>
        <button type="submit">{m.apply}</button>
        <label>
          {w.rowsPerPage}{" "}
          <select
            value={String(limit)}
            onChange={(e) => {
              set({ size: e.target.value });
            }}
          >
            {[25, 50, 100, 250, 500].map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <details className="column-choice">
          <summary>{w.columns}</summary>
          {OPTIONAL_COLUMNS.map((c) => (
            <label key={c}>
              <input
                type="checkbox"
                checked={show(c)}
                onChange={() => {
                  const next = new Set(hidden);
                  if (next.has(c)) next.delete(c);
                  else next.add(c);
                  setHidden(next);
                }}
              />{" "}
              {w[c]}
            </label>
          ))}
        </details>
      </form>
      {flows.isPending ? (
        <Loading />
      ) : flows.isError ? (
        <LoadError error={flows.error} retry={() => void flows.refetch()} />
      ) : (
        <>
          <div className="table-scroll">
            <table className="flows-table" aria-rowcount={flows.data.total + 2}>
              <caption className="visually-hidden">{w.flowsTitle}</caption>
              <thead>
                <tr aria-rowindex={1}>
                  {sortHeader("id", w.id, "num")}
                  {sortHeader("external_ref", w.externalRef)}
                  <th scope="col">{w.operation}</th>
                  <th scope="col">{w.source}</th>
                  {show("recipient") && <th scope="col">{w.recipient}</th>}
                  {show("taskCode") && <th scope="col">{w.taskCode}</th>}
                  {show("fundingType") && <th scope="col">{w.fundingType}</th>}
                  <th scope="col">{w.status}</th>
                  {sortHeader("status_date", w.date)}
                  {show("amount") && (
                    <th scope="col" className="num">
                      {w.amount}
                    </th>
                  )}
                  {sortHeader("amount_usd_cents", w.amountUsd, "num")}
                  {show("updatedBy") && <th scope="col">{w.updatedBy}</th>}
                  <th scope="col">
                    <span className="visually-hidden">{w.editHeading}</span>
                  </th>
                </tr>
              </thead>
              <VirtualRows
                rows={flows.data.items}
                rowKey={(f) => f.id}
                colSpan={13}
                firstRowIndex={offset + 2}
                before={
                  flows.data.items.length === 0 && (
                    <tr>
                      <td colSpan={13}>{w.noFlows}</td>
                    </tr>
                  )
                }
              >
                {(f, rowProps) => {
                  const ref = f.external_ref ?? `#${f.id}`;
                  const writable = canWrite(me, {
                    operationId: f.operation_id,
                    entityId: f.recipient_id,
                  });
                  return (
                    <tr key={f.id} {...rowProps} data-flow-id={f.id} data-writable={writable}>
                      <td className="num">{f.id}</td>
                      <td>{f.external_ref ?? w.none}</td>
                      <td>{f.operation_code ?? w.none}</td>
                      <td>{f.source_code}</td>
                      {show("recipient") && <td>{f.recipient_code}</td>}
                      {show("taskCode") && <td>{f.task_code ?? m.notSpecified}</td>}
                      {show("fundingType") && (
                        <td>{m.fundingTypes[f.funding_type] ?? f.funding_type}</td>
                      )}
                      <td>{m.statuses[f.status] ?? f.status}</td>
                      <td>{formatDate(f.status_date, intlLocale)}</td>
                      {show("amount") && (
                        <td className="num">{formatMinor(f.amount, f.currency, intlLocale)}</td>
                      )}
                      <td className="num">{formatUsdCents(f.amount_usd_cents, intlLocale)}</td>
                      {show("updatedBy") && <td>{f.updated_by ?? w.none}</td>}
                      <td>
                        <Link href={`/workspace/flows/${f.id}`}>
                          {writable ? w.editFlow(ref) : w.viewFlow(ref)}
                        </Link>
                        {!writable && <span className="badge">{w.readOnlyHere}</span>}
                      </td>
                    </tr>
                  );
                }}
              </VirtualRows>
              <tfoot>
                <tr aria-rowindex={flows.data.total + 2}>
                  <th scope="row" colSpan={2}>
                    {w.totalUsd(String(flows.data.total))}
                  </th>
                  <td className="num flows-total" data-total-cents={flows.data.totalUsdCents}>
                    {formatUsdCents(flows.data.totalUsdCents, intlLocale)}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
          <nav className="pager" aria-label={w.pageOf("", "", "")}>
            <button
              type="button"
              disabled={offset === 0}
              onClick={() => {
                set({ from: String(Math.max(0, offset - limit)) });
              }}
            >
              {w.previousPage}
            </button>{" "}
            <span>
              {w.pageOf(
                String(Math.min(offset + 1, flows.data.total)),
                String(Math.min(offset + limit, flows.data.total)),
                String(flows.data.total),
              )}
            </span>{" "}
            <button
              type="button"
              disabled={offset + limit >= flows.data.total}
              onClick={() => {
                set({ from: String(offset + limit) });
              }}
            >
              {w.nextPage}
            </button>
          </nav>
        </>
      )}
    </section>
  );
}

interface FlowForm {
  externalRef: string;
  source: string;
  recipient: string;
  operation: string;
  taskCode: string;
  fundingType: string;
  status: string;
  date: string;
  amount: string;
  currency: string;
  periodStart: string;
  periodEnd: string;
  earmarking: string;
  category: string;
  notes: string;
}
const FORM_FIELDS = [
  "externalRef",
  "source",
  "recipient",
  "operation",
  "taskCode",
  "fundingType",
  "status",
  "date",
  "amount",
  "currency",
  "periodStart",
  "periodEnd",
  "earmarking",
  "category",
  "notes",
] as const satisfies readonly (keyof FlowForm)[];

type Codes = ReturnType<typeof useCodes>;

/** A record's value as text ("" for none). */
function cell(v: unknown): string {
  if (v === null || v === undefined) return "";
  return typeof v === "string" ? v : JSON.stringify(v);
}

function formOf(row: Record<string, unknown>, codes: Codes, intlLocale: string): FlowForm {
  const s = (k: string) => cell(row[k]);
  const currency = s("currency");
  return {
    externalRef: s("external_ref"),
    source: codes.org(Number(row.source_id)),
    recipient: codes.org(Number(row.recipient_id)),
    operation: codes.op(row.operation_id === null ? null : Number(row.operation_id)) ?? "",
    taskCode: s("task_code"),
    fundingType: s("funding_type"),
    status: s("status"),
    date: s("status_date"),
    amount: decimalToLocale(minorToDecimal(Number(row.amount), currency), intlLocale),
    currency,
    periodStart: s("period_start"),
    periodEnd: s("period_end"),
    earmarking: s("earmarking"),
    category: s("category"),
    notes: s("notes"),
  };
}

function toInput(form: FlowForm, intlLocale: string) {
  const orNull = (v: string) => (v.trim() === "" ? null : v.trim());
  return {
    externalRef: orNull(form.externalRef),
    source: form.source,
    recipient: form.recipient,
    operation: orNull(form.operation),
    taskCode: orNull(form.taskCode),
    fundingType: form.fundingType as (typeof FUNDING_TYPES)[number],
    status: form.status as (typeof STATUSES)[number],
    date: form.date,
    amount: localeAmountToDecimal(form.amount, intlLocale),
    currency: form.currency,
    periodStart: form.periodStart,
    periodEnd: form.periodEnd,
    earmarking: orNull(form.earmarking) as (typeof EARMARKING)[number] | null,
    category: orNull(form.category),
    notes: orNull(form.notes),
  };
}

function Field({
  name,
  label,
  errors,
  hint,
  children,
}: {
  name: string;
  label: string;
  errors: FieldErrors;
  hint?: string;
  children: (props: {
    id: string;
    name: string;
    "aria-invalid": boolean;
    "aria-describedby": string | undefined;
  }) => ReactNode;
}) {
  const id = useId();
  const messages = errors[name] ?? [];
  const described = [hint ? `${id}-hint` : null, messages.length ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={`ws-field${messages.length ? " has-error" : ""}`} data-field={name}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        name,
        "aria-invalid": messages.length > 0,
        "aria-describedby": described || undefined,
      })}
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {messages.length > 0 && (
        <span id={`${id}-error`} className="field-error">
          {messages.join(" ")}
        </span>
      )}
    </div>
  );
}

export function FlowEditor({ id }: { id: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const w = useWs();
  const { messages: m, intlLocale, locale } = useLocale();
  const me = useMe();
  const codes = useCodes();
  const flow = useQuery({ ...trpc.flow.get.queryOptions({ id }), staleTime: 0 });
  const [form, setForm] = useState<FlowForm | null>(null);
  const [baseVersion, setBaseVersion] = useState<number | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Record<string, unknown> | null>(null);
  const [advance, setAdvance] = useState({ status: "", date: "", amount: "" });
  const [advanceErrors, setAdvanceErrors] = useState<FieldErrors>({});

  const ready = flow.data && codes.operations.length > 0;
  if (ready && form === null) {
    setForm(formOf(flow.data.flow, codes, intlLocale));
    setBaseVersion(flow.data.flow.version);
  }

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.flow.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.report.pathKey() });
  };

  const update = useMutation(
    trpc.flow.update.mutationOptions({
      onSuccess: async (saved) => {
        setErrors({});
        setConflict(null);
        setBaseVersion(saved.version);
        setMessage(w.saved(String(saved.version)));
        await refresh();
      },
      onError: (error) => {
        const info = errorInfo(error, locale);
        if (info.code === "CONFLICT" && info.conflictCurrent) {
          setConflict(info.conflictCurrent);
          setMessage(null);
          void refresh();
          return;
        }
        setErrors(Object.keys(info.fieldErrors).length ? info.fieldErrors : { _: [info.message] });
        setMessage(w.fixErrors);
      },
    }),
  );
  const advanceStatus = useMutation(
    trpc.flow.advanceStatus.mutationOptions({
      onSuccess: async (saved) => {
        setAdvanceErrors({});
        setBaseVersion(saved.version);
        setForm(formOf(saved, codes, intlLocale));
        setAdvance({ status: "", date: "", amount: "" });
        setMessage(w.saved(String(saved.version)));
        await refresh();
      },
      onError: (error) => {
        const info = errorInfo(error, locale);
        if (info.code === "CONFLICT" && info.conflictCurrent) {
          setConflict(info.conflictCurrent);
          return;
        }
        setAdvanceErrors(
          Object.keys(info.fieldErrors).length ? info.fieldErrors : { _: [info.message] },
        );
      },
    }),
  );

  if (flow.isPending || (!ready && !flow.isError)) return <Loading />;
  if (flow.isError) return <LoadError error={flow.error} retry={() => void flow.refetch()} />;
  if (!form || baseVersion === null) return <Loading />;
  const f = flow.data.flow;
  const ref = f.external_ref ?? `#${f.id}`;
  const writable = canWrite(me, { operationId: f.operation_id, entityId: f.recipient_id });
  const labels: Record<keyof FlowForm, string> = {
    externalRef: w.externalRef,
    source: w.source,
    recipient: w.recipient,
    operation: w.operation,
    taskCode: w.taskCode,
    fundingType: w.fundingType,
    status: w.status,
    date: w.date,
    amount: w.amount,
    currency: w.currency,
    periodStart: w.periodStart,
    periodEnd: w.periodEnd,
    earmarking: w.earmarking,
    category: w.category,
    notes: w.notes,
  };
  const setField = (k: keyof FlowForm, v: string) => {
    setForm({ ...form, [k]: v });
  };
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    setMessage(null);
    update.mutate({ id, version: baseVersion, ...toInput(form, intlLocale) });
  };
  const theirs = conflict ? formOf(conflict, codes, intlLocale) : null;
  const currentStatusRank = STATUSES.indexOf(f.status);
  const nextStatuses = STATUSES.filter((_, i) => i > currentStatusRank);

  const input = (k: keyof FlowForm, type = "text") => (
    <Field key={k} name={k} label={labels[k]} errors={errors}>
      {(p) => (
        <input
          {...p}
          type={type}
          value={form[k]}
          onChange={(e) => {
            setField(k, e.target.value);
          }}
        />
      )}
    </Field>
  );
  const select = (k: keyof FlowForm, options: readonly string[], names: Record<string, string>) => (
    <Field key={k} name={k} label={labels[k]} errors={errors}>
      {(p) => (
        <select
          {...p}
          value={form[k]}
          onChange={(e) => {
            setField(k, e.target.value);
          }}
        >
          {options.map((o) => (
            <option key={o} value={o}>
              {o === "" ? w.none : (names[o] ?? o)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <section aria-labelledby="flow-title" className="flow-editor">
      <p className="breadcrumb">
        <Link href="/workspace">{w.backToFlows}</Link>
      </p>
      <h2 id="flow-title">{w.flowTitle(ref)}</h2>
      <p className="note">
        {w.updatedBy}: {f.updated_by ?? w.none} · {w.updatedAt}:{" "}
        {formatDateTime(f.updated_at, intlLocale)} · {w.version} {f.version} ·{" "}
        {formatUsdCents(f.amount_usd_cents, intlLocale)}
      </p>
      {conflict && theirs && (
        <section className="conflict" aria-labelledby="conflict-title" role="alert">
          <h3 id="conflict-title">{w.conflictHeading}</h3>
          <p>
            {w.conflictIntro(
              cell(conflict.updated_by),
              formatDateTime(cell(conflict.updated_at), intlLocale),
            )}
          </p>
          <table className="conflict-table">
            <thead>
              <tr>
                <th scope="col">{w.field}</th>
                <th scope="col">{w.yourVersion}</th>
                <th scope="col">
                  {w.theirVersion} ({cell(conflict.updated_by)}, {w.version}{" "}
                  {cell(conflict.version)})
                </th>
              </tr>
            </thead>
            <tbody>
              {FORM_FIELDS.map((k) => {
                const differs = form[k] !== theirs[k];
                return (
                  <tr key={k} className={differs ? "differs" : undefined} data-field={k}>
                    <th scope="row">
                      {labels[k]}
                      {differs && <span className="badge">{w.differs}</span>}
                    </th>
                    <td className="mine">{form[k] || w.none}</td>
                    <td className="theirs">{theirs[k] || w.none}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <button
            type="button"
            onClick={() => {
              update.mutate({
                id,
                version: Number(conflict.version),
                ...toInput(form, intlLocale),
              });
            }}
          >
            {w.keepMine}
          </button>{" "}
          <button
            type="button"
            onClick={() => {
              setForm(theirs);
              setBaseVersion(Number(conflict.version));
              setConflict(null);
              void refresh();
            }}
          >
            {w.takeTheirs}
          </button>
        </section>
      )}
      {message && (
        <p role="status" className={Object.keys(errors).length ? "error" : "ok"}>
          {message}
        </p>
      )}
      {errors._ && <p className="error">{errors._.join(" ")}</p>}
      {writable ? (
        <form onSubmit={submit} className="ws-form" aria-labelledby="edit-title" noValidate>
          <h3 id="edit-title">{w.editHeading}</h3>
          <div className="ws-grid">
            {input("externalRef")}
            {input("source")}
            {input("recipient")}
            {select("operation", ["", ...codes.operations.map((o) => o.code)], {})}
            {input("taskCode")}
            {select("fundingType", FUNDING_TYPES, m.fundingTypes)}
            {select("status", STATUSES, m.statuses)}
            {input("date", "date")}
            <Field name="amount" label={labels.amount} errors={errors} hint={w.amountHint}>
              {(p) => (
                <input
                  {...p}
                  inputMode="decimal"
                  value={form.amount}
                  onChange={(e) => {
                    setField("amount", e.target.value);
                  }}
                />
              )}
            </Field>
            {input("currency")}
            {input("periodStart", "date")}
            {input("periodEnd", "date")}
            {select("earmarking", ["", ...EARMARKING], {})}
            {input("category")}
            {input("notes")}
          </div>
          <button type="submit" disabled={update.isPending}>
            {update.isPending ? w.saving : w.save}
          </button>
        </form>
      ) : (
        <p className="note read-only-note">{w.notAssigned}</p>
      )}
      {writable && (
        <section aria-labelledby="advance-title" className="advance">
          <h3 id="advance-title">{w.advanceHeading}</h3>
          {nextStatuses.length === 0 ? (
            <p>{w.finalStatus}</p>
          ) : (
            <form
              className="toolbar"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                const target = (advance.status || nextStatuses[0]!) as (typeof STATUSES)[number];
                advanceStatus.mutate({
                  id,
                  version: baseVersion,
                  status: target,
                  date: advance.date,
                  ...(advance.amount.trim() && {
                    amount: localeAmountToDecimal(advance.amount, intlLocale),
                  }),
                });
              }}
            >
              <Field name="status" label={w.newStatus} errors={advanceErrors}>
                {(p) => (
                  <select
                    {...p}
                    value={advance.status || nextStatuses[0]}
                    onChange={(e) => {
                      setAdvance({ ...advance, status: e.target.value });
                    }}
                  >
                    {nextStatuses.map((s) => (
                      <option key={s} value={s}>
                        {m.statuses[s] ?? s}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field name="date" label={w.newDate} errors={advanceErrors}>
                {(p) => (
                  <input
                    {...p}
                    type="date"
                    value={advance.date}
                    onChange={(e) => {
                      setAdvance({ ...advance, date: e.target.value });
                    }}
                  />
                )}
              </Field>
              <Field name="amount" label={w.newAmount} errors={advanceErrors}>
                {(p) => (
                  <input
                    {...p}
                    inputMode="decimal"
                    value={advance.amount}
                    onChange={(e) => {
                      setAdvance({ ...advance, amount: e.target.value });
                    }}
                  />
                )}
              </Field>
              <button type="submit" disabled={advanceStatus.isPending}>
                {w.advance(
                  m.statuses[advance.status || nextStatuses[0]!] ??
                    (advance.status || nextStatuses[0]!),
                )}
              </button>
              {advanceErrors._ && <p className="error">{advanceErrors._.join(" ")}</p>}
            </form>
          )}
        </section>
      )}
      <h3>{w.historyHeading}</h3>
      <table className="history-table">
        <thead>
          <tr>
            <th scope="col">{w.status}</th>
            <th scope="col">{w.date}</th>
            <th scope="col" className="num">
              {w.amountUsd}
            </th>
          </tr>
        </thead>
        <tbody>
          {flow.data.history.map((h) => (
            <tr key={h.id}>
              <td>{m.statuses[h.status] ?? h.status}</td>
              <td>{formatDate(h.status_date, intlLocale)}</td>
              <td className="num">{formatUsdCents(h.amount_usd_cents, intlLocale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <Link href={`/workspace/audit?table=flows&recordId=${id}`}>{w.auditForRecord}</Link>
      </p>
    </section>
  );
}
