// The import wizard: choose the kind of file, where it comes from and the file, map the file's
// columns to fields (proposed from the mapping remembered for the source, the names, known
// other names), preview (a dry run with every problem at its line and column), choose
// all-or-nothing or take-the-good-rows, import with a real progress bar, see what changed, and
// undo a whole import (refused, with the records named, when changed since).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { Link } from "wouter";
import { LoadError, Loading } from "../components/states";
import { formatDateTime } from "../format";
import { useLocale } from "../i18n/locale";
import { useTRPC } from "../trpc";
import { errorInfo } from "./common";
import { ColumnMappingTable } from "./column-mapping-table";
import { mappingGaps, mappingOf } from "./column-mapping";
import type { ColumnMapping, MappableField, ProposedColumn } from "./column-mapping";
import { useImportMessages } from "./import-messages";
import { OutcomeView, ProblemsTable } from "./import-outcome";
import type { Outcome, ProblemOut } from "./import-outcome";
import { ImportProgress } from "./import-progress";
import type { JobEnd } from "./import-progress";
import { ScopeNote } from "./scope-note";
import { useWs } from "./messages";
import { apiText } from "../i18n/server-text";
import { serverText } from "./server-messages";
import "./import-wizard.css";

const KINDS = [
  "flows",
  "requirements",
  "mandates",
  "rates",
  "crosswalk",
  "organizations",
  "scales",
  "fts",
  "iati",
  "un-rates",
] as const;
type Kind = (typeof KINDS)[number];
/** CSV/XLSX kinds, whose columns the user maps; FTS, IATI and UN rates have fixed formats. */
const MAPPED: ReadonlySet<Kind> = new Set([
  "flows",
  "requirements",
  "mandates",
  "rates",
  "crosswalk",
  "organizations",
  "scales",
]);
type MappedKind = Exclude<Kind, "fts" | "iati" | "un-rates">;

interface Inspection {
  headers: string[];
  fields: MappableField[];
  suggestion: ProposedColumn[];
  remembered: boolean;
  problems: ProblemOut[];
}

/** The file as uploaded once: the next steps name it by its id. */
interface Uploaded {
  uploadId: string;
  fileName: string;
  bytes: number;
}

interface LoadedFile {
  fileName: string;
  encoding: "base64" | "text";
  content: string;
}

/** A file's size in the unit that reads best: 49 bytes, 12.5 kB, 3.2 MB. */
function fileSize(bytes: number, intlLocale: string): string {
  const [value, unit] =
    bytes < 1000
      ? [bytes, "byte"]
      : bytes < 1_000_000
        ? [bytes / 1000, "kilobyte"]
        : [bytes / 1_000_000, "megabyte"];
  return new Intl.NumberFormat(intlLocale, {
    style: "unit",
    unit,
    unitDisplay: "short",
    maximumFractionDigits: 1,
  }).format(value);
}

async function readFile(file: File): Promise<LoadedFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (/\.(xlsx|xlsm|xls|zip)$/i.test(file.name)) {
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000)
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { fileName: file.name, encoding: "base64", content: btoa(binary) };
  }
  return { fileName: file.name, encoding: "text", content: new TextDecoder().decode(bytes) };
}

