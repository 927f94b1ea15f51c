// The contributions table: a RecordTable of flows, filtered by status too, with the donor,
// recipient, funding type and status date of each; its total is every matching row's, as the
// reports count them.
import { formatDate } from "../format";
import { useLocale } from "../i18n/locale";
import { useTRPC } from "../trpc";
import { STATUSES } from "./flow-form";
import { useWs } from "./messages";
import { amountColumns, identityColumns, taskCodeColumn, updatedByColumn } from "./record-columns";
import { RecordTable } from "./record-table";

export function FlowsTable() {
  const trpc = useTRPC();
  const w = useWs();
  const { messages: m, intlLocale } = useLocale();
  return (
    <RecordTable
      name="flow"
      list={trpc.flow.list}
      listInput={(f) => ({
        status: (f.status || undefined) as (typeof STATUSES)[number] | undefined,
      })}
      filters={[
        {
          param: "status",
          label: w.status,
          anyLabel: w.anyStatus,
          options: STATUSES.map((s) => [s, m.statuses[s] ?? s] as const),
        },
      ]}
      title={w.flowsTitle}
      newLabel={w.newFlow}
      searchLabel={w.search}
      columns={[
        ...identityColumns(w, w.externalRef),
        { key: "source", label: w.source, cell: (f) => f.source_code },
        { key: "recipient", label: w.recipient, optional: true, cell: (f) => f.recipient_code },
        taskCodeColumn(w, m),
        {
          key: "fundingType",
          label: w.fundingType,
          optional: true,
          cell: (f) => m.fundingTypes[f.funding_type] ?? f.funding_type,
        },
        { key: "status", label: w.status, cell: (f) => m.statuses[f.status] ?? f.status },
        {
          key: "date",
          label: w.date,
          sort: "status_date",
          cell: (f) => formatDate(f.status_date, intlLocale),
        },
        ...amountColumns(w, intlLocale),
        updatedByColumn(w),
      ]}
      defaultSort={{ by: "status_date", direction: "desc" }}
      empty={w.noFlows}
      open={{
        heading: w.editHeading,
        text: (f, writable) => {
          const ref = f.external_ref ?? `#${f.id}`;
          return writable ? w.editFlow(ref) : w.viewFlow(ref);
        },
      }}
      scope={(f) => ({ operationId: f.operation_id, entityId: f.recipient_id })}
      total={{
        label: w.totalUsd,
        // Under the USD column: the columns before it (id, reference, operation, source,
        // status and date, and the optional ones shown).
        labelSpan: (shown) =>
          6 +
          Number(shown("recipient")) +
          Number(shown("taskCode")) +
          Number(shown("fundingType")) +
          Number(shown("amount")),
      }}
    />
  );
}
