// Above the budget-line table, for an operation and a period: the requirement, appropriation and
// expenditure exactly as the reports count them (so the table and the gap chart agree); without
// both, a note asking for them.
import { Link } from "wouter";
import type { RequirementListPage } from "../api-types";
import { formatUsdCents } from "../format";
import { useLocale } from "../i18n/locale";
import { serializePeriod } from "../url-state";
import type { Period } from "../url-state";
import { useWs } from "./messages";

const MEASURES = ["requirement", "appropriated", "expended"] as const;

export function RequirementReportTotals({
  totals,
  operation,
  period,
}: {
  totals: RequirementListPage["reportTotals"];
  operation: string;
  period: Period | null;
}) {
  const w = useWs();
  const { intlLocale } = useLocale();
  if (!totals) return <p className="note">{w.chooseForReportTotals}</p>;
  return (
    <section className="report-totals" aria-labelledby="report-totals-title">
      <h3 id="report-totals-title">{w.reportTotalsHeading(operation, totals.period.label)}</h3>
      <dl>
        {MEASURES.map((measure) => (
          <div key={measure} data-measure={measure} data-cents={totals[measure]}>
            <dt>{w[measure]}</dt>
            <dd>{formatUsdCents(totals[measure], intlLocale)}</dd>
          </div>
        ))}
      </dl>
      <p className="note">
        {w.reportTotalsNote}{" "}
        <Link href={`/operations/${operation}?period=${serializePeriod(period!)}`}>
          {w.seeGapChart(operation)}
        </Link>
      </p>
    </section>
  );
}
