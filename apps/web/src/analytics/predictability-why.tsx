import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Link } from "wouter";
import type { PredictabilityExplanation as Explained, PredictabilityMeasure } from "../api-types";
import { LoadError, Loading } from "../components/states";
import { recordHref } from "../components/why-panel";
import { formatDate, formatDecimalString, formatRatio, formatUsdCents } from "../format";
import { useLocale } from "../i18n/locale";
import { useAnalyticsMessages } from "../i18n/analytics-messages";
import { useTRPC } from "../trpc";
import { decimalCentsToCents } from "./maths";

export const PREDICTABILITY_MEASURES = [
  "pledgeFulfilment",
  "medianDays",
  "arrears",
  "multiYearShare",
  "assessedShare",
  "volatility",
] as const satisfies readonly PredictabilityMeasure[];
export type { PredictabilityMeasure };

const sum = <T,>(items: readonly T[], cents: (item: T) => number) =>
  items.reduce((s, item) => s + cents(item), 0);

function FlowLink({ id, operation }: { id: string; operation: string }) {
  const { messages: m } = useLocale();
  return (
    <Link href={recordHref({ recordKind: "flow", recordId: id }, operation)}>
      {m.flowKind} {id}
    </Link>
  );
}

/** Contributions ever pledged: pledged and paid amounts, dates, days to payment; sums below. */
function PledgesTable({ data, operation }: { data: Explained; operation: string }) {
  const { messages: m, intlLocale } = useLocale();
  const a = useAnalyticsMessages();
  const money = (c: number) => formatUsdCents(c, intlLocale);
  const paid = sum(data.pledges, (p) => p.paidCents);
  const pledged = sum(data.pledges, (p) => p.pledgedCents);
  return (
    <div className="table-scroll">
      <table className="why-table predictability-records" data-kind="pledges">
        <caption>{a.pledgesCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.record}</th>
            <th scope="col">{m.drillDimensions.donor}</th>
            <th scope="col">{m.drillDimensions.entity}</th>
            <th scope="col">{a.firstPledgedOn}</th>
            <th scope="col" className="num">
              {a.pledgedUsd}
            </th>
            <th scope="col">{a.statusOnReview}</th>
            <th scope="col">{a.paidOn}</th>
            <th scope="col" className="num">
              {a.paidUsd}
            </th>
            <th scope="col" className="num">
              {a.daysToPayment}
            </th>
          </tr>
        </thead>
        <tbody>
          {data.pledges.map((p) => (
            <tr
              key={p.flowId}
              className="why-record"
              data-record={p.flowId}
              data-pledged-cents={p.pledgedCents}
              data-paid-cents={p.paidCents}
              data-days={p.daysToPayment ?? ""}
            >
              <th scope="row">
                <FlowLink id={p.flowId} operation={operation} />
              </th>
              <td>{p.donorCode}</td>
              <td>{p.entityCode}</td>
              <td>{formatDate(p.pledgedOn, intlLocale)}</td>
              <td className="num">{money(p.pledgedCents)}</td>
              <td>{m.statuses[p.status] ?? p.status}</td>
              <td>{p.paidOn ? formatDate(p.paidOn, intlLocale) : "—"}</td>
              <td className="num">{money(p.paidCents)}</td>
              <td className="num">{p.daysToPayment ?? "—"}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="why-sum" data-sum-paid-cents={paid} data-sum-pledged-cents={pledged}>
            <th scope="row" colSpan={4}>
              {a.recordsSum}
            </th>
            <td className="num">{money(pledged)}</td>
            <td colSpan={2} />
            <td className="num">{money(paid)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Funded contributions: the part each puts in the share's numerator, and the sums. */
function FundedTable({
  data,
  operation,
  numerator,
}: {
  data: Explained;
  operation: string;
  numerator: "multiYear" | "assessed";
}) {
  const { messages: m, intlLocale } = useLocale();
  const a = useAnalyticsMessages();
  const money = (c: number) => formatUsdCents(c, intlLocale);
  const part = (f: Explained["funded"][number]) => (f[numerator] ? f.cents : 0);
  const total = sum(data.funded, (f) => f.cents);
  const inNumerator = sum(data.funded, part);
  return (
    <div className="table-scroll">
      <table className="why-table predictability-records" data-kind="funded">
        <caption>{a.fundedCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.record}</th>
            <th scope="col">{m.drillDimensions.donor}</th>
            <th scope="col">{m.drillDimensions.entity}</th>
            <th scope="col">{m.fundingType}</th>
            <th scope="col">{a.countedOn}</th>
            <th scope="col">{a.usagePeriod}</th>
            <th scope="col">{numerator === "multiYear" ? a.longerThanYear : a.assessedColumn}</th>
            <th scope="col" className="num">
              {m.funded} (USD)
            </th>
            <th scope="col" className="num">
              {a.inNumerator}
            </th>
          </tr>
        </thead>
        <tbody>
          {data.funded.map((f) => (
            <tr
              key={f.flowId}
              className="why-record"
              data-record={f.flowId}
              data-cents={f.cents}
              data-numerator-cents={part(f)}
            >
              <th scope="row">
                <FlowLink id={f.flowId} operation={operation} />
              </th>
              <td>{f.donorCode}</td>
              <td>{f.entityCode}</td>
              <td>{m.fundingTypes[f.fundingType] ?? f.fundingType}</td>
              <td>
                {m.statuses[f.status] ?? f.status}, {formatDate(f.date, intlLocale)}
              </td>
              <td>
                {formatDate(f.usage[0], intlLocale)} – {formatDate(f.usage[1], intlLocale)} (
                {f.usageDays})
              </td>
              <td>{f[numerator] ? a.yes : a.no}</td>
              <td className="num">{money(f.cents)}</td>
              <td className="num">{money(part(f))}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="why-sum" data-sum-cents={total} data-sum-numerator-cents={inNumerator}>
            <th scope="row" colSpan={7}>
              {a.recordsSum}
            </th>
            <td className="num">{money(total)}</td>
            <td className="num">{money(inNumerator)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** The five years' voluntary funding, each with the contributions (their parts) it adds up. */
function YearsTable({ data, operation }: { data: Explained; operation: string }) {
  const { messages: m, intlLocale } = useLocale();
  const a = useAnalyticsMessages();
  const money = (c: number) => formatUsdCents(c, intlLocale);
  return (
    <div className="table-scroll">
      <table className="why-table predictability-records" data-kind="years">
        <caption>{a.yearsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.year}</th>
            <th scope="col" className="num">
              {m.funded} (USD)
            </th>
            <th scope="col">{a.yearParts}</th>
          </tr>
        </thead>
        <tbody>
          {data.annualVoluntary.map((y) => (
            <tr
              key={y.period.label}
              className="why-year"
              data-period={y.period.label}
              data-cents={y.fundedCents}
              data-parts-cents={sum(y.parts, (p) => p.cents)}
            >
              <th scope="row">{y.period.label}</th>
              <td className="num">{money(y.fundedCents)}</td>
              <td>
                {y.parts.length === 0 ? (
                  "—"
                ) : (
                  <ul className="year-parts">
                    {y.parts.map((p, i) => (
                      <li key={`${p.flowId}-${i}`} data-cents={p.cents}>
                        <FlowLink id={p.flowId} operation={operation} />: {money(p.cents)}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Arrears: each assessed contribution unpaid 30 days or more after commitment, and the sum. */
export function ArrearsTable({
  arrears,
  operation,
  className,
}: {
  arrears: Explained["arrears"];
  operation: string;
  className?: string;
}) {
  const { messages: m, intlLocale } = useLocale();
  const a = useAnalyticsMessages();
  const money = (c: number) => formatUsdCents(c, intlLocale);
  const total = sum(arrears, (f) => f.cents);
  return (
    <div className="table-scroll">
      <table className={className ?? "why-table predictability-records"} data-kind="arrears">
        <caption>{a.arrearsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.record}</th>
            <th scope="col">{a.committedOn}</th>
            <th scope="col" className="num">
              {a.daysUnpaid}
            </th>
            <th scope="col" className="num">
              {m.amountUsd}
            </th>
          </tr>
        </thead>
        <tbody>
          {arrears.length === 0 ? (
            <tr>
              <td colSpan={4}>{a.noArrears}</td>
            </tr>
          ) : (
            arrears.map((f) => (
              <tr key={f.flowId} className="why-record" data-record={f.flowId} data-cents={f.cents}>
                <th scope="row">
                  <FlowLink id={f.flowId} operation={operation} />
                </th>
                <td>{formatDate(f.committedOn, intlLocale)}</td>
                <td className="num">{f.daysUnpaid}</td>
                <td className="num">{money(f.cents)}</td>
              </tr>
            ))
          )}
        </tbody>
        <tfoot>
          <tr className="why-sum" data-sum-cents={total}>
            <th scope="row" colSpan={3}>
              {a.recordsSum}
            </th>
            <td className="num">{money(total)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** The measure's arithmetic in words, with the exact decimal. */
function Equation({ data, measure }: { data: Explained; measure: PredictabilityMeasure }) {
  const { intlLocale } = useLocale();
  const a = useAnalyticsMessages();
  const money = (c: number) => formatUsdCents(c, intlLocale);
  const pct = (d: string | null) => formatRatio(d, intlLocale) ?? a.notDefined;
  const text = (() => {
    switch (measure) {
      case "pledgeFulfilment":
        return data.pledgeFulfilment
          ? a.fulfilmentEquation(
              money(data.pledgeFulfilment.numerator),
              money(data.pledgeFulfilment.denominator),
              pct(data.decimals.pledgeFulfilment),
              formatDecimalString(data.decimals.pledgeFulfilment ?? "", intlLocale),
            )
          : a.notDefined;
      case "multiYearShare":
      case "assessedShare": {
        const r = data[measure];
        return r
          ? a.shareEquation(
              a.measures[measure] ?? measure,
              money(r.numerator),
              money(r.denominator),
              pct(data.decimals[measure]),
              formatDecimalString(data.decimals[measure] ?? "", intlLocale),
            )
          : a.notDefined;
      }
      case "medianDays":
        return a.medianEquation(
          data.pledges.length,
          new Intl.NumberFormat(intlLocale).format(data.medianDaysPledgeToPayment ?? 0),
        );
      case "volatility":
        return data.decimals.volatility === null
          ? a.volatilityUndefined
          : a.volatilityEquation(
              money(decimalCentsToCents(data.volatility.mean)),
              money(decimalCentsToCents(data.volatility.standardDeviation)),
              new Intl.NumberFormat(intlLocale, { maximumFractionDigits: 6 }).format(
                Number(data.decimals.volatility),
              ),
            );
      case "arrears":
        return a.arrearsEquation(data.arrears.length, money(data.arrearsTotalCents));
    }
  })();
  return (
    <p
      className="why-equation"
      data-decimal={
        measure === "medianDays" || measure === "arrears" ? undefined : data.decimals[measure]
      }
    >
      {text}
    </p>
  );
}

/** "Why this number?" for a predictability measure: its records and its arithmetic. */
export function PredictabilityWhy({
  operation,
  asOf,
  filter,
  measure,
  onClose,
}: {
  operation: string;
  asOf: string;
  filter: { donor?: string; entity?: string; task?: string };
  measure: PredictabilityMeasure;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const a = useAnalyticsMessages();
  const heading = useRef<HTMLHeadingElement>(null);
  const why = useQuery(
    trpc.analytics.predictabilityExplain.queryOptions({ operation, asOf, measure, ...filter }),
  );
  useEffect(() => {
    heading.current?.focus();
  }, [measure]);
  const name = a.measures[measure] ?? measure;
  return (
    <section
      className="why-panel"
      aria-labelledby="predictability-why-title"
      data-measure={measure}
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
      }}
    >
      <div className="why-header">
        <h2 id="predictability-why-title" tabIndex={-1} ref={heading}>
          {a.whyTitle(name)}
        </h2>
        <button type="button" onClick={onClose}>
          {a.whyClose}
        </button>
      </div>
      <p className="note">{a.definitions[measure]}</p>
      {why.isPending ? (
        <Loading />
      ) : why.isError ? (
        <LoadError error={why.error} retry={() => void why.refetch()} />
      ) : (
        <>
          <Equation data={why.data} measure={measure} />
          {(measure === "pledgeFulfilment" || measure === "medianDays") && (
            <PledgesTable data={why.data} operation={operation} />
          )}
          {(measure === "multiYearShare" || measure === "assessedShare") && (
            <FundedTable
              data={why.data}
              operation={operation}
              numerator={measure === "multiYearShare" ? "multiYear" : "assessed"}
            />
          )}
          {measure === "volatility" && <YearsTable data={why.data} operation={operation} />}
          {measure === "arrears" && (
            <ArrearsTable arrears={why.data.arrears} operation={operation} />
          )}
        </>
      )}
    </section>
  );
}
