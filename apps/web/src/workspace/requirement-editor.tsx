// One budget-line stage row: its form with the server's field errors, delete (asked twice; the
// row leaves the figures and keeps its history), and conflicts side by side.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { SyntheticEvent } from "react";
import { Link, useLocation } from "wouter";
import { LoadError, Loading } from "../components/states";
import { formatDateTime, formatUsdCents } from "../format";
import { useLocale } from "../i18n/locale";
import { useTRPC } from "../trpc";
import { canWrite, cell, errorInfo } from "./common";
import { ConfirmAction } from "./confirm-action";
import { VersionConflict } from "./conflict";
import { useCodes, useMe } from "./hooks";
import { useWs } from "./messages";
import { RequirementFields, requirementLabels } from "./requirement-fields";
import { REQUIREMENT_FIELDS, requirementFormOf, requirementInputOf } from "./requirement-form";
import type { RequirementForm } from "./requirement-form";
import { SaveMessages, useSaveFeedback } from "./save-feedback";

export function RequirementEditor({ id }: { id: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const w = useWs();
  const { messages: m, intlLocale, locale } = useLocale();
  const me = useMe();
  const codes = useCodes();
  const [, navigate] = useLocation();
  const line = useQuery({ ...trpc.requirement.get.queryOptions({ id }), staleTime: 0 });
  const [form, setForm] = useState<RequirementForm | null>(null);
  const [baseVersion, setBaseVersion] = useState<number | null>(null);
  const [deleteRefused, setDeleteRefused] = useState<string | null>(null);
  const feedback = useSaveFeedback();
  const { errors, conflict } = feedback;

  const ready = line.data && codes.operations.length > 0 && codes.organizations.length > 0;
  if (ready && form === null) {
    setForm(requirementFormOf(line.data, codes, intlLocale));
    setBaseVersion(line.data.version);
  }

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.requirement.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.report.pathKey() });
  };
  const update = useMutation(
    trpc.requirement.update.mutationOptions({
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
  const remove = useMutation(
    trpc.requirement.remove.mutationOptions({
      onSuccess: async () => {
        await refresh();
        navigate("/workspace/requirements");
      },
      onError: (error) => {
        const info = errorInfo(error, locale);
        // Someone changed the row since it was opened: show what it is now, never delete unseen.
        if (info.code === "CONFLICT" && info.conflictCurrent) {
          const current = info.conflictCurrent;
          setForm(requirementFormOf(current, codes, intlLocale));
          setBaseVersion(Number(current.version));
          setDeleteRefused(w.deleteConflict(cell(current.updated_by)));
          void refresh();
          return;
        }
        setDeleteRefused(info.message);
      },
    }),
  );

  if (line.isPending || (!ready && !line.isError)) return <Loading />;
  if (line.isError) return <LoadError error={line.error} retry={() => void line.refetch()} />;
  if (!form || baseVersion === null) return <Loading />;
  const r = line.data;
  const ref = `${r.external_ref} (${m.statuses[r.stage] ?? r.stage})`;
  const writable =
    r.deleted_at === null && canWrite(me, { operationId: r.operation_id, entityId: r.entity_id });
  const labels = requirementLabels(w);
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    feedback.clearMessage();
    setDeleteRefused(null);
    update.mutate({ id, version: baseVersion, ...requirementInputOf(form, intlLocale) });
  };

  return (
    <section aria-labelledby="requirement-title" className="record-editor requirement-editor">
      <p className="breadcrumb">
        <Link href="/workspace/requirements">{w.backToRequirements}</Link>
      </p>
      <h2 id="requirement-title">{w.requirementTitle(ref)}</h2>
      <p className="note">
        {w.updatedBy}: {r.updated_by ?? w.none} · {w.updatedAt}:{" "}
        {formatDateTime(r.updated_at, intlLocale)} · {w.version} {r.version} ·{" "}
        {formatUsdCents(r.amount_usd_cents, intlLocale)}
      </p>
      {r.deleted_at !== null && <p className="note">{w.requirementDeleted}</p>}
      <VersionConflict
        current={conflict}
        heading={w.requirementConflictHeading}
        fields={REQUIREMENT_FIELDS}
        labels={labels}
        mine={form}
        theirsOf={(record) => requirementFormOf(record, codes, intlLocale)}
        onKeepMine={(version) => {
          update.mutate({ id, version, ...requirementInputOf(form, intlLocale) });
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
        <>
          <form onSubmit={submit} className="ws-form" aria-labelledby="edit-requirement" noValidate>
            <h3 id="edit-requirement">{w.editRequirementHeading}</h3>
            <RequirementFields
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
          <ConfirmAction
            heading={w.deleteRequirementHeading}
            intro={w.deleteRequirementIntro}
            action={w.deleteRequirement}
            question={w.deleteRequirementConfirm(ref)}
            yes={w.deleteRequirementYes}
            pending={remove.isPending}
            refusal={deleteRefused}
            onAsk={() => {
              setDeleteRefused(null);
            }}
            onConfirm={() => {
              remove.mutate({ id, version: baseVersion });
            }}
          />
        </>
      ) : (
        r.deleted_at === null && <p className="note read-only-note">{w.requirementNotAssigned}</p>
      )}
      <p>
        <Link href={`/workspace/audit?table=requirements&recordId=${id}`}>
          {w.auditForRequirement}
        </Link>{" "}
        ·{" "}
        <Link href={`/records/budget/${encodeURIComponent(r.external_ref)}`}>
          {w.seeBudgetLine}
        </Link>
      </p>
    </section>
  );
}