export function ImportWizard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const w = useWs();
  const t = useImportMessages();
  const { intlLocale, locale } = useLocale();
  const ids = useId();
  const [kind, setKind] = useState<Kind>("flows");
  const [source, setSource] = useState("");
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  /** The import job started last: its progress stays shown, at 100 % once it is done. */
  const [job, setJob] = useState<{ id: string; running: boolean } | null>(null);
  const gapsRef = useRef<HTMLDivElement>(null);
  const organizations = useQuery(trpc.organization.list.queryOptions());
  const [mode, setMode] = useState<"atomic" | "partial">("atomic");
  /** The chosen file, once uploaded: every later step names it by its id. */
  const [upload, setUpload] = useState<Uploaded | null>(null);
  const [preview, setPreview] = useState<Outcome | null>(null);
  const [result, setResult] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [undoMessage, setUndoMessage] = useState<{
    ok: boolean;
    text: string;
    records: string[];
  } | null>(null);
  const imports = useQuery({ ...trpc.import.list.queryOptions({ limit: 10 }), staleTime: 0 });

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.import.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.flow.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.report.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() });
  };
  /** Says why a step failed; an upload gone (expired) is forgotten, to be chosen again. */
  const failed = (e: unknown) => {
    const info = errorInfo(e, locale);
    if (info.code === "NOT_FOUND") setUpload(null);
    setError(info.message);
  };
  const previewMutation = useMutation(
    trpc.import.preview.mutationOptions({
      onSuccess: (outcome) => {
        setPreview(outcome);
      },
      onError: failed,
    }),
  );
  const inspectMutation = useMutation(trpc.import.inspect.mutationOptions());
  const uploadMutation = useMutation(trpc.import.upload.mutationOptions());
  /** Read the file's columns and the proposed mapping (again when the kind or source changes). */
  const inspect = (next: { kind: Kind; source: string; upload: Uploaded | null }) => {
    setInspection(null);
    setMapping({});
    if (!next.upload || !MAPPED.has(next.kind)) return;
    inspectMutation.mutate(
      {
        kind: next.kind as MappedKind,
        uploadId: next.upload.uploadId,
        ...(next.source && { source: next.source }),
      },
      {
        onSuccess: (found) => {
          setInspection(found);
          setMapping(mappingOf(found.suggestion));
        },
        onError: failed,
      },
    );
  };
  /** Send the chosen file once, then read its columns. */
  const choose = (loaded: LoadedFile) => {
    setError(null);
    uploadMutation.mutate(
      { files: [loaded] },
      {
        onSuccess: (kept) => {
          const next = {
            uploadId: kept.uploadId,
            fileName: loaded.fileName,
            bytes: kept.files[0]?.bytes ?? 0,
          };
          setUpload(next);
          inspect({ kind, source, upload: next });
        },
        onError: failed,
      },
    );
  };
  const startMutation = useMutation(
    trpc.import.start.mutationOptions({
      onSuccess: ({ jobId }) => {
        setJob({ id: jobId, running: true });
      },
      onError: failed,
    }),
  );
  const onJobEnd = (end: JobEnd<Outcome>) => {
    setJob((current) => current && { ...current, running: false });
    if (end.outcome) setResult(end.outcome);
    if (end.error)
      setError(
        t.importFailed(
          apiText(
            {
              text: end.error.message,
              code: end.error.messageCode?.code,
              params: end.error.messageCode?.params,
            },
            locale,
          ),
        ),
      );
    void refresh();
  };
  const undoMutation = useMutation(
    trpc.import.undo.mutationOptions({
      onSuccess: async (outcome) => {
        setUndoMessage(
          outcome.undone
            ? {
                ok: true,
                text: w.undone(String(outcome.deleted), String(outcome.restored)),
                records: [],
              }
            : {
                ok: false,
                text: w.undoRefused,
                records: outcome.conflicts.map(
                  (c) =>
                    `${c.table} ${c.recordId}: ${serverText({ text: c.reason, code: c.code, params: c.params }, locale, "reason")}`,
                ),
              },
        );
        await refresh();
      },
      onError: (e) => {
        setUndoMessage({ ok: false, text: errorInfo(e, locale).message, records: [] });
      },
    }),
  );
  const mapped = MAPPED.has(kind);
  const gaps = inspection ? mappingGaps(inspection.fields, mapping) : null;
  const blocked = gaps !== null && (gaps.missing.length > 0 || gaps.duplicated.length > 0);
  const input = () =>
    upload
      ? {
          kind,
          mode,
          uploadId: upload.uploadId,
          ...(mapped && inspection && { columns: mapping }),
          ...(mapped && source && { source }),
        }
      : null;
  const gapsId = `${ids}-gaps`;

  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{w.importTitle}</h2>
      <ScopeNote />
      <p>{w.importIntro}</p>
      <form
        className="ws-form import-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const i = input();
          if (!i) return;
          if (mapped && (!inspection || blocked)) {
            gapsRef.current?.focus();
            return;
          }
          setError(null);
          setResult(null);
          setJob(null);
          setUndoMessage(null);
          previewMutation.mutate(i);
        }}
      >
        <div className="ws-field">
          <label htmlFor={`${ids}-kind`}>{w.fileKind}</label>
          <select
            id={`${ids}-kind`}
            value={kind}
            onChange={(e) => {
              const next = e.target.value as Kind;
              setKind(next);
              setPreview(null);
              inspect({ kind: next, source, upload });
            }}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {w.kinds[k] ?? k}
              </option>
            ))}
          </select>
        </div>
        {mapped && (
          <div className="ws-field">
            <label htmlFor={`${ids}-source`}>{t.source}</label>
            <select
              id={`${ids}-source`}
              aria-describedby={`${ids}-source-hint`}
              value={source}
              onChange={(e) => {
                setSource(e.target.value);
                setPreview(null);
                inspect({ kind, source: e.target.value, upload });
              }}
            >
              <option value="">{t.sourceNone}</option>
              {[...(organizations.data ?? [])]
                .sort((a, b) => a.code.localeCompare(b.code))
                .map((o) => (
                  <option key={o.code} value={o.code}>
                    {o.code} — {o.name}
                  </option>
                ))}
            </select>
            <span id={`${ids}-source-hint`} className="hint">
              {t.sourceHint}
            </span>
          </div>
        )}
        <div className="ws-field">
          <label htmlFor={`${ids}-file`}>{w.chooseFile}</label>
          <input
            id={`${ids}-file`}
            type="file"
            accept=".csv,.tsv,.txt,.xlsx,.json,.xml"
            onChange={(e) => {
              const chosen = e.target.files?.[0];
              setPreview(null);
              setResult(null);
              setUpload(null);
              inspect({ kind, source, upload: null });
              if (!chosen) return;
              void readFile(chosen).then(choose);
              e.target.value = "";
            }}
          />
          {uploadMutation.isPending && (
            <span role="status" className="hint">
              {t.sending}
            </span>
          )}
          {upload && (
            <span className="hint">
              {t.sent(upload.fileName, fileSize(upload.bytes, intlLocale))}
            </span>
          )}
        </div>
        <fieldset>
          <legend>{w.mode}</legend>
          {(["atomic", "partial"] as const).map((m) => (
            <label key={m}>
              <input
                type="radio"
                name="import-mode"
                value={m}
                checked={mode === m}
                onChange={() => {
                  setMode(m);
                }}
              />{" "}
              {m === "atomic" ? w.modeAtomic : w.modePartial}
            </label>
          ))}
        </fieldset>
        {mapped && inspectMutation.isPending && (
          <p role="status" className="state loading">
            {t.readingColumns}
          </p>
        )}
        {inspection && inspection.problems.length > 0 && (
          <div className="error inspect-problems">
            <ProblemsTable problems={inspection.problems} />
          </div>
        )}
        {inspection && inspection.headers.length > 0 && (
          <div ref={gapsRef} tabIndex={-1} className="mapping-step">
            <ColumnMappingTable
              fields={inspection.fields}
              proposed={inspection.suggestion}
              remembered={inspection.remembered}
              mapping={mapping}
              onChange={(next) => {
                setMapping(next);
                setPreview(null);
              }}
              gapsId={gapsId}
            />
          </div>
        )}
        <button
          type="submit"
          disabled={!upload || previewMutation.isPending}
          aria-describedby={mapped && inspection ? gapsId : undefined}
        >
          {previewMutation.isPending ? w.previewing : w.preview}
        </button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {preview && !result && (
        <section aria-labelledby="preview-title" className="import-preview">
          <h3 id="preview-title">
            {w.previewHeading}: {preview.fileNames.join(", ")}
          </h3>
          <OutcomeView outcome={preview} w={w} />
          <button
            type="button"
            disabled={startMutation.isPending || job?.running === true}
            onClick={() => {
              const i = input();
              if (!i) return;
              setError(null);
              startMutation.mutate(i);
            }}
          >
            {w.commit}
          </button>
        </section>
      )}
      {job && <ImportProgress<Outcome> key={job.id} jobId={job.id} onEnd={onJobEnd} />}
      {result && (
        <section aria-labelledby="result-title" className="import-result">
          <h3 id="result-title">{w.resultHeading}</h3>
          <p role="status" className={result.committed ? "ok" : "error"}>
            {result.committed && result.importId !== null
              ? w.importDone(String(result.importId))
              : w.importRefused}
          </p>
          <OutcomeView outcome={result} w={w} />
          {result.importId !== null && (
            <p>
              <Link href={`/workspace/audit?importId=${result.importId}`}>{w.seeImportAudit}</Link>
            </p>
          )}
        </section>
      )}
      {undoMessage && (
        <div role="alert" className={undoMessage.ok ? "ok undo-outcome" : "error undo-outcome"}>
          <p>{undoMessage.text}</p>
          {undoMessage.records.length > 0 && (
            <ul>
              {undoMessage.records.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <h3>{w.recentImports}</h3>
      {imports.isPending ? (
        <Loading />
      ) : imports.isError ? (
        <LoadError error={imports.error} retry={() => void imports.refetch()} />
      ) : (
        <table className="imports-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{w.file}</th>
              <th scope="col">{w.importedBy}</th>
              <th scope="col">{w.importedAt}</th>
              <th scope="col">
                <span className="visually-hidden">{w.undo}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {imports.data.items.map((imp) => (
              <tr key={imp.id} data-import-id={imp.id}>
                <td>
                  <Link href={`/workspace/audit?importId=${imp.id}`}>{imp.id}</Link>
                </td>
                <td>
                  {imp.file_name} ({imp.kind}, {imp.mode})
                </td>
                <td>{imp.actor}</td>
                <td>{formatDateTime(imp.at, intlLocale)}</td>
                <td>
                  {imp.undone_at ? (
                    <span className="badge">{w.undoneMark}</span>
                  ) : (
                    <button
                      type="button"
                      disabled={undoMutation.isPending}
                      aria-label={`${w.undo} #${imp.id}`}
                      onClick={() => {
                        undoMutation.mutate({ id: imp.id });
                      }}
                    >
                      {undoMutation.isPending ? w.undoing : w.undo}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
