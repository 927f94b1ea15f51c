// Moving a contribution forward (pledged → committed → paid): a later status, its date and,
// when it changed, its amount. Saved at the editor's version; a conflict shows in the editor.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { ChangeEvent } from "react";
import type { FlowWithHistory } from "../api-types";
import { useLocale } from "../i18n/locale";
import { useTRPC } from "../trpc";
import { errorInfo, fieldErrorsOf, localeAmountToDecimal } from "./common";
import type { FieldErrors } from "./common";
import { Field } from "./field";
import { STATUSES } from "./flow-form";
import { useWs } from "./messages";
import type { RecordEditorContext } from "./record-editor";

const BLANK = { status: "", date: "", amount: "" };

export function FlowStatusAdvance({
  editor,
}: {
  editor: RecordEditorContext<unknown, FlowWithHistory["flow"]>;
}) {
  const trpc = useTRPC();
  const w = useWs();
  const { messages: m, intlLocale, locale } = useLocale();
  const [advance, setAdvance] = useState(BLANK);
  const [errors, setErrors] = useState<FieldErrors>({});
  const { id, record, baseVersion, feedback } = editor;

  const advanceStatus = useMutation(
    trpc.flow.advanceStatus.mutationOptions({
      onSuccess: async (saved) => {
        setErrors({});
        editor.reset(saved);
        setAdvance(BLANK);
        feedback.saved(saved.version);
        await editor.refresh();
      },
      onError: (error) => {
        const info = errorInfo(error, locale);
        if (info.code === "CONFLICT" && info.conflictCurrent) {
          feedback.failed(error);
          return;
        }
        setErrors(fieldErrorsOf(info));
      },
    }),
  );

  const change =
    (key: keyof typeof BLANK) => (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
      setAdvance({ ...advance, [key]: e.target.value });
    };
  const currentRank = STATUSES.indexOf(record.status);
  const nextStatuses = STATUSES.filter((_, i) => i > currentRank);
  const target = (advance.status || nextStatuses[0]) as (typeof STATUSES)[number];
  return (
    <section aria-labelledby="advance-title" className="advance">
      <h3 id="advance-title">{w.advanceHeading}</h3>
      {nextStatuses.length === 0 ? (
        <p>{w.finalStatus}</p>
      ) : (
        <form
          className="toolbar"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            advanceStatus.mutate({
              id,
              version: baseVersion,
              status: target,
              date: advance.date,
              ...(advance.amount.trim() && {
                amount: localeAmountToDecimal(advance.amount, intlLocale),
              }),
            });
          }}
        >
          <Field name="status" label={w.newStatus} errors={errors}>
            {(p) => (
              <select {...p} value={target} onChange={change("status")}>
                {nextStatuses.map((s) => (
                  <option key={s} value={s}>
                    {m.statuses[s] ?? s}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="date" label={w.newDate} errors={errors}>
            {(p) => <input {...p} type="date" value={advance.date} onChange={change("date")} />}
          </Field>
          <Field name="amount" label={w.newAmount} errors={errors}>
            {(p) => (
              <input
                {...p}
                inputMode="decimal"
                value={advance.amount}
                onChange={change("amount")}
              />
            )}
          </Field>
          <button type="submit" disabled={advanceStatus.isPending}>
            {w.advance(m.statuses[target] ?? target)}
          </button>
          {errors._ && <p className="error">{errors._.join(" ")}</p>}
        </form>
      )}
    </section>
  );
}
