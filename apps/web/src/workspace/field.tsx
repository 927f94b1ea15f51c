// A labelled form field with its hint and the server's messages for it, and the controls the
// workspace's forms are made of: text, choice, amount (typed in the user's language) and date
// (with the date in words, in the interface language, beside it).
import { useId } from "react";
import type { ReactNode } from "react";
import { formatDate } from "../format";
import { useLocale } from "../i18n/locale";
import type { FieldErrors } from "./common";
import { useWs } from "./messages";

export interface ControlProps {
  id: string;
  name: string;
  "aria-invalid": boolean;
  "aria-describedby": string | undefined;
}

export function Field({
  name,
  label,
  errors,
  hint,
  children,
}: {
  name: string;
  label: string;
  errors: FieldErrors;
  hint?: string | undefined;
  children: (props: ControlProps) => ReactNode;
}) {
  const id = useId();
  const messages = errors[name] ?? [];
  const described = [hint ? `${id}-hint` : null, messages.length ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={`ws-field${messages.length ? " has-error" : ""}`} data-field={name}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        name,
        "aria-invalid": messages.length > 0,
        "aria-describedby": described || undefined,
      })}
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {messages.length > 0 && (
        <span id={`${id}-error`} className="field-error">
          {messages.join(" ")}
        </span>
      )}
    </div>
  );
}

/** A date typed as YYYY-MM-DD, in words in the interface language; undefined if not a date. */
function dateInWords(value: string, intlLocale: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) return undefined;
  return formatDate(value, intlLocale);
}

/** The form's state and where its controls write. Every value is text, as typed. */
export interface FormBinding<K extends string> {
  form: Record<K, string>;
  setField: (key: K, value: string) => void;
  errors: FieldErrors;
  labels: Record<K, string>;
}

export interface ControlOptions {
  /** id of a <datalist> of suggestions (codes). */
  list?: string;
  autoFocus?: boolean;
  hint?: string;
}

/** Controls bound to one form; each renders a {@link Field}. */
export function useControls<K extends string>(b: FormBinding<K>) {
  const w = useWs();
  const { intlLocale } = useLocale();
  const text = (k: K, o: ControlOptions = {}) => (
    <Field key={k} name={k} label={b.labels[k]} errors={b.errors} hint={o.hint}>
      {(p) => (
        <input
          {...p}
          list={o.list}
          autoFocus={o.autoFocus}
          value={b.form[k]}
          onChange={(e) => {
            b.setField(k, e.target.value);
          }}
        />
      )}
    </Field>
  );
  const select = (k: K, options: readonly string[], names: Record<string, string> = {}) => (
    <Field key={k} name={k} label={b.labels[k]} errors={b.errors}>
      {(p) => (
        <select
          {...p}
          value={b.form[k]}
          onChange={(e) => {
            b.setField(k, e.target.value);
          }}
        >
          {options.map((o) => (
            <option key={o} value={o}>
              {o === "" ? w.none : (names[o] ?? o)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  const amount = (k: K) => (
    <Field key={k} name={k} label={b.labels[k]} errors={b.errors} hint={w.amountHint}>
      {(p) => (
        <input
          {...p}
          inputMode="decimal"
          autoComplete="off"
          value={b.form[k]}
          onChange={(e) => {
            b.setField(k, e.target.value);
          }}
        />
      )}
    </Field>
  );
  const date = (k: K) => {
    const value = b.form[k];
    return (
      <Field
        key={k}
        name={k}
        label={b.labels[k]}
        errors={b.errors}
        hint={dateInWords(value, intlLocale)}
      >
        {(p) => (
          <input
            {...p}
            type="date"
            value={value}
            onChange={(e) => {
              b.setField(k, e.target.value);
            }}
          />
        )}
      </Field>
    );
  };
  return { text, select, amount, date };
}

/** Suggestions for a code field, typed or picked with the keyboard. */
export function CodeList({ id, codes }: { id: string; codes: { code: string; label?: string }[] }) {
  return (
    <datalist id={id}>
      {codes.map((c) => (
        <option key={c.code} value={c.code}>
          {c.label}
        </option>
      ))}
    </datalist>
  );
}
