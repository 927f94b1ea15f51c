import { useQuery } from "@tanstack/react-query";
import { GapBar, gapBarDomain } from "@coherence/charts";
import { num, text } from "../export/table-data";
import { centsToDecimal, formatUsdCents, periodName } from "../format";
import { useLocale } from "../i18n/locale";
import { useAnalyticsMessages } from "../i18n/analytics-messages";
import type { ExecutionReport } from "../api-types";
import type { ViewProps } from "../pages/analytics";
import { useTRPC } from "../trpc";
import { ratioPercentText } from "./maths";
import { ViewPeriodPicker, ViewScaffold, ViewSections } from "./view-scaffold";
import { AnalyticsWhy } from "./why";

/** Appropriated vs expended, unencumbered balance and implementation rate, per operation and entity. */
export default function ExecutionView(props: ViewProps) {
  const { operation, state, go } = props;
  const trpc = useTRPC();
  const report = useQuery(trpc.report.execution.queryOptions({ operation, period: state.period }));
  return (
    <ViewScaffold query={report} toolbar={<ViewPeriodPicker state={state} go={go} />}>
      {(data) => <ExecutionContent {...props} data={data} />}
    </ViewScaffold>
  );
}

function ExecutionContent({
  operation,
  state,
  go,
  names,
  data,
}: ViewProps & { data: ExecutionReport }) {
  const { messages: m, intlLocale } = useLocale();
  const a = useAnalyticsMessages();
  const money = (c: number) => formatUsdCents(c, intlLocale);
  const periodText = periodName(state.period, intlLocale);
  const stampInput = { operation, period: state.period, asOf: data.asOf };
  const rows = [
    ...data.entities.map((e) => ({
      key: e.entityCode ?? "_",
      name: e.entityCode ? names.org(e.entityCode) : m.unknownValue,
      ...e,
    })),
  ];
  const domain = gapBarDomain(
    [...rows, { ...data.total }].map((r) => ({
      requirementCents: r.appropriated,
      fundedCents: r.expended,
    })),
  );
  const whyMatch = state.why ? /^exec:([^:]+):(appropriated|expended)$/.exec(state.why) : null;
  const rate = (r: { implementationRatio: { numerator: number; denominator: number } | null }) =>
    ratioPercentText(r.implementationRatio, intlLocale) ?? m.notApplicable;
  const amount = (entity: string | null, measure: "appropriated" | "expended", cents: number) =>
    entity === null ? (
      money(cents)
    ) : (
      <button
        type="button"
        className="figure-button"
        aria-label={`${money(cents)} — ${a.whyTitle(`${a[measure]}, ${names.org(entity)}`)}`}
        onClick={() => {
          go({ ...state, why: `exec:${entity}:${measure}` });
        }}
      >
        {money(cents)}
      </button>
    );
  return (
    <ViewSections
      intro={a.executionIntro}
      lead={
        state.filter.donor || state.filter.task ? (
          <p className="note">
            {a.filterNotApplicable(
              state.filter.donor ? (m.filterLabels.donorCode ?? "") : a.filterTask,
            )}
          </p>
        ) : null
      }
      empty={rows.length === 0 && a.noExecution}
      exports={{
        table: () => ({
          name: `${operation}-${periodText}-execution`,
          header: [
            m.entity,
            `${a.appropriated} (USD)`,
            `${a.expended} (USD)`,
            `${a.unencumbered} (USD)`,
            a.implementationRate,
          ],
          rows: [...rows, { key: "total", name: m.total, ...data.total }].map((r) => [
            text(r.name),
            num(centsToDecimal(r.appropriated)),
            num(centsToDecimal(r.expended)),
            num(centsToDecimal(r.unencumbered)),
            r.implementationRate === null ? text("") : num(String(r.implementationRate)),
          ]),
        }),
      }}
      stamp={stampInput}
    >
      <div className="table-scroll">
        <table className="execution-table">
          <caption>{a.executionCaption(operation, periodText)}</caption>
          <thead>
            <tr>
              <th scope="col">{m.entity}</th>
              <th scope="col" className="num">
                {a.appropriated}
              </th>
              <th scope="col" className="num">
                {a.expended}
              </th>
              <th scope="col" className="num">
                {a.unencumbered}
              </th>
              <th scope="col" className="num">
                {a.implementationRate}
              </th>
              <th scope="col">
                <span className="visually-hidden">
                  {a.appropriated} / {a.expended}
                </span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                key={r.key}
                data-entity={r.entityCode ?? ""}
                className={
                  state.filter.entity && r.entityCode === state.filter.entity
                    ? "selected-row"
                    : undefined
                }
              >
                <th scope="row">{r.name}</th>
                <td className="num" data-measure="appropriated" data-cents={r.appropriated}>
                  {amount(r.entityCode, "appropriated", r.appropriated)}
                </td>
                <td className="num" data-measure="expended" data-cents={r.expended}>
                  {amount(r.entityCode, "expended", r.expended)}
                </td>
                <td className="num" data-measure="unencumbered" data-cents={r.unencumbered}>
                  {money(r.unencumbered)}
                </td>
                <td className="num">{rate(r)}</td>
                <td>
                  <GapBar
                    requirementCents={r.appropriated}
                    fundedCents={r.expended}
                    domainMaxCents={domain}
                    label={a.executionBar(r.name, money(r.appropriated), money(r.expended))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-entity="_total">
              <th scope="row">{m.total}</th>
              <td className="num" data-cents={data.total.appropriated}>
                {money(data.total.appropriated)}
              </td>
              <td className="num" data-cents={data.total.expended}>
                {money(data.total.expended)}
              </td>
              <td className="num" data-cents={data.total.unencumbered}>
                {money(data.total.unencumbered)}
              </td>
              <td className="num">{rate(data.total)}</td>
              <td>
                <GapBar
                  requirementCents={data.total.appropriated}
                  fundedCents={data.total.expended}
                  domainMaxCents={domain}
                  label={a.executionBar(
                    m.total,
                    money(data.total.appropriated),
                    money(data.total.expended),
                  )}
                />
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      {whyMatch && (
        <AnalyticsWhy
          operation={operation}
          period={state.period}
          filter={{ entityCode: whyMatch[1]! }}
          measures={[whyMatch[2] as "appropriated" | "expended"]}
          title={`${a[whyMatch[2] as "appropriated" | "expended"]}, ${names.org(whyMatch[1]!)}`}
          onClose={() => {
            go({ ...state, why: null });
          }}
        />
      )}
    </ViewSections>
  );
}
