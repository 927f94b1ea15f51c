// Budget lines (requirements): server-side filter, sort and pagination, the rows of a page drawn
// as virtual rows (only those near the viewport, keyboard included); the sum of every matching
// row; and, for an operation and a period, the requirement, appropriation and expenditure exactly
// as the reports count them (so the table and the gap chart agree). Edit links only where the
// user may write; "New budget line" for users who write anywhere.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "wouter";
import { LoadError, Loading } from "../components/states";
import { formatDate, formatMinor, formatUsdCents, periodName } from "../format";
import { useLocale } from "../i18n/locale";
import { useTRPC } from "../trpc";
import { parsePeriod, serializePeriod } from "../url-state";
import type { Period } from "../url-state";
import { canWrite } from "./common";
import { useCodes, useMe } from "./hooks";
import { useWs } from "./messages";
import { STAGES } from "./requirement-form";
import type { Stage } from "./requirement-form";
import { ScopeNote } from "./scope-note";
import { VirtualRows } from "./virtual-rows";
import {
  FilterSelect,
  NewRecordLink,
  Pager,
  SortHeader,
  TableFilters,
  pageOf,
  sortOf,
  useUrlParams,
} from "./table-controls";

const SORTS = ["external_ref", "period_start", "stage", "amount_usd_cents", "id"] as const;
const OPTIONAL_COLUMNS = ["taskCode", "amount", "document", "updatedBy"] as const;
type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number];

/** Peacekeeping and calendar years offered by the period filter, newest first. */
function periodChoices(today = new Date()): Period[] {
  const out: Period[] = [];
  for (let y = today.getUTCFullYear() + 1; y >= 2015; y--)
    out.push({ kind: "peacekeeping", year: y }, { kind: "calendar", year: y });
  return out;
}

