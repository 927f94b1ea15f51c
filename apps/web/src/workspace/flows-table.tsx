// The contributions table: server-side filter, sort and pagination; totals over every matching
// row, as the reports count them; column choice; edit links only where the user may write, and
// "New contribution" for users who write anywhere.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "wouter";
import { LoadError, Loading } from "../components/states";
import { formatDate, formatMinor, formatUsdCents } from "../format";
import { useLocale } from "../i18n/locale";
import { useTRPC } from "../trpc";
import { canWrite } from "./common";
import { STATUSES } from "./flow-form";
import { useCodes, useMe } from "./hooks";
import { useWs } from "./messages";
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

const SORTS = ["status_date", "amount_usd_cents", "external_ref", "id"] as const;
const OPTIONAL_COLUMNS = ["recipient", "taskCode", "fundingType", "amount", "updatedBy"] as const;
type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number];

export function FlowsTable() {
  const trpc = useTRPC();
  const w = useWs();
  const { messages: m, intlLocale } = useLocale();
  const me = useMe();
  const codes = useCodes();
  const { params, set } = useUrlParams();
  const operation = params.get("operation") ?? "";
  const status = params.get("status") ?? "";
  const search = params.get("q") ?? "";
  const { sort, direction } = sortOf(params, SORTS, "status_date", "desc");
  const { limit, offset } = pageOf(params);
  const [hidden, setHidden] = useState<Set<OptionalColumn>>(new Set());

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

  return (
    <section aria-labelledby="flows-title">
      <h2 id="flows-title">{w.flowsTitle}</h2>
      <ScopeNote />
      <NewRecordLink
        href={`/workspace/flows/new${operation ? `?operation=${operation}` : ""}`}
        label={w.newFlow}
      />
      <TableFilters
        searchLabel={w.search}
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
          label={w.status}
          value={status}
          anyLabel={w.anyStatus}
          options={STATUSES.map((s) => [s, m.statuses[s] ?? s] as const)}
          onChange={(v) => {
            set({ status: v });
          }}
        />
      </TableFilters>
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
                  {header("id", w.id, "num")}
                  {header("external_ref", w.externalRef)}
                  <th scope="col">{w.operation}</th>
                  <th scope="col">{w.source}</th>
                  {show("recipient") && <th scope="col">{w.recipient}</th>}
                  {show("taskCode") && <th scope="col">{w.taskCode}</th>}
                  {show("fundingType") && <th scope="col">{w.fundingType}</th>}
                  <th scope="col">{w.status}</th>
                  {header("status_date", w.date)}
                  {show("amount") && (
                    <th scope="col" className="num">
                      {w.amount}
                    </th>
                  )}
                  {header("amount_usd_cents", w.amountUsd, "num")}
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
          <Pager
            offset={offset}
            limit={limit}
            total={flows.data.total}
            onPage={(from) => {
              set({ from: String(from) });
            }}
          />
        </>
      )}
    </section>
  );
}
