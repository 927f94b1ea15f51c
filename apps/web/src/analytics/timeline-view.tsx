import { useQuery } from "@tanstack/react-query";
import { useRef } from "react";
import { Link } from "wouter";
import { TimelineChart } from "@coherence/charts";
import { recordHref } from "../components/why-panel";
import { stampLines } from "../components/stamp";
import { num, text } from "../export/table-data";
import { centsToDecimal, formatDate, formatUsdCents, formatUsdCompact } from "../format";
import { useLocale } from "../i18n/locale";
import { useAnalyticsMessages } from "../i18n/analytics-messages";
import type { TimelineReport } from "../api-types";
import type { ViewProps } from "../pages/analytics";
import { useTRPC } from "../trpc";
import { pledgeToPayment } from "@coherence/charts";
import { queryFilter, stampFilter } from "./analytics-state";
import { eventsUpTo } from "./maths";
import { ViewScaffold, ViewSections } from "./view-scaffold";

const STATUSES = ["pledged", "committed", "paid"] as const;
type Status = (typeof STATUSES)[number];

function parseWhy(why: string | null): { month: string; status: Status } | null {
  const match = why ? /^month:(\d{4}-\d{2}):(pledged|committed|paid)$/.exec(why) : null;
  return match ? { month: match[1]!, status: match[2] as Status } : null;
}

/** Pledges, commitments and payments over time, the requirement line, and the pledge→payment lag. */
export default function TimelineView(props: ViewProps) {
  const trpc = useTRPC();
  const timeline = useQuery(
    trpc.analytics.timeline.queryOptions({
      operation: props.operation,
      ...queryFilter(props.state.filter),
    }),
  );
  return (
    <ViewScaffold query={timeline}>
      {(data) => <TimelineContent {...props} data={data} />}
    </ViewScaffold>
  );
}

