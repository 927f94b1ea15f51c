// One record's editor (a contribution, a budget line's stage row): its form with the server's
// field errors, saved at the version it was opened at; when someone saved first, both versions
// side by side. What the kind adds (status progress, delete, history, links) goes in its slots.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ReactNode, SyntheticEvent } from "react";
import { Link } from "wouter";
import { LoadError, Loading } from "../components/states";
import { formatDateTime, formatUsdCents } from "../format";
import { useLocale } from "../i18n/locale";
import { useTRPC } from "../trpc";
import { VersionConflict } from "./conflict";
import { useCodes, useMe } from "./hooks";
import { useWs } from "./messages";
import type { EditedRecord, RecordEditorKind } from "./record-editor-kind";
import { SaveMessages, useSaveFeedback } from "./save-feedback";

/** What the kind's slots may read and do. */
export interface RecordEditorContext<Got, Row> {
  id: number;
  got: Got;
  record: Row;
  ref: string;
  /** The version the next save is made at. */
  baseVersion: number;
  feedback: ReturnType<typeof useSaveFeedback>;
  /** Refetch the kind's records, the audit log and the reports after a change. */
  refresh: () => Promise<void>;
  /** Edit this version of the record from now on (a save's result, or theirs in a conflict). */
  reset: (row: Record<string, unknown>) => void;
}

/** What the page says: where it goes back to, its title, and its conflict's and form's headings. */
export interface RecordEditorLabels {
  back: { href: string; label: string };
  title: (ref: string) => string;
  conflict: string;
  form: { id: string; heading: string };
}

export function RecordEditor<
  Got,
  Row extends EditedRecord,
  K extends string,
  Input,
  Saved extends { version: number },
>({
  id,
  kind,
  labels,
  notice,
  actions,
  readOnly,
  footer,
  onSubmit,
}: {
  id: number;
  kind: RecordEditorKind<Got, Row, K, Input, Saved>;
  labels: RecordEditorLabels;
  /** Under the title, above the conflict. */
  notice?: (record: Row) => ReactNode;
  /** After the form, for users who may write. */
  actions?: (editor: RecordEditorContext<Got, Row>) => ReactNode;
  /** Instead of the form, for users who may not. */
  readOnly: (record: Row) => ReactNode;
  footer: (editor: RecordEditorContext<Got, Row>) => ReactNode;
  /** Called as the form is submitted. */
  onSubmit?: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const w = useWs();
  const { messages: m, intlLocale } = useLocale();
  const me = useMe();
  const codes = useCodes();
  const router = kind.router(trpc);
  const got = useQuery({ ...router.get.queryOptions({ id }), staleTime: 0 });
  const [form, setForm] = useState<Record<K, string> | null>(null);
  const [baseVersion, setBaseVersion] = useState<number | null>(null);
  const feedback = useSaveFeedback();

  const loaded = got.data;
  const ready =
    loaded !== undefined && codes.operations.length > 0 && codes.organizations.length > 0;
  const reset = (row: Record<string, unknown>) => {
    setForm(kind.form.formOf(row, codes, intlLocale));
    setBaseVersion(Number(row.version));
  };
  if (ready && form === null) reset(kind.recordOf(loaded));

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: router.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.report.pathKey() });
  };
  const update = useMutation(
    router.update.mutationOptions({
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

  if (got.isPending || (!ready && !got.isError)) return <Loading />;
  if (got.isError) return <LoadError error={got.error} retry={() => void got.refetch()} />;
  if (!form || baseVersion === null) return <Loading />;
  const record = kind.recordOf(got.data);
  const ref = kind.ref(record, m);
  const titleId = `${kind.name}-title`;
  const Fields = kind.Fields;
  const editor = { id, got: got.data, record, ref, baseVersion, feedback, refresh, reset };
  const save = (version: number) => {
    update.mutate({ id, version, ...kind.form.inputOf(form, intlLocale) });
  };
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    feedback.clearMessage();
    onSubmit?.();
    save(baseVersion);
  };

  return (
    <section aria-labelledby={titleId} className={kind.className}>
      <p className="breadcrumb">
        <Link href={labels.back.href}>{labels.back.label}</Link>
      </p>
      <h2 id={titleId}>{labels.title(ref)}</h2>
      <p className="note">
        {w.updatedBy}: {record.updated_by ?? w.none} · {w.updatedAt}:{" "}
        {formatDateTime(record.updated_at, intlLocale)} · {w.version} {record.version} ·{" "}
        {formatUsdCents(record.amount_usd_cents, intlLocale)}
      </p>
      {notice?.(record)}
      <VersionConflict
        current={feedback.conflict}
        heading={labels.conflict}
        fields={kind.form.fields}
        labels={kind.labels(w)}
        mine={form}
        theirsOf={(current) => kind.form.formOf(current, codes, intlLocale)}
        onKeepMine={save}
        onTakeTheirs={(theirs, version) => {
          setForm(theirs);
          setBaseVersion(version);
          feedback.clearConflict();
          void refresh();
        }}
      />
      <SaveMessages feedback={feedback} />
      {kind.writable(record, me) ? (
        <>
          <form onSubmit={submit} className="ws-form" aria-labelledby={labels.form.id} noValidate>
            <h3 id={labels.form.id}>{labels.form.heading}</h3>
            <Fields
              form={form}
              errors={feedback.errors}
              setField={(k, v) => {
                setForm({ ...form, [k]: v });
              }}
            />
            <button type="submit" disabled={update.isPending}>
              {update.isPending ? w.saving : w.save}
            </button>
          </form>
          {actions?.(editor)}
        </>
      ) : (
        readOnly(record)
      )}
      {footer(editor)}
    </section>
  );
}
