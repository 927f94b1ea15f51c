import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Link } from "wouter";
import type { ExplainReport, OperationReport } from "../api-types";
import { formatDate, formatMinor, formatUsdCents } from "../format";
import { useLocale } from "../i18n/locale";
import type { Messages } from "../i18n/messages";
import { useTRPC } from "../trpc";
import type { Filter, Period, WhyTarget } from "../url-state";
import { taskName, valueName } from "./names";
import { explainRequest } from "./why-request";
import { LoadError, Loading } from "./states";

type Explanation = ExplainReport["explanations"][number];
type Contribution = Explanation["contributions"][number];

export function recordHref(
  c: Pick<Contribution, "recordKind" | "recordId">,
  operation: string,
): string {
  return c.recordKind === "flow"
    ? `/records/flow/${encodeURIComponent(c.recordId)}`
    : `/records/budget/${encodeURIComponent(c.recordId)}?operation=${encodeURIComponent(operation)}`;
}

function conversionText(c: Contribution, m: Messages, locale: string): string {
  switch (c.conversion.method) {
    case "usd":
      return m.conversionUsd;
    case "table":
      return c.conversion.rate
        ? m.conversionTable(
            c.conversion.rate.unitsPerUsd,
            c.currency,
            formatDate(c.conversion.rate.effectiveFrom, locale),
          )
        : m.conversionUsd;
    case "source":
      return m.conversionSource(c.conversion.rate?.unitsPerUsd ?? null);
  }
}

function RecordRows({
  contributions,
  operation,
}: {
  contributions: readonly Contribution[];
  operation: string;
}) {
  const { messages: m, intlLocale } = useLocale();
  return (
    <>
      {contributions.map((c, i) => (
        <tr
          key={`${c.recordKind}-${c.recordId}-${i}`}
          className="why-record"
          data-cents={c.cents}
          data-record={c.recordId}
        >
          <th scope="row">
            <Link href={recordHref(c, operation)}>
              {c.recordKind === "flow" ? m.flowKind : m.budgetKind} {c.recordId}
            </Link>
          </th>
          <td>
            {m.statuses[c.counted] ?? c.counted}
            {c.leg === "source" ? ` — ${m.transferSource}` : ""}
          </td>
          <td className="num">{formatMinor(c.amountMinor, c.currency, intlLocale)}</td>
          <td>{conversionText(c, m, intlLocale)}</td>
          <td>
            {formatDate(c.usage[0], intlLocale)} – {formatDate(c.usage[1], intlLocale)}
          </td>
          <td className="num">{m.overlapDays(c.overlapDays, c.usageDays)}</td>
          <td>
            {m.categories[c.categoryCode] ?? c.categoryCode}
            {c.share.denominator !== 1 ? ` × ${c.share.numerator}/${c.share.denominator}` : ""}
          </td>
          <td className="num">{formatUsdCents(c.cents, intlLocale)}</td>
        </tr>
      ))}
    </>
  );
}

function RecordHead() {
  const { messages: m } = useLocale();
  return (
    <thead>
      <tr>
        <th scope="col">{m.record}</th>
        <th scope="col">{m.countedAs}</th>
        <th scope="col" className="num">
          {m.original}
        </th>
        <th scope="col">{m.conversion}</th>
        <th scope="col">{m.usage}</th>
        <th scope="col" className="num">
          {m.overlap}
        </th>
        <th scope="col">{m.categoryShare}</th>
        <th scope="col" className="num">
          {m.counted}
        </th>
      </tr>
    </thead>
  );
}

/**
 * The sum of the amounts listed, added up here from the rows (not taken from the server's
 * figure): direct contributions plus the attributed shares. It equals the figure by construction.
 */
function RecordsSum({ e }: { e: Explanation }) {
  const { messages: m, intlLocale } = useLocale();
  const money = (c: number) => formatUsdCents(c, intlLocale);
  const direct = e.contributions.reduce((s, c) => s + c.cents, 0);
  const attributed = e.attributions.reduce((s, a) => s + a.cents, 0);
  return (
    <p className="why-sum" data-sum-cents={direct + attributed}>
      {m.whyRecordsSum(
        money(direct),
        e.attributions.length > 0 ? money(attributed) : null,
        money(direct + attributed),
      )}
    </p>
  );
}

