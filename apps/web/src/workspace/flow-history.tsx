// A contribution's status history: each status it reached, on which date, for how much.
import type { FlowWithHistory } from "../api-types";
import { formatDate, formatUsdCents } from "../format";
import { useLocale } from "../i18n/locale";
import { useWs } from "./messages";

export function FlowHistory({ history }: { history: FlowWithHistory["history"] }) {
  const w = useWs();
  const { messages: m, intlLocale } = useLocale();
  return (
    <>
      <h3>{w.historyHeading}</h3>
      <table className="history-table">
        <thead>
          <tr>
            <th scope="col">{w.status}</th>
            <th scope="col">{w.date}</th>
            <th scope="col" className="num">
              {w.amountUsd}
            </th>
          </tr>
        </thead>
        <tbody>
          {history.map((h) => (
            <tr key={h.id}>
              <td>{m.statuses[h.status] ?? h.status}</td>
              <td>{formatDate(h.status_date, intlLocale)}</td>
              <td className="num">{formatUsdCents(h.amount_usd_cents, intlLocale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
