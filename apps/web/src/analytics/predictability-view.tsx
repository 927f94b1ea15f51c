import { useQuery } from "@tanstack/react-query";
import { PREDICTABILITY_MEASURES } from "@coherence/funding-model";
import { useId, useState } from "react";
import type { ReactNode } from "react";
import { num, text } from "../export/table-data";
import { centsToDecimal, formatDate, formatUsdCents } from "../format";
import { useLocale } from "../i18n/locale";
import { useAnalyticsMessages } from "../i18n/analytics-messages";
import type { PredictabilityReport } from "../api-types";
import type { ViewProps } from "../pages/analytics";
import { useTRPC } from "../trpc";
import { queryFilter, stampFilter } from "./analytics-state";
import { ratioPercentText } from "./maths";
import { ArrearsTable } from "./predictability-records";
import { PredictabilityWhy } from "./predictability-why";
import type { PredictabilityMeasure } from "./predictability-why";
import { ViewScaffold, ViewSections } from "./view-scaffold";

/** A measure whose definition shows on hover and on keyboard focus (and is its description). */
function Measure({
  name,
  definition,
  measure,
  children,
  detail,
  value,
  onWhy,
}: {
  name: string;
  definition: string;
  measure: PredictabilityMeasure;
  children: ReactNode;
  /** Shown after the figure, outside its button (the button's name starts with its text). */
  detail?: ReactNode;
  /** The figure as read out on its "why this number?" button. */
  value: string;
  onWhy: (measure: PredictabilityMeasure) => void;
}) {
  const id = useId();
  const a = useAnalyticsMessages();
  return (
    <div className="measure" data-measure={measure}>
      <dt>
        <span className="term" tabIndex={0} aria-describedby={id}>
          {name}
        </span>
        <span role="tooltip" id={id} className="definition">
          {definition}
        </span>
      </dt>
      <dd>
        <button
          type="button"
          className="figure-button why-measure"
          aria-label={a.whyMeasure(value, name)}
          onClick={() => {
            onWhy(measure);
          }}
        >
          {children}
        </button>
        {detail}
      </dd>
    </div>
  );
}

/** A measure that is a ratio of two sums of money: its percentage, and both sums beneath. */
function RatioMeasure({
  measure,
  ratio,
  onWhy,
}: {
  measure: "pledgeFulfilment" | "multiYearShare" | "assessedShare";
  ratio: { numerator: number; denominator: number } | null;
  onWhy: (measure: PredictabilityMeasure) => void;
}) {
  const { intlLocale } = useLocale();
  const a = useAnalyticsMessages();
  const money = (c: number) => formatUsdCents(c, intlLocale);
  const pct = ratioPercentText(ratio, intlLocale) ?? a.notDefined;
  return (
    <Measure
      measure={measure}
      name={a.measures[measure] ?? ""}
      definition={a.definitions[measure] ?? ""}
      value={pct}
      onWhy={onWhy}
      detail={
        ratio && (
          <span className="detail">
            {a.ratioOf(money(ratio.numerator), money(ratio.denominator))}
          </span>
        )
      }
    >
      <strong data-numerator={ratio?.numerator ?? ""} data-denominator={ratio?.denominator ?? ""}>
        {pct}
      </strong>
    </Measure>
  );
}

/** Pledge fulfilment, pledge-to-payment days, arrears, multi-year and assessed shares, volatility. */
export default function PredictabilityView(props: ViewProps) {
  const { operation, state, go } = props;
  const trpc = useTRPC();
  const { messages: m } = useLocale();
  const a = useAnalyticsMessages();
  const id = useId();
  const [date, setDate] = useState(state.asOf);
  const report = useQuery(
    trpc.report.predictability.queryOptions({
      operation,
      asOf: state.asOf,
      ...queryFilter(state.filter),
    }),
  );
  return (
    <ViewScaffold
      query={report}
      toolbar={
        <form
          className="period-picker"
          aria-label={a.asOf}
          onSubmit={(e) => {
            e.preventDefault();
            if (/^\d{4}-\d{2}-\d{2}$/.test(date)) go({ ...state, asOf: date });
          }}
        >
          <label htmlFor={`${id}-asof`}>{a.asOf}</label>
          <input
            id={`${id}-asof`}
            type="date"
            value={date}
            onChange={(e) => {
              setDate(e.target.value);
            }}
          />
          <button type="submit">{m.apply}</button>
        </form>
      }
    >
      {(data) => <PredictabilityContent {...props} data={data} />}
    </ViewScaffold>
  );
}