/** One side of an explanation: the records behind a figure, and any attributed assessed money. */
export function ExplanationView({ e, operation }: { e: Explanation; operation: string }) {
  const { messages: m, intlLocale } = useLocale();
  const money = (c: number) => formatUsdCents(c, intlLocale);
  const count =
    e.contributions.length + e.attributions.reduce((n, a) => n + Math.max(1, a.records.length), 0);
  const named: Record<string, string> = {
    requirement: m.requirement,
    funded: m.funded,
    pledged: m.pledged,
    committed: m.committed,
    paid: m.paid,
  };
  const heading = named[e.measure] ?? m.statuses[e.measure] ?? e.measure;
  return (
    <section className="why-side" data-measure={e.measure} data-value={e.value}>
      <h3>
        {heading}: {money(e.value)}
      </h3>
      {count === 0 ? <p>{m.whyNothing}</p> : <p>{m.whySum(count, money(e.value))}</p>}
      {count > 0 && <RecordsSum e={e} />}
      {e.contributions.length > 0 && (
        <div className="table-scroll">
          <table className="why-table why-direct">
            <caption className="visually-hidden">{heading}</caption>
            <RecordHead />
            <tbody>
              <RecordRows contributions={e.contributions} operation={operation} />
            </tbody>
          </table>
        </div>
      )}
      {e.attributions.length > 0 && (
        <>
          <h4>{m.attributionTitle}</h4>
          <ul className="attributions">
            {e.attributions.map((a, i) => (
              <li key={i} className="why-attribution" data-cents={a.cents}>
                <p>
                  <strong>{money(a.cents)}</strong> = {m.attributionSource} {money(a.sourceCents)} ×{" "}
                  {m.attributionStep(money(a.weightCents), money(a.totalWeightCents))}
                </p>
                {a.records.length > 0 && (
                  <div className="table-scroll">
                    <table className="why-table">
                      <caption className="visually-hidden">{m.attributionTitle}</caption>
                      <RecordHead />
                      <tbody>
                        <RecordRows contributions={a.records} operation={operation} />
                      </tbody>
                    </table>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** "Why this number?": the records behind one figure and every step applied to each. */
export function WhyPanel({
  operation,
  period,
  filter,
  target,
  report,
  organizations,
  onClose,
}: {
  operation: string;
  period: Period;
  filter: Filter;
  target: WhyTarget;
  report: OperationReport;
  organizations: ReadonlyMap<string, string>;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const { messages: m, intlLocale } = useLocale();
  const heading = useRef<HTMLHeadingElement>(null);
  const why = useQuery(
    trpc.report.explain.queryOptions({
      operation,
      period,
      measure: target.measure,
      ...explainRequest(target, filter),
    }),
  );
  const drillText = target.drill
    ? `${target.drill.by}:${target.drill.value === undefined ? "*" : (target.drill.value ?? "")}`
    : "";
  useEffect(() => {
    heading.current?.focus();
  }, [target.taskCode, target.measure, drillText]);
  const money = (c: number) => formatUsdCents(c, intlLocale);
  const label = m[target.measure];
  const where = target.unallocated ? m.unallocatedTitle : taskName(report, target.taskCode, m);
  const title =
    target.drill && target.drill.value !== undefined
      ? m.whyForDrill(
          label,
          where,
          m.drillDimensions[target.drill.by] ?? target.drill.by,
          valueName(target.drill.by, target.drill.value, m, organizations),
        )
      : m.whyFor(label, where);
  const side = (measure: string) => why.data?.explanations.find((e) => e.measure === measure);
  return (
    <section
      className="why-panel"
      aria-labelledby="why-title"
      data-task={target.unallocated ? "_unallocated" : (target.taskCode ?? "_not-specified")}
      data-measure={target.measure}
      data-drill={drillText || undefined}
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
      }}
    >
      <div className="why-header">
        <h2 id="why-title" tabIndex={-1} ref={heading}>
          {title}
        </h2>
        <button type="button" onClick={onClose}>
          {m.whyClose}
        </button>
      </div>
      {why.isPending ? (
        <Loading />
      ) : why.isError ? (
        <LoadError error={why.error} retry={() => void why.refetch()} />
      ) : (
        <>
          {target.measure === "gap" && side("requirement") && side("funded") && (
            <p
              className="why-equation"
              data-gap-cents={Math.max(0, side("requirement")!.value - side("funded")!.value)}
            >
              {m.whyGap(
                money(side("requirement")!.value),
                money(side("funded")!.value),
                money(Math.max(0, side("requirement")!.value - side("funded")!.value)),
              )}
            </p>
          )}
          {why.data.explanations.map((e) => (
            <ExplanationView key={e.measure} e={e} operation={operation} />
          ))}
        </>
      )}
    </section>
  );
}
