// The records each predictability measure is computed from, listed with their sums: the tables
// of its "why this number?" panel (and the arrears table of the view itself).
import type { ReactNode } from "react";
import { Link } from "wouter";
import type { PredictabilityExplanation as Explained, PredictabilityMeasure } from "../api-types";
import { FiguresTable } from "../components/figures-table";
import type { FiguresColumn } from "../components/figures-table";
import { recordHref } from "../components/why-panel";
import { formatDate, formatUsdCents } from "../format";
import { useLocale } from "../i18n/locale";
import { useAnalyticsMessages } from "../i18n/analytics-messages";

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

/** A column of a measure's records, with its total when the sum row shows one. */
interface RecordsColumn extends FiguresColumn {
  sum?: number;
}

type DataAttributes = Record<`data-${string}`, number | string>;

/**
 * The records a measure is computed from, in a table whose last row sums them: "sum of the
 * records listed" over the columns before the first total, then each column's total (blank
 * where a column has none).
 */
function RecordsTable({
  kind,
  caption,
  columns,
  sumData,
  className = "why-table predictability-records",
  children,
}: {
  kind: string;
  caption: string;
  columns: readonly RecordsColumn[];
  /** The sums in data-* attributes of the sum row; no sum row without them. */
  sumData?: DataAttributes;
  className?: string;
  children: ReactNode;
}) {
  const { intlLocale } = useLocale();
  const a = useAnalyticsMessages();
  const labelSpan = columns.findIndex((c) => c.sum !== undefined);
  // After the label: each total, and one blank cell for each run of columns without one.
  const cells: { key: number; cents?: number; span?: number }[] = [];
  columns.slice(labelSpan).forEach((c, key) => {
    const last = cells.at(-1);
    if (c.sum !== undefined) cells.push({ key, cents: c.sum });
    else if (last && last.cents === undefined) last.span = (last.span ?? 1) + 1;
    else cells.push({ key });
  });
  return (
    <FiguresTable
      className={className}
      kind={kind}
      caption={caption}
      columns={columns}
      foot={
        sumData && (
          <tr className="why-sum" {...sumData}>
            <th scope="row" colSpan={labelSpan}>
              {a.recordsSum}
            </th>
            {cells.map((c) =>
              c.cents === undefined ? (
                <td key={c.key} colSpan={c.span} />
              ) : (
                <td key={c.key} className="num">
                  {formatUsdCents(c.cents, intlLocale)}
                </td>
              ),
            )}
          </tr>
        )
      }
    >
      {children}
    </FiguresTable>
  );
}

