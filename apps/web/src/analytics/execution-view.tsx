import { useQuery } from "@tanstack/react-query";
import { GapBar, gapBarDomain } from "@coherence/charts";
import { num, text } from "../export/table-data";
import { centsToDecimal, formatUsdCents, periodName } from "../format";
import { useLocale } from "../i18n/locale";
import { useAnalyticsMessages } from "../i18n/analytics-messages";
import type { ExecutionReport } from "../api-types";
import type { ViewProps } from "../pages/analytics";
import { useTRPC } from "../trpc";
import { CentsCell, FiguresTable } from "../components/figures-table";
import { EntityRow } from "./entity-row";
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
  const bar = (r: { appropriated: number; expended: number }, name: string) => (
    <GapBar
      requirementCents={r.appropriated}
      fundedCents={r.expended}
      domainMaxCents={domain}
      label={a.executionBar(name, money(r.appropriated), money(r.expended))}
    />
  );
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
      <FiguresTable
        className="execution-table"
        caption={a.executionCaption(operation, periodText)}
        columns={[
          { header: m.entity },
          { header: a.appropriated, figures: true },
          { header: a.expended, figures: true },
          { header: a.unencumbered, figures: true },
          { header: a.implementationRate, figures: true },
          {
            header: (
              <span className="visually-hidden">
                {a.appropriated} / {a.expended}
              </span>
            ),
          },
        ]}
        foot={
          <EntityRow entity="_total" name={m.total}>
            <CentsCell cents={data.total.appropriated} />
            <CentsCell cents={data.total.expended} />
            <CentsCell cents={data.total.unencumbered} />
            <td className="num">{rate(data.total)}</td>
            <td>{bar(data.total, m.total)}</td>
          </EntityRow>
        }
      >
        {rows.map((r) => (
          <EntityRow
            key={r.key}
            entity={r.entityCode ?? ""}
            name={r.name}
            selected={!!state.filter.entity && r.entityCode === state.filter.entity}
          >
            <CentsCell cents={r.appropriated} measure="appropriated">
              {amount(r.entityCode, "appropriated", r.appropriated)}
            </CentsCell>
            <CentsCell cents={r.expended} measure="expended">
              {amount(r.entityCode, "expended", r.expended)}
            </CentsCell>
            <CentsCell cents={r.unencumbered} measure="unencumbered" />
            <td className="num">{rate(r)}</td>
            <td>{bar(r, r.name)}</td>
          </EntityRow>
        ))}
      </FiguresTable>
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
