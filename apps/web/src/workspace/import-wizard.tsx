// The import wizard: choose the kind of file and the file, preview (a dry run with every
// problem at its line and column), choose all-or-nothing or take-the-good-rows, import, see
// what changed, and undo a whole import (refused, with the records named, when changed since).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Link } from "wouter";
import { LoadError, Loading } from "../components/states";
import { formatDateTime } from "../format";
import { useLocale } from "../i18n/locale";
import { useTRPC } from "../trpc";
import { errorInfo } from "./common";
import { ScopeNote } from "./scope-note";
import { useWs } from "./messages";
import type { WsMessages } from "./messages";

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

interface LoadedFile {
  fileName: string;
  encoding: "base64" | "text";
  content: string;
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

interface Outcome {
  committed: boolean;
  fileNames: string[];
  dryRun: boolean;
  importId: number | null;
  counts: { read: number; created: number; updated: number; unchanged: number; rejected: number };
  problems: {
    file: string;
    line: number | null;
    column: string | null;
    value: string | null;
    reason: string;
  }[];
  changes: { table: string; key: string; action: string; line: number | null }[];
}

function OutcomeView({ outcome, w }: { outcome: Outcome; w: WsMessages }) {
  const { intlLocale } = useLocale();
  const n = (v: number) => new Intl.NumberFormat(intlLocale).format(v);
  return (
    <>
      <table className="import-counts">
        <thead>
          <tr>
            {(["read", "created", "updated", "unchanged", "rejected"] as const).map((k) => (
              <th scope="col" key={k} className="num">
                {w.counts[k]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {(["read", "created", "updated", "unchanged", "rejected"] as const).map((k) => (
              <td key={k} className="num" data-count={k}>
                {n(outcome.counts[k])}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <h4>{w.problemsHeading(n(outcome.problems.length))}</h4>
      {outcome.problems.length === 0 ? (
        <p>{w.noProblems}</p>
      ) : (
        <div className="table-scroll">
          <table className="problems-table">
            <thead>
              <tr>
                <th scope="col">{w.file}</th>
                <th scope="col" className="num">
                  {w.line}
                </th>
                <th scope="col">{w.column}</th>
                <th scope="col">{w.value}</th>
                <th scope="col">{w.reason}</th>
              </tr>
            </thead>
            <tbody>
              {outcome.problems.slice(0, 500).map((p, i) => (
                <tr key={i} data-line={p.line ?? ""} data-column={p.column ?? ""}>
                  <td>{p.file}</td>
                  <td className="num">{p.line ?? "—"}</td>
                  <td>{p.column ?? "—"}</td>
                  <td>{p.value ?? "—"}</td>
                  <td>{p.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {outcome.changes.length > 0 && (
        <details className="changes">
          <summary>{w.changes}</summary>
          <ul>
            {outcome.changes.slice(0, 200).map((c, i) => (
              <li key={i}>
                {
                  w.counts[
                    c.action === "create"
                      ? "created"
                      : c.action === "update"
                        ? "updated"
                        : "unchanged"
                  ]
                }
                : {c.table} {c.key}
                {c.line !== null && ` (${w.line} ${c.line})`}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

export function ImportWizard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const w = useWs();
  const { intlLocale } = useLocale();
  const ids = useId();
  const [kind, setKind] = useState<Kind>("flows");
  const [mode, setMode] = useState<"atomic" | "partial">("atomic");
  const [file, setFile] = useState<LoadedFile | null>(null);
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
  const previewMutation = useMutation(
    trpc.import.preview.mutationOptions({
      onSuccess: (outcome) => {
        setPreview(outcome);
      },
      onError: (e) => {
        setError(errorInfo(e).message);
      },
    }),
  );
  const commitMutation = useMutation(
    trpc.import.commit.mutationOptions({
      onSuccess: async (outcome) => {
        setResult(outcome);
        await refresh();
      },
      onError: (e) => {
        setError(errorInfo(e).message);
      },
    }),
  );
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
                records: outcome.conflicts.map((c) => `${c.table} ${c.recordId}: ${c.reason}`),
              },
        );
        await refresh();
      },
      onError: (e) => {
        setUndoMessage({ ok: false, text: errorInfo(e).message, records: [] });
      },
    }),
  );
  const input = () => (file ? { kind, mode, files: [file] } : null);

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
          setError(null);
          setResult(null);
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
              setKind(e.target.value as Kind);
              setPreview(null);
            }}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {w.kinds[k] ?? k}
              </option>
            ))}
          </select>
        </div>
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
              if (!chosen) {
                setFile(null);
                return;
              }
              void readFile(chosen).then(setFile);
              e.target.value = "";
            }}
          />
          {file && <span className="hint">{file.fileName}</span>}
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
        <button type="submit" disabled={!file || previewMutation.isPending}>
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
            disabled={commitMutation.isPending}
            onClick={() => {
              const i = input();
              if (i) commitMutation.mutate(i);
            }}
          >
            {w.commit}
          </button>
        </section>
      )}
      {commitMutation.isPending && (
        <p role="status" className="import-progress">
          <progress aria-label={w.committing} /> {w.committing}
        </p>
      )}
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