function PredictabilityContent({
  operation,
  state,
  go,
  data,
}: ViewProps & { data: PredictabilityReport }) {
  const { messages: m, intlLocale } = useLocale();
  const a = useAnalyticsMessages();
  const money = (c: number) => formatUsdCents(c, intlLocale);
  const stampInput = {
    operation,
    extra: [[a.asOf, formatDate(data.asOf, intlLocale)]] as const,
    asOf: data.dataAsOf,
    filter: stampFilter(state.filter),
  };
  const whyMeasure = PREDICTABILITY_MEASURES.find((k) => state.why === `measure:${k}`) ?? null;
  const openWhy = (measure: PredictabilityMeasure) => {
    go({ ...state, why: `measure:${measure}` });
  };
  const volatility =
    data.volatility === null
      ? a.notDefined
      : new Intl.NumberFormat(intlLocale, { maximumFractionDigits: 3 }).format(data.volatility);
  // Ratios as the server's exact decimal strings, never a float division here.
  const exportRows: [string, string][] = [
    ["pledgeFulfilment", data.decimals.pledgeFulfilment ?? ""],
    [
      "medianDays",
      data.medianDaysPledgeToPayment === null ? "" : String(data.medianDaysPledgeToPayment),
    ],
    ["arrears", centsToDecimal(data.arrears.totalCents)],
    ["multiYearShare", data.decimals.multiYearShare ?? ""],
    ["assessedShare", data.decimals.assessedShare ?? ""],
    ["volatility", data.decimals.volatility ?? ""],
  ];
  return (
    <ViewSections
      intro={a.predictabilityIntro}
      exports={{
        table: () => ({
          name: `${operation}-predictability-${data.asOf}`,
          header: [m.field, m.value, "Definition"],
          rows: exportRows.map(([k, v]) => [
            text(a.measures[k] ?? k),
            v === "" ? text("") : num(v),
            text(a.definitions[k] ?? ""),
          ]),
        }),
      }}
      stamp={stampInput}
    >
      <dl className="summary predictability">
        <RatioMeasure measure="pledgeFulfilment" ratio={data.pledgeFulfilment} onWhy={openWhy} />
        <Measure
          measure="medianDays"
          name={a.measures.medianDays ?? ""}
          definition={a.definitions.medianDays ?? ""}
          value={
            data.medianDaysPledgeToPayment === null
              ? a.noLag
              : a.medianLagValue(data.medianDaysPledgeToPayment)
          }
          onWhy={openWhy}
          detail={<span className="detail">{a.paymentsCounted(data.paymentsAfterPledge)}</span>}
        >
          <strong data-days={data.medianDaysPledgeToPayment ?? ""}>
            {data.medianDaysPledgeToPayment === null
              ? a.noLag
              : a.medianLagValue(data.medianDaysPledgeToPayment)}
          </strong>
        </Measure>
        <Measure
          measure="arrears"
          name={a.measures.arrears ?? ""}
          definition={a.definitions.arrears ?? ""}
          value={money(data.arrears.totalCents)}
          onWhy={openWhy}
        >
          <strong data-cents={data.arrears.totalCents}>{money(data.arrears.totalCents)}</strong>
        </Measure>
        <RatioMeasure measure="multiYearShare" ratio={data.multiYearShare} onWhy={openWhy} />
        <RatioMeasure measure="assessedShare" ratio={data.assessedShare} onWhy={openWhy} />
        <Measure
          measure="volatility"
          name={a.measures.volatility ?? ""}
          definition={a.definitions.volatility ?? ""}
          value={volatility}
          onWhy={openWhy}
        >
          <strong data-decimal={data.decimals.volatility ?? ""}>{volatility}</strong>
        </Measure>
      </dl>
      {whyMeasure && (
        <PredictabilityWhy
          operation={operation}
          asOf={state.asOf}
          filter={queryFilter(state.filter)}
          measure={whyMeasure}
          onClose={() => {
            go({ ...state, why: null });
          }}
        />
      )}
      <ArrearsTable arrears={data.arrears.flows} operation={operation} className="arrears-table" />
      <div className="table-scroll">
        <table className="annual-table">
          <caption>{a.annualCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{m.year}</th>
              <th scope="col" className="num">
                {m.funded}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.annualVoluntary.map((y) => (
              <tr key={y.period.label}>
                <th scope="row">{y.period.label}</th>
                <td className="num" data-cents={y.fundedCents}>
                  {money(y.fundedCents)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ViewSections>
  );
}
