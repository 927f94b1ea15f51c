import { useQueries } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { ExplanationView } from "../components/why-panel";
import { LoadError, Loading } from "../components/states";
import { formatUsdCents } from "../format";
import { useLocale } from "../i18n/locale";
import { useAnalyticsMessages } from "../i18n/analytics-messages";
import { useTRPC } from "../trpc";
import type { Period } from "../url-state";
import { explainInput } from "./maths";
import type { ExplainFilter } from "./maths";

export type ExplainMeasure =
  "requirement" | "appropriated" | "expended" | "pledged" | "committed" | "paid" | "funded";

/** "Why this number?" for a figure of an analytic view: the records behind each measure. */
export function AnalyticsWhy({
  operation,
  period,
  filter,
  measures,
  title,
  onClose,
}: {
  operation: string;
  period: Period;
  filter: ExplainFilter;
  measures: readonly ExplainMeasure[];
  title: string;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const { messages: m, intlLocale } = useLocale();
  const a = useAnalyticsMessages();
  const heading = useRef<HTMLHeadingElement>(null);
  const results = useQueries({
    queries: measures.map((measure) =>
      trpc.report.explain.queryOptions({ operation, period, measure, ...explainInput(filter) }),
    ),
  });
  useEffect(() => {
    heading.current?.focus();
  }, [title]);
  const failed = results.find((r) => r.isError);
  const money = (c: number) => formatUsdCents(c, intlLocale);
  return (
    <section
      className="why-panel"
      aria-labelledby="analytics-why-title"
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
      }}
    >
      <div className="why-header">
        <h2 id="analytics-why-title" tabIndex={-1} ref={heading}>
          {a.whyTitle(title)}
        </h2>
        <button type="button" onClick={onClose}>
          {a.whyClose}
        </button>
      </div>
      <p className="note">{a.whyIntro}</p>
      {failed?.error ? (
        <LoadError error={failed.error} retry={() => void failed.refetch()} />
      ) : results.some((r) => r.isPending) ? (
        <Loading />
      ) : (
        <>
          {measures.includes("requirement") && measures.includes("funded") && (
            <p className="why-equation">
              {m.whyGap(
                money(results[measures.indexOf("requirement")]!.data!.explanations[0]!.value),
                money(results[measures.indexOf("funded")]!.data!.explanations[0]!.value),
                money(
                  Math.max(
                    0,
                    results[measures.indexOf("requirement")]!.data!.explanations[0]!.value -
                      results[measures.indexOf("funded")]!.data!.explanations[0]!.value,
                  ),
                ),
              )}
            </p>
          )}
          {results.map((r, i) =>
            r.data?.explanations[0] ? (
              <ExplanationView key={measures[i]} e={r.data.explanations[0]} operation={operation} />
            ) : null,
          )}
        </>
      )}
    </section>
  );
}
