// An operation's mandates (newest first) and their ranked priority tasks. Where the user may write
// (the operation is theirs): correct a mandate and its tasks (add, retitle, re-rank, remove), record
// a renewal (tasks copied from the latest), or remove a mandate entered by mistake. Saves carry the
// version read; a save over someone else's change shows both versions.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { SyntheticEvent } from "react";
import { LoadError, Loading } from "../components/states";
import { formatDate } from "../format";
import { useLocale } from "../i18n/locale";
import { useTRPC } from "../trpc";
import type { MandateWithTasks as Mandate } from "../api-types";
import { canWrite, cell, errorInfo } from "./common";
import { ConfirmAction } from "./confirm-action";
import { ConflictPanel } from "./conflict";
import { useControls } from "./field";
import { useCodes, useMe } from "./hooks";
import {
  MANDATE_FIELDS,
  mandateFormOf,
  mandateInputOf,
  taskRowsOf,
  tasksText,
} from "./mandate-form";
import type { MandateField, MandateForm, TaskRow } from "./mandate-form";
import { useWs } from "./messages";
import type { WsMessages } from "./messages";
import { SaveMessages, useSaveFeedback } from "./save-feedback";
import { ScopeNote } from "./scope-note";
import { FilterSelect, useUrlParams } from "./table-controls";
import { TasksEditor } from "./tasks-editor";

function mandateLabels(w: WsMessages): Record<MandateField, string> {
  return {
    resolution: w.resolution,
    adoptedOn: w.adoptedOn,
    periodStart: w.mandateStart,
    periodEnd: w.mandateEnd,
    militaryCeiling: w.militaryCeiling,
    policeCeiling: w.policeCeiling,
  };
}

export function MandatesEditor() {
  const trpc = useTRPC();
  const w = useWs();
  const me = useMe();
  const codes = useCodes();
  const { params, set } = useUrlParams();
  const operation = params.get("operation") ?? "";
  const mandates = useQuery({
    ...trpc.mandate.list.queryOptions({ operation }),
    enabled: operation !== "",
  });
  const opId = codes.opId(operation);
  const writable = opId !== null && canWrite(me, { operationId: opId, entityId: null });
  // The mandate open for editing (its id), "new" for a renewal, or null.
  const [open, setOpen] = useState<number | "new" | null>(null);

  return (
    <section aria-labelledby="mandates-title">
      <h2 id="mandates-title">{w.mandatesTitle}</h2>
      <ScopeNote />
      <div className="toolbar ws-filters">
        <FilterSelect
          label={w.operation}
          value={operation}
          anyLabel={w.chooseOperation}
          options={codes.operations.map((o) => [o.code, `${o.code} — ${o.name}`] as const)}
          onChange={(v) => {
            setOpen(null);
            set({ operation: v });
          }}
        />
      </div>
      {operation === "" ? (
        <p className="note">{w.chooseOperationForMandates}</p>
      ) : mandates.isPending ? (
        <Loading />
      ) : mandates.isError ? (
        <LoadError error={mandates.error} retry={() => void mandates.refetch()} />
      ) : (
        <>
          <p className="note">{writable ? w.mandatesYours : w.mandatesNotYours}</p>
          {writable && open === null && (
            <p>
              <button
                type="button"
                onClick={() => {
                  setOpen("new");
                }}
              >
                {mandates.data.length ? w.newMandateRenewal : w.newMandate}
              </button>
            </p>
          )}
          {writable && open === "new" && (
            <MandateForm
              operation={operation}
              mandate={null}
              latest={mandates.data[0] ?? null}
              onDone={() => {
                setOpen(null);
              }}
            />
          )}
          {mandates.data.length === 0 && <p>{w.noMandates}</p>}
          {mandates.data.map((m) =>
            open === m.id ? (
              <MandateForm
                key={m.id}
                operation={operation}
                mandate={m}
                latest={null}
                onDone={() => {
                  setOpen(null);
                }}
              />
            ) : (
              <MandateCard
                key={m.id}
                mandate={m}
                resolutionOf={(id) => mandates.data.find((x) => x.id === id)?.resolution ?? null}
                onEdit={
                  writable && open === null
                    ? () => {
                        setOpen(m.id);
                      }
                    : null
                }
              />
            ),
          )}
        </>
      )}
    </section>
  );
}