/** A contribution's row: its link as the row heading, its figures in data-* attributes. */
function FlowRow({
  flowId,
  operation,
  data,
  children,
}: {
  flowId: string;
  operation: string;
  data: DataAttributes;
  children: ReactNode;
}) {
  return (
    <tr className="why-record" data-record={flowId} {...data}>
      <th scope="row">
        <FlowLink id={flowId} operation={operation} />
      </th>
      {children}
    </tr>
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
    <RecordsTable
      kind="pledges"
      caption={a.pledgesCaption}
      columns={[
        { header: m.record },
        { header: m.drillDimensions.donor },
        { header: m.drillDimensions.entity },
        { header: a.firstPledgedOn },
        { header: a.pledgedUsd, figures: true, sum: pledged },
        { header: a.statusOnReview },
        { header: a.paidOn },
        { header: a.paidUsd, figures: true, sum: paid },
        { header: a.daysToPayment, figures: true },
      ]}
      sumData={{ "data-sum-paid-cents": paid, "data-sum-pledged-cents": pledged }}
    >
      {data.pledges.map((p) => (
        <FlowRow
          key={p.flowId}
          flowId={p.flowId}
          operation={operation}
          data={{
            "data-pledged-cents": p.pledgedCents,
            "data-paid-cents": p.paidCents,
            "data-days": p.daysToPayment ?? "",
          }}
        >
          <td>{p.donorCode}</td>
          <td>{p.entityCode}</td>
          <td>{formatDate(p.pledgedOn, intlLocale)}</td>
          <td className="num">{money(p.pledgedCents)}</td>
          <td>{m.statuses[p.status] ?? p.status}</td>
          <td>{p.paidOn ? formatDate(p.paidOn, intlLocale) : "—"}</td>
          <td className="num">{money(p.paidCents)}</td>
          <td className="num">{p.daysToPayment ?? "—"}</td>
        </FlowRow>
      ))}
    </RecordsTable>
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
    <RecordsTable
      kind="funded"
      caption={a.fundedCaption}
      columns={[
        { header: m.record },
        { header: m.drillDimensions.donor },
        { header: m.drillDimensions.entity },
        { header: m.fundingType },
        { header: a.countedOn },
        { header: a.usagePeriod },
        { header: numerator === "multiYear" ? a.longerThanYear : a.assessedColumn },
        { header: `${m.funded} (USD)`, figures: true, sum: total },
        { header: a.inNumerator, figures: true, sum: inNumerator },
      ]}
      sumData={{ "data-sum-cents": total, "data-sum-numerator-cents": inNumerator }}
    >
      {data.funded.map((f) => (
        <FlowRow
          key={f.flowId}
          flowId={f.flowId}
          operation={operation}
          data={{ "data-cents": f.cents, "data-numerator-cents": part(f) }}
        >
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
        </FlowRow>
      ))}
    </RecordsTable>
  );
}

/** The five years' voluntary funding, each with the contributions (their parts) it adds up. */
function YearsTable({ data, operation }: { data: Explained; operation: string }) {
  const { messages: m, intlLocale } = useLocale();
  const a = useAnalyticsMessages();
  const money = (c: number) => formatUsdCents(c, intlLocale);
  return (
    <RecordsTable
      kind="years"
      caption={a.yearsCaption}
      columns={[
        { header: m.year },
        { header: `${m.funded} (USD)`, figures: true },
        { header: a.yearParts },
      ]}
    >
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
    </RecordsTable>
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
  const total = sum(arrears, (f) => f.cents);
  return (
    <RecordsTable
      kind="arrears"
      caption={a.arrearsCaption}
      className={className}
      columns={[
        { header: m.record },
        { header: a.committedOn },
        { header: a.daysUnpaid, figures: true },
        { header: m.amountUsd, figures: true, sum: total },
      ]}
      sumData={{ "data-sum-cents": total }}
    >
      {arrears.length === 0 ? (
        <tr>
          <td colSpan={4}>{a.noArrears}</td>
        </tr>
      ) : (
        arrears.map((f) => (
          <FlowRow
            key={f.flowId}
            flowId={f.flowId}
            operation={operation}
            data={{ "data-cents": f.cents }}
          >
            <td>{formatDate(f.committedOn, intlLocale)}</td>
            <td className="num">{f.daysUnpaid}</td>
            <td className="num">{formatUsdCents(f.cents, intlLocale)}</td>
          </FlowRow>
        ))
      )}
    </RecordsTable>
  );
}

/** The records a measure is computed from: the one table that lists them for that measure. */
export function MeasureRecords({
  measure,
  data,
  operation,
}: {
  measure: PredictabilityMeasure;
  data: Explained;
  operation: string;
}) {
  switch (measure) {
    case "pledgeFulfilment":
    case "medianDays":
      return <PledgesTable data={data} operation={operation} />;
    case "multiYearShare":
      return <FundedTable data={data} operation={operation} numerator="multiYear" />;
    case "assessedShare":
      return <FundedTable data={data} operation={operation} numerator="assessed" />;
    case "volatility":
      return <YearsTable data={data} operation={operation} />;
    case "arrears":
      return <ArrearsTable arrears={data.arrears} operation={operation} />;
  }
}
