import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { PredictabilityExplanation as Explained, PredictabilityMeasure } from "../api-types";
import { LoadError, Loading } from "../components/states";
import { formatDecimalString, formatRatio, formatUsdCents } from "../format";
import { useLocale } from "../i18n/locale";
import { useAnalyticsMessages } from "../i18n/analytics-messages";
import { useTRPC } from "../trpc";
import { decimalCentsToCents } from "./maths";
import { MeasureRecords } from "./predictability-records";

export type { PredictabilityMeasure };

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
          <MeasureRecords measure={measure} data={why.data} operation={operation} />
        </>
      )}
    </section>
  );
}