function MandateCard({
  mandate: m,
  resolutionOf,
  onEdit,
}: {
  mandate: Mandate;
  resolutionOf: (id: number) => string | null;
  onEdit: (() => void) | null;
}) {
  const w = useWs();
  const { intlLocale } = useLocale();
  const headingId = `mandate-${m.id}`;
  return (
    <article className="mandate-card" aria-labelledby={headingId} data-mandate={m.resolution}>
      <h3 id={headingId}>{m.resolution}</h3>
      <p className="note">
        {w.adoptedOn} {formatDate(m.adopted_on, intlLocale)} ·{" "}
        {w.mandatePeriod(
          formatDate(m.period_start, intlLocale),
          formatDate(m.period_end, intlLocale),
        )}
        {m.military_ceiling !== null && ` · ${w.militaryCeiling} ${m.military_ceiling}`}
        {m.police_ceiling !== null && ` · ${w.policeCeiling} ${m.police_ceiling}`}
        {m.superseded_by_id !== null &&
          ` · ${w.supersededBy(resolutionOf(m.superseded_by_id) ?? String(m.superseded_by_id))}`}
        {` · ${w.version} ${m.version}`}
      </p>
      <table className="tasks-table">
        <caption className="visually-hidden">{w.tasksOf(m.resolution)}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {w.rank}
            </th>
            <th scope="col">{w.taskCodeShort}</th>
            <th scope="col">{w.taskTitle}</th>
          </tr>
        </thead>
        <tbody>
          {m.tasks.map((t) => (
            <tr key={t.code} data-task={t.code}>
              <td className="num">{t.rank}</td>
              <td>{t.code}</td>
              <td>{t.title}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {onEdit && (
        <button type="button" onClick={onEdit}>
          {w.editMandate(m.resolution)}
        </button>
      )}
    </article>
  );
}

function MandateForm({
  operation,
  mandate,
  latest,
  onDone,
}: {
  operation: string;
  /** null: a new mandate (a renewal of `latest`, whose tasks it starts from). */
  mandate: Mandate | null;
  latest: Mandate | null;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const w = useWs();
  const { locale } = useLocale();
  const [form, setForm] = useState<MandateForm>(() =>
    mandate
      ? mandateFormOf(mandate)
      : {
          ...mandateFormOf({}),
          militaryCeiling: cell(latest?.military_ceiling),
          policeCeiling: cell(latest?.police_ceiling),
        },
  );
  const [tasks, setTasks] = useState<TaskRow[]>(() =>
    taskRowsOf(mandate?.tasks ?? latest?.tasks ?? []),
  );
  const [supersedes, setSupersedes] = useState(latest?.resolution ?? "");
  const [baseVersion, setBaseVersion] = useState(mandate?.version ?? 0);
  const [removeError, setRemoveError] = useState<string | null>(null);
  /** The mandate as it is now, when a removal was refused because someone changed it since. */
  const [removeConflict, setRemoveConflict] = useState<Mandate | null>(null);
  const feedback = useSaveFeedback();
  const labels = mandateLabels(w);
  const c = useControls({
    form,
    errors: feedback.errors,
    labels,
    setField: (k, v) => {
      setForm({ ...form, [k]: v });
    },
  });
  const list = useQuery(trpc.mandate.list.queryOptions({ operation }));
  // Their version, as the refreshed list has it, while a conflict is shown.
  const theirs = feedback.conflict ? (list.data?.find((m) => m.id === mandate?.id) ?? null) : null;

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.mandate.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.report.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() });
  };
  const onError = (error: unknown) => {
    if (feedback.failed(error)) void refresh();
  };
  const update = useMutation(
    trpc.mandate.update.mutationOptions({
      onSuccess: async (saved) => {
        setBaseVersion(saved.version);
        feedback.saved(saved.version);
        await refresh();
      },
      onError,
    }),
  );
  const create = useMutation(
    trpc.mandate.create.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone();
      },
      onError,
    }),
  );
  const remove = useMutation(
    trpc.mandate.remove.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone();
      },
      onError: (error) => {
        const info = errorInfo(error, locale);
        // Changed since it was opened: nothing was removed; both versions are shown to choose.
        if (info.code === "CONFLICT" && info.conflictCurrent)
          setRemoveConflict(info.conflictCurrent as unknown as Mandate);
        else setRemoveError(info.message);
        void refresh();
      },
    }),
  );
  const pending = update.isPending || create.isPending;
  const save = (version: number) => {
    feedback.clearMessage();
    const input = mandateInputOf(form, tasks);
    if (mandate) update.mutate({ id: mandate.id, version, ...input });
    else create.mutate({ operation, supersedes: supersedes || null, ...input });
  };
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    save(baseVersion);
  };
  /** Mine (the form as it stands) beside theirs, field by field and the task list. */
  const conflictRows = (
    theirs: MandateForm,
    theirTasks: readonly { code: string; title: string; rank: number }[],
  ) => [
    ...MANDATE_FIELDS.map((k) => ({ key: k, label: labels[k], mine: form[k], theirs: theirs[k] })),
    { key: "tasks", label: w.tasksHeading, mine: tasksText(tasks), theirs: tasksText(theirTasks) },
  ];
  const title = mandate ? w.editMandateTitle(mandate.resolution) : w.newMandateTitle(operation);

  return (
    <form
      className="ws-form mandate-form"
      aria-labelledby="mandate-form-title"
      noValidate
      onSubmit={submit}
    >
      <h3 id="mandate-form-title">{title}</h3>
      {feedback.conflict && theirs && (
        <ConflictPanel
          heading={w.mandateConflictHeading}
          who={cell(feedback.conflict.updated_by)}
          at={cell(feedback.conflict.updated_at) || null}
          version={cell(feedback.conflict.version)}
          rows={conflictRows(mandateFormOf(feedback.conflict), theirs.tasks)}
          onKeepMine={() => {
            save(Number(feedback.conflict!.version));
          }}
          onTakeTheirs={() => {
            setForm(mandateFormOf(theirs));
            setTasks(taskRowsOf(theirs.tasks));
            setBaseVersion(theirs.version);
            feedback.clearConflict();
          }}
        />
      )}
      <div className="ws-grid">
        {c.text("resolution", { autoFocus: true })}
        {c.date("adoptedOn")}
        {c.date("periodStart")}
        {c.date("periodEnd")}
        {c.text("militaryCeiling")}
        {c.text("policeCeiling")}
        {!mandate && latest && (
          <label className="ws-field">
            {w.supersedes}
            <select
              value={supersedes}
              onChange={(e) => {
                setSupersedes(e.target.value);
              }}
            >
              <option value="">{w.none}</option>
              <option value={latest.resolution}>{latest.resolution}</option>
            </select>
          </label>
        )}
      </div>
      {removeConflict && (
        <ConflictPanel
          heading={w.removeConflictHeading}
          who={cell(removeConflict.updated_by)}
          at={cell(removeConflict.updated_at) || null}
          version={cell(removeConflict.version)}
          rows={conflictRows(mandateFormOf(removeConflict), removeConflict.tasks)}
          keepMineLabel={w.removeTheirs}
          takeTheirsLabel={w.keepTheirs}
          onKeepMine={() => {
            setRemoveConflict(null);
            remove.mutate({ id: removeConflict.id, version: removeConflict.version });
          }}
          onTakeTheirs={() => {
            setForm(mandateFormOf(removeConflict));
            setTasks(taskRowsOf(removeConflict.tasks));
            setBaseVersion(removeConflict.version);
            setRemoveConflict(null);
          }}
        />
      )}
      <TasksEditor tasks={tasks} onChange={setTasks} errors={feedback.errors.tasks ?? []} />
      <SaveMessages feedback={feedback} />
      <button type="submit" disabled={pending}>
        {pending ? w.saving : mandate ? w.saveMandate : w.createMandate}
      </button>{" "}
      <button type="button" onClick={onDone}>
        {w.close}
      </button>
      {mandate && (
        <ConfirmAction
          heading={w.removeMandateHeading}
          action={w.removeMandate}
          question={w.removeMandateConfirm(mandate.resolution)}
          yes={w.removeMandateYes}
          pending={remove.isPending}
          refusal={removeError}
          onAsk={() => {
            setRemoveError(null);
            setRemoveConflict(null);
          }}
          onConfirm={() => {
            remove.mutate({ id: mandate.id, version: baseVersion });
          }}
        />
      )}
    </form>
  );
}
