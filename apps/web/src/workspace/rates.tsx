// Exchange rates: every rate by currency, the one in force on a chosen date highlighted; an
// administrator sets a rate (field errors from the server), finance officers read.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { LoadError, Loading } from "../components/states";
import { formatDate } from "../format";
import { useLocale } from "../i18n/locale";
import { useTRPC } from "../trpc";
import { errorInfo } from "./common";
import type { FieldErrors } from "./common";
import { useMe } from "./hooks";
import { useWs } from "./messages";

export function RatesEditor() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const w = useWs();
  const { intlLocale, locale } = useLocale();
  const me = useMe();
  const [asOf, setAsOf] = useState(() => new Date().toISOString().slice(0, 10));
  const [draft, setDraft] = useState({ currency: "", effectiveDate: "", unitsPerUsd: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const rates = useQuery(trpc.rate.list.queryOptions({ limit: 500 }));
  const set = useMutation(
    trpc.rate.set.mutationOptions({
      onSuccess: async () => {
        setErrors({});
        setSaved(true);
        await queryClient.invalidateQueries({ queryKey: trpc.rate.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.flow.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.report.pathKey() });
      },
      onError: (e) => {
        const info = errorInfo(e, locale);
        setSaved(false);
        setErrors(Object.keys(info.fieldErrors).length ? info.fieldErrors : { _: [info.message] });
      },
    }),
  );
  const inForceKey = new Set<string>();
  {
    const seen = new Set<string>();
    for (const r of rates.data?.items ?? []) {
      if (r.effective_date <= asOf && !seen.has(r.currency)) {
        seen.add(r.currency);
        inForceKey.add(`${r.currency}:${r.effective_date}`);
      }
    }
  }
  const field = (k: keyof typeof draft, label: string, type = "text") => (
    <div className="ws-field" data-field={k}>
      <label htmlFor={`rate-${k}`}>{label}</label>
      <input
        id={`rate-${k}`}
        type={type}
        value={draft[k]}
        aria-invalid={errors[k] ? true : undefined}
        aria-describedby={errors[k] ? `rate-${k}-error` : undefined}
        onChange={(e) => {
          setDraft({ ...draft, [k]: e.target.value });
        }}
      />
      {errors[k] && (
        <span id={`rate-${k}-error`} className="field-error">
          {errors[k].join(" ")}
        </span>
      )}
    </div>
  );
  return (
    <section aria-labelledby="rates-title">
      <h2 id="rates-title">{w.ratesTitle}</h2>
      <p>{w.ratesIntro}</p>
      <label>
        {w.asOf}{" "}
        <input
          type="date"
          value={asOf}
          onChange={(e) => {
            setAsOf(e.target.value);
          }}
        />
      </label>
      {me?.role === "admin" ? (
        <form
          className="ws-form"
          noValidate
          aria-labelledby="set-rate-title"
          onSubmit={(e) => {
            e.preventDefault();
            set.mutate({ ...draft, currency: draft.currency.trim().toUpperCase() });
          }}
        >
          <h3 id="set-rate-title">{w.setRate}</h3>
          <div className="ws-grid">
            {field("currency", w.currency)}
            {field("effectiveDate", w.effectiveDate, "date")}
            {field("unitsPerUsd", w.unitsPerUsd)}
          </div>
          <button type="submit" disabled={set.isPending}>
            {w.saveRate}
          </button>
          {errors._ && <p className="error">{errors._.join(" ")}</p>}
          {saved && (
            <p role="status" className="ok">
              {w.rateSaved}
            </p>
          )}
        </form>
      ) : (
        <p className="note">{w.ratesAdminOnly}</p>
      )}
      {rates.isPending ? (
        <Loading />
      ) : rates.isError ? (
        <LoadError error={rates.error} retry={() => void rates.refetch()} />
      ) : (
        <table className="rates-table">
          <thead>
            <tr>
              <th scope="col">{w.currency}</th>
              <th scope="col">{w.effectiveDate}</th>
              <th scope="col" className="num">
                {w.unitsPerUsd}
              </th>
            </tr>
          </thead>
          <tbody>
            {rates.data.items.map((r) => {
              const current = inForceKey.has(`${r.currency}:${r.effective_date}`);
              return (
                <tr
                  key={`${r.currency}:${r.effective_date}`}
                  className={current ? "in-force" : undefined}
                  data-in-force={current}
                >
                  <td>{r.currency}</td>
                  <td>
                    {formatDate(r.effective_date, intlLocale)}
                    {current && <span className="badge in-force-badge">{w.inForce}</span>}
                  </td>
                  <td className="num">{r.units_per_usd}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