export function RequirementsTable() {
  const trpc = useTRPC();
  const w = useWs();
  const { messages: m, intlLocale } = useLocale();
  const me = useMe();
  const codes = useCodes();
  const { params, set } = useUrlParams();
  const operation = params.get("operation") ?? "";
  const entity = params.get("entity") ?? "";
  const stageParam = params.get("stage") ?? "";
  const stage = (STAGES as readonly string[]).includes(stageParam) ? (stageParam as Stage) : "";
  const search = params.get("q") ?? "";
  const periodParam = params.get("period");
  const period = periodParam ? parsePeriod(periodParam) : null;
  const { sort, direction } = sortOf(params, SORTS, "external_ref", "asc");
  const { limit, offset } = pageOf(params);
  const [hidden, setHidden] = useState<Set<OptionalColumn>>(new Set());

  const lines = useQuery(
    trpc.requirement.list.queryOptions({
      operation: operation || undefined,
      entity: entity || undefined,
      stage: stage || undefined,
      search: search || undefined,
      period: period ?? undefined,
      sort,
      direction,
      limit,
      offset,
    }),
  );
  const show = (c: OptionalColumn) => !hidden.has(c);
  const header = (key: (typeof SORTS)[number], label: string, className?: string) => (
    <SortHeader
      sortKey={key}
      label={label}
      sort={sort}
      direction={direction}
      className={className}
      onSort={(k, d) => {
        set({ sort: k, dir: d });
      }}
    />
  );
  const totals = lines.data?.reportTotals ?? null;

  return (
    <section aria-labelledby="requirements-title">
      <h2 id="requirements-title">{w.requirementsTitle}</h2>
      <ScopeNote />
      <NewRecordLink
        href={`/workspace/requirements/new${operation ? `?operation=${operation}` : ""}`}
        label={w.newRequirement}
      />
      <TableFilters
        searchLabel={w.searchRequirements}
        search={search}
        onSearch={(q) => {
          set({ q });
        }}
        limit={limit}
        onSize={(size) => {
          set({ size });
        }}
        columns={OPTIONAL_COLUMNS}
        columnLabels={w}
        hidden={hidden}
        onColumns={setHidden}
      >
        <FilterSelect
          label={w.operation}
          value={operation}
          anyLabel={w.anyOperation}
          options={codes.operations.map((o) => [o.code, o.code] as const)}
          onChange={(v) => {
            set({ operation: v });
          }}
        />
        <FilterSelect
          label={w.entity}
          value={entity}
          anyLabel={w.anyEntity}
          options={codes.organizations
            .filter((o) => o.kind === "un_entity" || o.kind === "pooled_fund")
            .map((o) => [o.code, o.code] as const)}
          onChange={(v) => {
            set({ entity: v });
          }}
        />
        <FilterSelect
          label={w.stage}
          value={stage}
          anyLabel={w.anyStage}
          options={STAGES.map((s) => [s, m.statuses[s] ?? s] as const)}
          onChange={(v) => {
            set({ stage: v });
          }}
        />
        <FilterSelect
          label={w.period}
          value={period ? serializePeriod(period) : ""}
          anyLabel={w.anyPeriod}
          options={periodChoices().map(
            (p) =>
              [
                serializePeriod(p),
                p.kind === "peacekeeping"
                  ? w.peacekeepingYear(periodName(p, intlLocale))
                  : w.calendarYear(periodName(p, intlLocale)),
              ] as const,
          )}
          onChange={(v) => {
            set({ period: v });
          }}
        />
      </TableFilters>
      {lines.isPending ? (
        <Loading />
      ) : lines.isError ? (
        <LoadError error={lines.error} retry={() => void lines.refetch()} />
      ) : (
        <>
          {totals ? (
            <section className="report-totals" aria-labelledby="report-totals-title">
              <h3 id="report-totals-title">
                {w.reportTotalsHeading(operation, totals.period.label)}
              </h3>
              <dl>
                <div data-measure="requirement" data-cents={totals.requirement}>
                  <dt>{w.requirement}</dt>
                  <dd>{formatUsdCents(totals.requirement, intlLocale)}</dd>
                </div>
                <div data-measure="appropriated" data-cents={totals.appropriated}>
                  <dt>{w.appropriated}</dt>
                  <dd>{formatUsdCents(totals.appropriated, intlLocale)}</dd>
                </div>
                <div data-measure="expended" data-cents={totals.expended}>
                  <dt>{w.expended}</dt>
                  <dd>{formatUsdCents(totals.expended, intlLocale)}</dd>
                </div>
              </dl>
              <p className="note">
                {w.reportTotalsNote}{" "}
                <Link href={`/operations/${operation}?period=${serializePeriod(period!)}`}>
                  {w.seeGapChart(operation)}
                </Link>
              </p>
            </section>
          ) : (
            <p className="note">{w.chooseForReportTotals}</p>
          )}
          <div className="table-scroll">
            <table className="requirements-table" aria-rowcount={lines.data.total + 2}>
              <caption className="visually-hidden">{w.requirementsTitle}</caption>
              <thead>
                <tr aria-rowindex={1}>
                  {header("id", w.id, "num")}
                  {header("external_ref", w.lineRef)}
                  <th scope="col">{w.operation}</th>
                  <th scope="col">{w.entity}</th>
                  {show("taskCode") && <th scope="col">{w.taskCode}</th>}
                  {header("stage", w.stage)}
                  {header("period_start", w.budgetPeriod)}
                  {show("amount") && (
                    <th scope="col" className="num">
                      {w.amount}
                    </th>
                  )}
                  {header("amount_usd_cents", w.amountUsd, "num")}
                  {show("document") && <th scope="col">{w.document}</th>}
                  {show("updatedBy") && <th scope="col">{w.updatedBy}</th>}
                  <th scope="col">
                    <span className="visually-hidden">{w.editRequirementHeading}</span>
                  </th>
                </tr>
              </thead>
              <VirtualRows
                rows={lines.data.items}
                rowKey={(r) => r.id}
                colSpan={12}
                firstRowIndex={offset + 2}
                before={
                  lines.data.items.length === 0 && (
                    <tr>
                      <td colSpan={12}>{w.noRequirements}</td>
                    </tr>
                  )
                }
              >
                {(r, rowProps) => {
                  const ref = `${r.external_ref} (${m.statuses[r.stage] ?? r.stage})`;
                  const writable = canWrite(me, {
                    operationId: r.operation_id,
                    entityId: r.entity_id,
                  });
                  return (
                    <tr
                      key={r.id}
                      {...rowProps}
                      data-requirement-id={r.id}
                      data-writable={writable}
                    >
                      <td className="num">{r.id}</td>
                      <td className="code">{r.external_ref}</td>
                      <td>{r.operation_code}</td>
                      <td>{r.entity_code}</td>
                      {show("taskCode") && <td>{r.task_code ?? m.notSpecified}</td>}
                      <td>{m.statuses[r.stage] ?? r.stage}</td>
                      <td className="dates">
                        {formatDate(r.period_start, intlLocale)} –{" "}
                        {formatDate(r.period_end, intlLocale)}
                      </td>
                      {show("amount") && (
                        <td className="num">{formatMinor(r.amount, r.currency, intlLocale)}</td>
                      )}
                      <td className="num">{formatUsdCents(r.amount_usd_cents, intlLocale)}</td>
                      {show("document") && <td>{r.document ?? w.none}</td>}
                      {show("updatedBy") && <td>{r.updated_by ?? w.none}</td>}
                      <td>
                        {/* The visible word is short; the link's name says which row. */}
                        <Link href={`/workspace/requirements/${r.id}`}>
                          {writable ? w.editRow : w.viewRow}
                          <span className="visually-hidden"> {ref}</span>
                        </Link>
                        {!writable && <span className="badge">{w.readOnlyHere}</span>}
                      </td>
                    </tr>
                  );
                }}
              </VirtualRows>
              <tfoot>
                <tr aria-rowindex={lines.data.total + 2}>
                  {/* Under the USD column: the columns before it. */}
                  <th scope="row" colSpan={6 + Number(show("taskCode")) + Number(show("amount"))}>
                    {w.rowsSumUsd(String(lines.data.total))}
                  </th>
                  <td
                    className="num requirements-total"
                    data-total-cents={lines.data.totalUsdCents}
                  >
                    {formatUsdCents(lines.data.totalUsdCents, intlLocale)}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
          <Pager
            offset={offset}
            limit={limit}
            total={lines.data.total}
            onPage={(from) => {
              set({ from: String(from) });
            }}
          />
        </>
      )}
    </section>
  );
}