function TimelineContent({
  operation,
  state,
  go,
  names,
  data,
}: ViewProps & { data: TimelineReport }) {
  const { messages: m, intlLocale } = useLocale();
  const a = useAnalyticsMessages();
  const chartRef = useRef<SVGSVGElement>(null);
  const { filter } = state;
  const money = (c: number) => formatUsdCents(c, intlLocale);
  const monthName = (month: string) =>
    new Intl.DateTimeFormat(intlLocale, {
      month: "short",
      year: "numeric",
      timeZone: "UTC",
    }).format(new Date(`${month}-01T00:00:00Z`));
  const stampInput = { operation, asOf: data.asOf, filter: stampFilter(filter) };
  const last = data.series[data.series.length - 1];
  const lags = pledgeToPayment(data.events);
  const why = parseWhy(state.why);
  const whyEvents = why ? eventsUpTo(data.events, why.month, why.status) : [];
  const filterSuffix = Object.values(filter).filter(Boolean).join("-");
  const fileBase = `${operation}-timeline${filterSuffix ? `-${filterSuffix}` : ""}`;
  return (
    <ViewSections
      intro={a.timelineIntro}
      lead={
        <dl className="summary">
          {STATUSES.map((s) => (
            <div key={s} data-measure={s} data-cents={last?.[s] ?? 0}>
              <dt>{a.statusesEver[s]}</dt>
              <dd>{money(last?.[s] ?? 0)}</dd>
            </div>
          ))}
          <div data-measure="median-days" data-days={data.medianDaysPledgeToPayment ?? ""}>
            <dt>{a.medianLag}</dt>
            <dd>
              {data.medianDaysPledgeToPayment === null
                ? a.noLag
                : a.medianLagValue(data.medianDaysPledgeToPayment)}
            </dd>
          </div>
        </dl>
      }
      empty={data.events.length === 0 && a.noEvents}
      exports={{
        chart: chartRef,
        table: () => ({
          name: fileBase,
          header: [
            a.month,
            `${a.statusesEver.pledged} (USD)`,
            `${a.statusesEver.committed} (USD)`,
            `${a.statusesEver.paid} (USD)`,
          ],
          rows: data.series.map((row) => [
            text(row.month),
            num(centsToDecimal(row.pledged)),
            num(centsToDecimal(row.committed)),
            num(centsToDecimal(row.paid)),
          ]),
        }),
      }}
      stamp={stampInput}
      footer={
        filter.donor && (
          <p>
            <Link href={`/donors/${encodeURIComponent(filter.donor)}`}>
              {a.openDonor(names.org(filter.donor))}
            </Link>
          </p>
        )
      }
    >
      <figure className="chart-figure">
        <TimelineChart
          svgRef={chartRef}
          data={data}
          labels={{
            title: a.timelineChartTitle(operation),
            description: a.timelineChartDescription,
            statuses: {
              pledged: a.statusesEver.pledged ?? "",
              committed: a.statusesEver.committed ?? "",
              paid: a.statusesEver.paid ?? "",
            },
            requirement: a.requirementLevel,
            lags: a.lagsTitle,
            unpaid: a.unpaidLane,
            lag: a.lagTooltip,
          }}
          formatCents={money}
          formatAxis={(c) => formatUsdCompact(c, intlLocale)}
          formatTick={(d) => monthName(d.toISOString().slice(0, 7))}
          formatDate={(d) => formatDate(d, intlLocale)}
          stamp={stampLines(stampInput, m, intlLocale)}
        />
        <figcaption className="note">{m.amountsIn}</figcaption>
      </figure>
      <div className="table-scroll">
        <table className="timeline-table">
          <caption>{a.timelineCaption(operation)}</caption>
          <thead>
            <tr>
              <th scope="col">{a.month}</th>
              {STATUSES.map((s) => (
                <th key={s} scope="col" className="num">
                  {a.statusesEver[s]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.series.map((row) => (
              <tr key={row.month} data-month={row.month}>
                <th scope="row">{monthName(row.month)}</th>
                {STATUSES.map((s) => (
                  <td key={s} className="num" data-measure={s} data-cents={row[s]}>
                    <button
                      type="button"
                      className="figure-button"
                      aria-label={`${money(row[s])} — ${a.whyTitle(a.whyMonth(a.statusesEver[s] ?? s, monthName(row.month)))}`}
                      onClick={() => {
                        go({ ...state, why: `month:${row.month}:${s}` });
                      }}
                    >
                      {money(row[s])}
                    </button>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {why && (
        <section
          className="why-panel"
          aria-labelledby="timeline-why-title"
          data-month={why.month}
          data-status={why.status}
          onKeyDown={(e) => {
            if (e.key === "Escape") go({ ...state, why: null });
          }}
        >
          <div className="why-header">
            <h2 id="timeline-why-title">
              {a.whyTitle(
                a.whyMonth(a.statusesEver[why.status] ?? why.status, monthName(why.month)),
              )}
            </h2>
            <button
              type="button"
              onClick={() => {
                go({ ...state, why: null });
              }}
            >
              {a.whyClose}
            </button>
          </div>
          <p className="why-sum" data-cents={whyEvents.reduce((s, e) => s + e.cents, 0)}>
            {a.eventsSum(whyEvents.length, money(whyEvents.reduce((s, e) => s + e.cents, 0)))}
          </p>
          <div className="table-scroll">
            <table className="why-table">
              <caption className="visually-hidden">{a.whyMonth(why.status, why.month)}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.record}</th>
                  <th scope="col">{m.date}</th>
                  <th scope="col" className="num">
                    {m.counted}
                  </th>
                </tr>
              </thead>
              <tbody>
                {whyEvents.map((e, i) => (
                  <tr key={`${e.flowId}-${i}`} className="why-record" data-cents={e.cents}>
                    <th scope="row">
                      <Link
                        href={recordHref({ recordKind: "flow", recordId: e.flowId }, operation)}
                      >
                        {m.flowKind} {e.flowId}
                      </Link>
                    </th>
                    <td>{formatDate(e.date, intlLocale)}</td>
                    <td className="num">{money(e.cents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <div className="table-scroll">
        <table className="lag-table">
          <caption>{a.lagCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{m.record}</th>
              <th scope="col">{a.pledgedOn}</th>
              <th scope="col">{a.paidOn}</th>
              <th scope="col" className="num">
                {a.days}
              </th>
              <th scope="col" className="num">
                {m.amountUsd}
              </th>
            </tr>
          </thead>
          <tbody>
            {lags.map((l) => (
              <tr key={l.flowId} data-flow={l.flowId}>
                <th scope="row">
                  <Link href={recordHref({ recordKind: "flow", recordId: l.flowId }, operation)}>
                    {m.flowKind} {l.flowId}
                  </Link>
                </th>
                <td>{formatDate(l.pledgedOn, intlLocale)}</td>
                <td>{l.paidOn ? formatDate(l.paidOn, intlLocale) : a.notYet}</td>
                <td className="num">{l.days ?? "—"}</td>
                <td className="num">{money(l.cents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-scroll">
        <table className="requirement-table">
          <caption>{a.requirementCaption}</caption>
          <tbody>
            {data.requirement.map((r) => (
              <tr key={r.periodStart}>
                <th scope="row">
                  {formatDate(r.periodStart, intlLocale)} – {formatDate(r.periodEnd, intlLocale)}
                </th>
                <td className="num" data-cents={r.cents}>
                  {money(r.cents)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ViewSections>
  );
}
