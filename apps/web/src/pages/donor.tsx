import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { ShareBar, sharePermille } from "@coherence/charts";
import { viewHref } from "../analytics/analytics-state";
import { permilleText } from "../analytics/maths";
import { ExportBar } from "../components/export-bar";
import { recordHref } from "../components/why-panel";
import { Empty, LoadError, Loading } from "../components/states";
import { num, text } from "../export/table-data";
import { centsToDecimal, formatDate, formatMinor, formatUsdCents } from "../format";
import { useLocale } from "../i18n/locale";
import { useAnalyticsMessages } from "../i18n/analytics-messages";
import { useTRPC } from "../trpc";
import { defaultPeriod } from "../url-state";

/** One donor: contributions across operations and tasks, earmarking mix, payment record. */
export default function DonorPage({ code }: { code: string }) {
  const trpc = useTRPC();
  const { messages: m, intlLocale } = useLocale();
  const a = useAnalyticsMessages();
  const donor = useQuery(trpc.analytics.donor.queryOptions({ donor: code }));
  const money = (c: number) => formatUsdCents(c, intlLocale);
  if (donor.isPending) return <Loading />;
  if (donor.isError) return <LoadError error={donor.error} retry={() => void donor.refetch()} />;
  const data = donor.data;
  const mix = data.earmarkingMix;
  const permille = sharePermille(mix.map((e) => ({ key: e.earmarking, cents: e.funded })));
  const operations = [
    ...new Set(data.byOperationTask.map((r) => r.operation).filter((o) => o !== null)),
  ];
  const stamp: [string, string][] = [
    [m.source, `${data.donor.name} (${data.donor.code})`],
    [m.stampExported, new Date().toISOString().slice(0, 10)],
  ];
  return (
    <section aria-labelledby="donor-title" className="donor-page" data-donor={data.donor.code}>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/">{m.navPortfolio}</Link> <span aria-hidden="true">›</span>{" "}
        <span aria-current="page">{data.donor.code}</span>
      </nav>
      <h1 id="donor-title">{a.donorTitle(data.donor.name)}</h1>
      <p className="intro">{a.donorIntro}</p>
      {operations.length > 0 && (
        <p>
          {a.donorTimeline}{" "}
          {operations.map((op, i) => (
            <span key={op}>
              {i > 0 && ", "}
              <Link href={viewHref(op, "timeline", defaultPeriod(), { donor: data.donor.code })}>
                {op}
              </Link>
            </span>
          ))}
        </p>
      )}
      {data.payments.length === 0 ? (
        <Empty>{a.noDonorFlows}</Empty>
      ) : (
        <>
          <ExportBar
            label={m.exportTitle}
            withPrint
            table={() => ({
              name: `donor-${data.donor.code}-payments`,
              stamp,
              header: [
                m.reference,
                m.operation,
                m.recipient,
                m.task,
                m.fundingType,
                m.status,
                m.amount,
                m.amountUsd,
                a.pledgedOn,
                a.committedOn,
                a.paidOn,
              ],
              rows: data.payments.map((p) => [
                text(p.externalRef ?? String(p.id)),
                text(p.operation ?? ""),
                text(p.recipient),
                text(p.taskCode ?? ""),
                text(p.fundingType),
                text(p.status),
                text(`${p.amount} ${p.currency}`),
                num(centsToDecimal(p.amountUsdCents)),
                text(p.pledgedOn ?? ""),
                text(p.committedOn ?? ""),
                text(p.paidOn ?? ""),
              ]),
            })}
          />
          <h2>{a.earmarkingMix}</h2>
          <ShareBar
            parts={mix.map((e) => ({ key: e.earmarking, cents: e.funded }))}
            label={a.earmarkingBar(
              mix
                .map(
                  (e, i) =>
                    `${a.earmarkings[e.earmarking] ?? e.earmarking} ${permilleText(permille[i]!, intlLocale)}`,
                )
                .join(", "),
            )}
            width={480}
          />
          <div className="table-scroll">
            <table className="earmarking-table">
              <caption className="visually-hidden">{a.earmarkingMix}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.earmarking}</th>
                  <th scope="col" className="num">
                    {a.fundedShort}
                  </th>
                  <th scope="col" className="num">
                    {a.share}
                  </th>
                  <th scope="col" className="num">
                    {a.pledgedOnly}
                  </th>
                </tr>
              </thead>
              <tbody>
                {mix.map((e, i) => (
                  <tr key={e.earmarking} data-earmarking={e.earmarking}>
                    <th scope="row">{a.earmarkings[e.earmarking] ?? e.earmarking}</th>
                    <td className="num" data-cents={e.funded}>
                      {money(e.funded)}
                    </td>
                    <td className="num">{permilleText(permille[i]!, intlLocale)}</td>
                    <td className="num">{money(e.pledged)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="table-scroll">
            <table className="donor-tasks-table">
              <caption>{a.byOperationTask}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.operation}</th>
                  <th scope="col">{m.task}</th>
                  <th scope="col" className="num">
                    {a.fundedShort}
                  </th>
                  <th scope="col" className="num">
                    {a.pledgedOnly}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.byOperationTask.map((r) => (
                  <tr key={`${r.operation ?? ""}|${r.taskCode ?? ""}`}>
                    <th scope="row">
                      {r.operation ? (
                        <Link
                          href={`/operations/${encodeURIComponent(r.operation)}?donor=${encodeURIComponent(data.donor.code)}`}
                        >
                          {r.operation}
                        </Link>
                      ) : (
                        a.noOperation
                      )}
                    </th>
                    <td>{r.taskCode ?? m.notSpecified}</td>
                    <td className="num" data-cents={r.funded}>
                      {money(r.funded)}
                    </td>
                    <td className="num">{money(r.pledged)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{m.total}</th>
                  <td />
                  <td
                    className="num"
                    data-total-cents={data.byOperationTask.reduce((s, r) => s + r.funded, 0)}
                  >
                    {money(data.byOperationTask.reduce((s, r) => s + r.funded, 0))}
                  </td>
                  <td className="num">
                    {money(data.byOperationTask.reduce((s, r) => s + r.pledged, 0))}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
          <div className="table-scroll">
            <table className="payments-table">
              <caption>{a.paymentRecord}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.record}</th>
                  <th scope="col">{m.recipient}</th>
                  <th scope="col">{m.status}</th>
                  <th scope="col" className="num">
                    {m.amount}
                  </th>
                  <th scope="col" className="num">
                    {m.amountUsd}
                  </th>
                  <th scope="col">{a.pledgedOn}</th>
                  <th scope="col">{a.committedOn}</th>
                  <th scope="col">{a.paidOn}</th>
                </tr>
              </thead>
              <tbody>
                {data.payments.map((p) => (
                  <tr key={p.id} data-flow={p.id} data-cents={p.amountUsdCents}>
                    <th scope="row">
                      <Link
                        href={recordHref(
                          { recordKind: "flow", recordId: String(p.id) },
                          p.operation ?? "",
                        )}
                      >
                        {m.flowKind} {p.externalRef ?? p.id}
                      </Link>
                    </th>
                    <td>{p.recipient}</td>
                    <td>{m.statuses[p.status] ?? p.status}</td>
                    <td className="num">{formatMinor(p.amount, p.currency, intlLocale)}</td>
                    <td className="num">{money(p.amountUsdCents)}</td>
                    <td>{p.pledgedOn ? formatDate(p.pledgedOn, intlLocale) : "—"}</td>
                    <td>{p.committedOn ? formatDate(p.committedOn, intlLocale) : "—"}</td>
                    <td>{p.paidOn ? formatDate(p.paidOn, intlLocale) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
