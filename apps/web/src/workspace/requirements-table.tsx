// Budget lines (requirements): a RecordTable of stage rows, filtered by entity, stage and period
// too; the sum of every matching row under the USD column and, for an operation and a period,
// the report's own totals above the table.
import { formatDate, periodName } from "../format";
import { useLocale } from "../i18n/locale";
import { useTRPC } from "../trpc";
import { parsePeriod, serializePeriod } from "../url-state";
import type { Period } from "../url-state";
import { useCodes } from "./hooks";
import { useWs } from "./messages";
import { amountColumns, identityColumns, taskCodeColumn, updatedByColumn } from "./record-columns";
import { RecordTable } from "./record-table";
import { STAGES } from "./requirement-form";
import type { Stage } from "./requirement-form";
import { RequirementReportTotals } from "./requirement-report-totals";

/** Peacekeeping and calendar years offered by the period filter, newest first. */
function periodChoices(today = new Date()): Period[] {
  const out: Period[] = [];
  for (let y = today.getUTCFullYear() + 1; y >= 2015; y--)
    out.push({ kind: "peacekeeping", year: y }, { kind: "calendar", year: y });
  return out;
}

/** The period chosen, from the filter's value (empty: none). */
const periodOf = (value: string) => (value ? parsePeriod(value) : null);

export function RequirementsTable() {
  const trpc = useTRPC();
  const w = useWs();
  const { messages: m, intlLocale } = useLocale();
  const codes = useCodes();
  return (
    <RecordTable
      name="requirement"
      list={trpc.requirement.list}
      listInput={(f) => ({
        entity: f.entity || undefined,
        stage: (f.stage || undefined) as Stage | undefined,
        period: periodOf(f.period) ?? undefined,
      })}
      filters={[
        {
          param: "entity",
          label: w.entity,
          anyLabel: w.anyEntity,
          options: codes.organizations
            .filter((o) => o.kind === "un_entity" || o.kind === "pooled_fund")
            .map((o) => [o.code, o.code] as const),
        },
        {
          param: "stage",
          label: w.stage,
          anyLabel: w.anyStage,
          options: STAGES.map((s) => [s, m.statuses[s] ?? s] as const),
          read: (text) => ((STAGES as readonly string[]).includes(text) ? text : ""),
        },
        {
          param: "period",
          label: w.period,
          anyLabel: w.anyPeriod,
          options: periodChoices().map((p) => {
            const name = periodName(p, intlLocale);
            const label = p.kind === "peacekeeping" ? w.peacekeepingYear : w.calendarYear;
            return [serializePeriod(p), label(name)] as const;
          }),
          // An unreadable period reads as the default one, as elsewhere in the app.
          read: (text) => (text ? serializePeriod(parsePeriod(text)) : ""),
        },
      ]}
      title={w.requirementsTitle}
      newLabel={w.newRequirement}
      searchLabel={w.searchRequirements}
      columns={[
        ...identityColumns(w, w.lineRef, "code"),
        { key: "entity", label: w.entity, cell: (r) => r.entity_code },
        taskCodeColumn(w, m),
        {
          key: "stage",
          label: w.stage,
          sort: "stage",
          cell: (r) => m.statuses[r.stage] ?? r.stage,
        },
        {
          key: "period",
          label: w.budgetPeriod,
          sort: "period_start",
          cellClass: "dates",
          cell: (r) => (
            <>
              {formatDate(r.period_start, intlLocale)} – {formatDate(r.period_end, intlLocale)}
            </>
          ),
        },
        ...amountColumns(w, intlLocale),
        { key: "document", label: w.document, optional: true, cell: (r) => r.document ?? w.none },
        updatedByColumn(w),
      ]}
      defaultSort={{ by: "external_ref", direction: "asc" }}
      empty={w.noRequirements}
      open={{
        heading: w.editRequirementHeading,
        // The visible word is short; the link's name says which row.
        text: (r, writable) => (
          <>
            {writable ? w.editRow : w.viewRow}
            <span className="visually-hidden">
              {" "}
              {r.external_ref} ({m.statuses[r.stage] ?? r.stage})
            </span>
          </>
        ),
      }}
      scope={(r) => ({ operationId: r.operation_id, entityId: r.entity_id })}
      total={{
        label: w.rowsSumUsd,
        // Under the USD column: the columns before it.
        labelSpan: (shown) => 6 + Number(shown("taskCode")) + Number(shown("amount")),
      }}
      aboveTable={(page, f) => (
        <RequirementReportTotals
          totals={page.reportTotals}
          operation={f.operation}
          period={periodOf(f.period)}
        />
      )}
    />
  );
}
