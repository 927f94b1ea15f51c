// One contribution's editor: field-level errors from the server, status progress with its date,
// history, and conflicts side by side.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { SyntheticEvent } from "react";
import { Link } from "wouter";
import { LoadError, Loading } from "../components/states";
import { formatDate, formatDateTime, formatUsdCents } from "../format";
import { useLocale } from "../i18n/locale";
import { useTRPC } from "../trpc";
import { canWrite, errorInfo, fieldErrorsOf, localeAmountToDecimal } from "./common";
import type { FieldErrors } from "./common";
import { VersionConflict } from "./conflict";
import { Field } from "./field";
import { FlowFields, flowLabels } from "./flow-fields";
import { FLOW_FIELDS, STATUSES, flowFormOf, flowInputOf } from "./flow-form";
import type { FlowForm } from "./flow-form";
import { useCodes, useMe } from "./hooks";
import { useWs } from "./messages";
import { SaveMessages, useSaveFeedback } from "./save-feedback";

export function FlowEditor({ id }: { id: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const w = useWs();
  const { messages: m, intlLocale, locale } = useLocale();
  const me = useMe();
  const codes = useCodes();
  const flow = useQuery({ ...trpc.flow.get.queryOptions({ id }), staleTime: 0 });
  const [form, setForm] = useState<FlowForm | null>(null);
  const [baseVersion, setBaseVersion] = useState<number | null>(null);
  const feedback = useSaveFeedback();
  const { errors, conflict } = feedback;
  const [advance, setAdvance] = useState({ status: "", date: "", amount: "" });
  const [advanceErrors, setAdvanceErrors] = useState<FieldErrors>({});

  const ready = flow.data && codes.operations.length > 0;
  if (ready && form === null) {
    setForm(flowFormOf(flow.data.flow, codes, intlLocale));
    setBaseVersion(flow.data.flow.version);
  }

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.flow.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.report.pathKey() });
  };

  const update = useMutation(
    trpc.flow.update.mutationOptions({
      onSuccess: async (saved) => {
        setBaseVersion(saved.version);
        feedback.saved(saved.version);
        await refresh();
      },
      onError: (error) => {
        if (feedback.failed(error)) void refresh();
      },
    }),
  );
  const advanceStatus = useMutation(
    trpc.flow.advanceStatus.mutationOptions({
      onSuccess: async (saved) => {
        setAdvanceErrors({});
        setBaseVersion(saved.version);
        setForm(flowFormOf(saved, codes, intlLocale));
        setAdvance({ status: "", date: "", amount: "" });
        feedback.saved(saved.version);
        await refresh();
      },
      onError: (error) => {
        const info = errorInfo(error, locale);
        if (info.code === "CONFLICT" && info.conflictCurrent) {
          feedback.failed(error);
          return;
        }
        setAdvanceErrors(fieldErrorsOf(info));
      },
    }),
  );

  if (flow.isPending || (!ready && !flow.isError)) return <Loading />;
  if (flow.isError) return <LoadError error={flow.error} retry={() => void flow.refetch()} />;
  if (!form || baseVersion === null) return <Loading />;
  const f = flow.data.flow;
  const ref = f.external_ref ?? `#${f.id}`;
  const writable = canWrite(me, { operationId: f.operation_id, entityId: f.recipient_id });
  const labels = flowLabels(w);
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    feedback.clearMessage();
    update.mutate({ id, version: baseVersion, ...flowInputOf(form, intlLocale) });
  };
  const currentStatusRank = STATUSES.indexOf(f.status);
  const nextStatuses = STATUSES.filter((_, i) => i > currentStatusRank);

  return (
    <section aria-labelledby="flow-title" className="flow-editor">
      <p className="breadcrumb">
        <Link href="/workspace">{w.backToFlows}</Link>
      </p>
      <h2 id="flow-title">{w.flowTitle(ref)}</h2>
      <p className="note">
        {w.updatedBy}: {f.updated_by ?? w.none} · {w.updatedAt}:{" "}
        {formatDateTime(f.updated_at, intlLocale)} · {w.version} {f.version} ·{" "}
        {formatUsdCents(f.amount_usd_cents, intlLocale)}
      </p>
      <VersionConflict
        current={conflict}
        heading={w.conflictHeading}
        fields={FLOW_FIELDS}
        labels={labels}
        mine={form}
        theirsOf={(record) => flowFormOf(record, codes, intlLocale)}
        onKeepMine={(version) => {
          update.mutate({ id, version, ...flowInputOf(form, intlLocale) });
        }}
        onTakeTheirs={(theirs, version) => {
          setForm(theirs);
          setBaseVersion(version);
          feedback.clearConflict();
          void refresh();
        }}
      />
      <SaveMessages feedback={feedback} />
      {writable ? (
        <form onSubmit={submit} className="ws-form" aria-labelledby="edit-title" noValidate>
          <h3 id="edit-title">{w.editHeading}</h3>
          <FlowFields
            form={form}
            errors={errors}
            setField={(k, v) => {
              setForm({ ...form, [k]: v });
            }}
          />
          <button type="submit" disabled={update.isPending}>
            {update.isPending ? w.saving : w.save}
          </button>
        </form>
      ) : (
        <p className="note read-only-note">{w.notAssigned}</p>
      )}
      {writable && (
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
                const target = (advance.status || nextStatuses[0]!) as (typeof STATUSES)[number];
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
              <Field name="status" label={w.newStatus} errors={advanceErrors}>
                {(p) => (
                  <select
                    {...p}
                    value={advance.status || nextStatuses[0]}
                    onChange={(e) => {
                      setAdvance({ ...advance, status: e.target.value });
                    }}
                  >
                    {nextStatuses.map((s) => (
                      <option key={s} value={s}>
                        {m.statuses[s] ?? s}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field name="date" label={w.newDate} errors={advanceErrors}>
                {(p) => (
                  <input
                    {...p}
                    type="date"
                    value={advance.date}
                    onChange={(e) => {
                      setAdvance({ ...advance, date: e.target.value });
                    }}
                  />
                )}
              </Field>
              <Field name="amount" label={w.newAmount} errors={advanceErrors}>
                {(p) => (
                  <input
                    {...p}
                    inputMode="decimal"
                    value={advance.amount}
                    onChange={(e) => {
                      setAdvance({ ...advance, amount: e.target.value });
                    }}
                  />
                )}
              </Field>
              <button type="submit" disabled={advanceStatus.isPending}>
                {w.advance(
                  m.statuses[advance.status || nextStatuses[0]!] ??
                    (advance.status || nextStatuses[0]!),
                )}
              </button>
              {advanceErrors._ && <p className="error">{advanceErrors._.join(" ")}</p>}
            </form>
          )}
        </section>
      )}
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
          {flow.data.history.map((h) => (
            <tr key={h.id}>
              <td>{m.statuses[h.status] ?? h.status}</td>
              <td>{formatDate(h.status_date, intlLocale)}</td>
              <td className="num">{formatUsdCents(h.amount_usd_cents, intlLocale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <Link href={`/workspace/audit?table=flows&recordId=${id}`}>{w.auditForRecord}</Link>
      </p>
    </section>
  );
}
