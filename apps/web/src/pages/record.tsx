import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useSearch } from "wouter";
import { Empty, LoadError, Loading } from "../components/states";
import { formatDate, formatDateTime, formatMinor, formatUsdCents } from "../format";
import { useLocale } from "../i18n/locale";
import { useTRPC } from "../trpc";

function Fields({ rows }: { rows: [string, string][] }) {
  const { messages: m } = useLocale();
  return (
    <table className="record-fields">
      <thead>
        <tr>
          <th scope="col">{m.field}</th>
          <th scope="col">{m.value}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([k, v]) => (
          <tr key={k}>
            <th scope="row">{k}</th>
            <td>{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One contribution, read-only, with its dated status history. */
export function FlowRecord({ id }: { id: number }) {
  const trpc = useTRPC();
  const { messages: m, intlLocale } = useLocale();
  const flow = useQuery(trpc.flow.get.queryOptions({ id }));
  const orgs = useQuery(trpc.organization.list.queryOptions());
  const name = useMemo(() => {
    const byId = new Map((orgs.data ?? []).map((o) => [o.id, `${o.name} (${o.code})`] as const));
    return (orgId: number) => byId.get(orgId) ?? String(orgId);
  }, [orgs.data]);
  if (flow.isPending) return <Loading />;
  if (flow.isError) return <LoadError error={flow.error} retry={() => void flow.refetch()} />;
  const f = flow.data.flow;
  return (
    <section aria-labelledby="record-title">
      <h1 id="record-title">{m.recordTitle(m.flowKind, String(f.id))}</h1>
      <Fields
        rows={[
          [m.reference, f.external_ref ?? "—"],
          [m.source, name(f.source_id)],
          [m.recipient, name(f.recipient_id)],
          [m.task, f.task_code ?? m.notSpecified],
          [m.fundingType, m.fundingTypes[f.funding_type] ?? f.funding_type],
          [
            m.status,
            `${m.statuses[f.status] ?? f.status}, ${formatDate(f.status_date, intlLocale)}`,
          ],
          [m.amount, formatMinor(f.amount, f.currency, intlLocale)],
          [m.amountUsd, formatUsdCents(f.amount_usd_cents, intlLocale)],
          [
            m.usagePeriod,
            `${formatDate(f.period_start, intlLocale)} – ${formatDate(f.period_end, intlLocale)}`,
          ],
          [m.earmarking, f.earmarking ?? "—"],
          [m.notes, f.notes ?? "—"],
          [m.stampAsOf, formatDateTime(f.updated_at, intlLocale)],
        ]}
      />
      <h2>{m.history}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{m.status}</th>
            <th scope="col">{m.date}</th>
            <th scope="col" className="num">
              {m.amountUsd}
            </th>
          </tr>
        </thead>
        <tbody>
          {flow.data.history.map((h) => (
            <tr key={h.id}>
              <td>{m.statuses[h.status] ?? h.status}</td>
              <td>{formatDate(h.status_date, intlLocale)}</td>
              <td className="num">{formatUsdCents(h.amount_usd_cents, intlLocale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** One budget line (all its stages), read-only. */
export function BudgetRecord({ reference }: { reference: string }) {
  const trpc = useTRPC();
  const { messages: m, intlLocale } = useLocale();
  const operation = new URLSearchParams(useSearch()).get("operation") ?? undefined;
  const lines = useQuery(trpc.requirement.list.queryOptions({ operation, limit: 500 }));
  if (lines.isPending) return <Loading />;
  if (lines.isError) return <LoadError error={lines.error} retry={() => void lines.refetch()} />;
  const rows = lines.data.items.filter((r) => r.external_ref === reference);
  return (
    <section aria-labelledby="record-title">
      <h1 id="record-title">{m.recordTitle(m.budgetKind, reference)}</h1>
      {rows.length === 0 ? (
        <Empty>{m.notFound}</Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{m.stage}</th>
              <th scope="col">{m.entity}</th>
              <th scope="col">{m.task}</th>
              <th scope="col">{m.usagePeriod}</th>
              <th scope="col" className="num">
                {m.amount}
              </th>
              <th scope="col" className="num">
                {m.amountUsd}
              </th>
              <th scope="col">{m.document}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{m.statuses[r.stage] ?? r.stage}</td>
                <td>{r.entity_code}</td>
                <td>{r.task_code ?? m.notSpecified}</td>
                <td>
                  {formatDate(r.period_start, intlLocale)} – {formatDate(r.period_end, intlLocale)}
                </td>
                <td className="num">{formatMinor(r.amount, r.currency, intlLocale)}</td>
                <td className="num">{formatUsdCents(r.amount_usd_cents, intlLocale)}</td>
                <td>{r.document ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export default function RecordPage({ kind, id }: { kind: string; id: string }) {
  const { messages: m } = useLocale();
  if (kind === "flow" && /^\d+$/.test(id)) return <FlowRecord id={Number(id)} />;
  if (kind === "budget") return <BudgetRecord reference={id} />;
  return <Empty>{m.notFound}</Empty>;
}
