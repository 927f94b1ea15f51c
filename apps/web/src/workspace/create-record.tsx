// A "New …" form, keyboard-first: focus starts on the first field, codes are suggested, Enter
// creates and opens the record; "Create and add another" stays, keeps the fields that repeat
// from one record to the next, and puts the focus back on the first field. The server's message
// for each field at fault is shown next to it.
import { useRef, useState } from "react";
import type { ReactNode, SyntheticEvent } from "react";
import { Link, useLocation } from "wouter";
import { useLocale } from "../i18n/locale";
import { errorInfo, fieldErrorsOf } from "./common";
import type { FieldErrors } from "./common";
import { useMe } from "./hooks";
import { useWs } from "./messages";
import { isWriter } from "./nav";
import { ScopeNote } from "./scope-note";

export interface CreateMutation<I, O> {
  mutate: (
    input: I,
    callbacks: { onSuccess: (saved: O) => void; onError: (error: unknown) => void },
  ) => void;
  isPending: boolean;
}

export interface FieldsProps<F> {
  form: F;
  setField: (key: keyof F & string, value: string) => void;
  errors: FieldErrors;
  autoFocus: boolean;
}

export function CreateRecordForm<F extends Record<string, string>, I, O>({
  title,
  back,
  initial,
  keep,
  fields,
  toInput,
  create,
  afterCreate,
  recordOf,
  labels,
}: {
  title: string;
  back: { href: string; label: string };
  /** The empty form (null while what it starts from is loading). */
  initial: F | null;
  /** Fields kept for the next record after "Create and add another". */
  keep: readonly (keyof F & string)[];
  fields: (props: FieldsProps<F>) => ReactNode;
  toInput: (form: F) => I;
  create: CreateMutation<I, O>;
  afterCreate: () => Promise<void>;
  recordOf: (saved: O) => { href: string; ref: string };
  labels: { create: string; created: (ref: string) => string; open: (ref: string) => string };
}) {
  const { locale } = useLocale();
  const w = useWs();
  const me = useMe();
  const [, navigate] = useLocation();
  const [form, setForm] = useState<F | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<{ href: string; ref: string } | null>(null);
  // Remounts the fields after "add another", so the first one takes the focus again.
  const [round, setRound] = useState(0);
  const another = useRef(false);
  if (form === null && initial !== null) setForm(initial);

  if (me && !isWriter(me)) return <p className="note read-only-note">{w.cannotCreate}</p>;
  if (!form || !initial) return null;

  const submit = (e: SyntheticEvent<HTMLFormElement, SubmitEvent>) => {
    e.preventDefault();
    another.current = e.nativeEvent.submitter?.getAttribute("value") === "another";
    create.mutate(toInput(form), {
      onSuccess: (saved) => {
        setErrors({});
        const record = recordOf(saved);
        void afterCreate();
        if (!another.current) {
          navigate(record.href);
          return;
        }
        setCreated(record);
        setForm({ ...initial, ...Object.fromEntries(keep.map((k) => [k, form[k]])) });
        setRound((r) => r + 1);
      },
      onError: (error) => {
        setCreated(null);
        setErrors(fieldErrorsOf(errorInfo(error, locale)));
      },
    });
  };

  return (
    <section aria-labelledby="new-record-title" className="record-editor">
      <p className="breadcrumb">
        <Link href={back.href}>{back.label}</Link>
      </p>
      <h2 id="new-record-title">{title}</h2>
      <ScopeNote />
      <p className="note">{w.keyboardHint}</p>
      <p role="status" className="ok">
        {created && (
          <>
            {labels.created(created.ref)}{" "}
            <Link href={created.href}>{labels.open(created.ref)}</Link>
          </>
        )}
      </p>
      {Object.keys(errors).length > 0 && (
        <p className="error" role="alert">
          {errors._ ? errors._.join(" ") : w.fixErrors}
        </p>
      )}
      <form onSubmit={submit} className="ws-form" aria-labelledby="new-record-title" noValidate>
        <div key={round}>
          {fields({
            form,
            errors,
            autoFocus: true,
            setField: (k, v) => {
              setForm({ ...form, [k]: v });
            },
          })}
        </div>
        <button type="submit" name="then" value="open" disabled={create.isPending}>
          {create.isPending ? w.saving : labels.create}
        </button>{" "}
        <button type="submit" name="then" value="another" disabled={create.isPending}>
          {w.createAnother}
        </button>
      </form>
    </section>
  );
}
