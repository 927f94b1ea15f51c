import { useId, useState } from "react";
import type { SyntheticEvent } from "react";
import { periodBounds } from "../format";
import { useLocale } from "../i18n/locale";
import type { Period } from "../url-state";

const FIRST_YEAR = 2015;

/** Calendar year, peacekeeping year (July–June) or a custom range of days. */
export function PeriodPicker({
  period,
  onChange,
}: {
  period: Period;
  onChange: (period: Period) => void;
}) {
  const { messages: m } = useLocale();
  const id = useId();
  const bounds = periodBounds(period);
  const [from, setFrom] = useState(bounds.from);
  const [to, setTo] = useState(bounds.to);
  const [custom, setCustom] = useState(period.kind === "custom");
  const kind = custom ? "custom" : period.kind;
  const year = period.kind === "custom" ? Number(period.from.slice(0, 4)) : period.year;
  const lastYear = Math.max(new Date().getUTCFullYear() + 1, year);
  const years: number[] = [];
  for (let y = lastYear; y >= Math.min(FIRST_YEAR, year); y--) years.push(y);

  const onKind = (next: string) => {
    if (next === "custom") {
      setCustom(true);
      return;
    }
    setCustom(false);
    onChange({ kind: next === "peacekeeping" ? "peacekeeping" : "calendar", year });
  };
  const onApply = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (from && to && from <= to) onChange({ kind: "custom", from, to });
  };
  const invalid = custom && !(from && to && from <= to);

  return (
    <form className="period-picker" onSubmit={onApply} aria-label={m.period}>
      <label htmlFor={`${id}-kind`}>{m.periodKind}</label>
      <select
        id={`${id}-kind`}
        name="kind"
        value={kind}
        onChange={(e) => {
          onKind(e.target.value);
        }}
      >
        {(["calendar", "peacekeeping", "custom"] as const).map((k) => (
          <option key={k} value={k}>
            {m.periodKinds[k]}
          </option>
        ))}
      </select>
      {kind === "custom" ? (
        <>
          <label htmlFor={`${id}-from`}>{m.from}</label>
          <input
            id={`${id}-from`}
            type="date"
            value={from}
            onChange={(e) => {
              setFrom(e.target.value);
            }}
          />
          <label htmlFor={`${id}-to`}>{m.to}</label>
          <input
            id={`${id}-to`}
            type="date"
            value={to}
            aria-invalid={invalid}
            aria-describedby={invalid ? `${id}-err` : undefined}
            onChange={(e) => {
              setTo(e.target.value);
            }}
          />
          <button type="submit" disabled={invalid}>
            {m.apply}
          </button>
          {invalid && (
            <span id={`${id}-err`} className="error">
              {m.invalidRange}
            </span>
          )}
        </>
      ) : (
        <>
          <label htmlFor={`${id}-year`}>{m.year}</label>
          <select
            id={`${id}-year`}
            name="year"
            value={year}
            onChange={(e) => {
              onChange({ kind, year: Number(e.target.value) });
            }}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {kind === "peacekeeping" ? `${y}/${String((y + 1) % 100).padStart(2, "0")}` : y}
              </option>
            ))}
          </select>
        </>
      )}
    </form>
  );
}
