// What an import (or its preview) reports: the counts, every problem at its line and column with
// its reason in the interface language, and the changes it made or would make. The problems table
// also lists what reading a file's header found.
import { useLocale } from "../i18n/locale";
import { fieldLabel, useImportMessages } from "./import-messages";
import { useWs } from "./messages";
import type { WsMessages } from "./messages";
import { serverText } from "./server-messages";

/** A problem as the server reports it: where, and why (coded). */
export interface ProblemOut {
  file: string;
  line: number | null;
  column: string | null;
  value: string | null;
  reason: string;
  code?: string;
  params?: Record<string, string | number>;
  /** The canonical field, when the file's column was mapped to it. */
  field?: string;
}

export interface Outcome {
  committed: boolean;
  fileNames: string[];
  dryRun: boolean;
  importId: number | null;
  counts: { read: number; created: number; updated: number; unchanged: number; rejected: number };
  problems: ProblemOut[];
  changes: { table: string; key: string; action: string; line: number | null }[];
}

export function OutcomeView({ outcome, w }: { outcome: Outcome; w: WsMessages }) {
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
        <ProblemsTable problems={outcome.problems} />
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

/** Problems at their file, line and column, the reason said in the interface language. */
export function ProblemsTable({ problems }: { problems: readonly ProblemOut[] }) {
  const { locale } = useLocale();
  const w = useWs();
  const t = useImportMessages();
  return (
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
          {problems.slice(0, 500).map((p, i) => (
            <tr key={i} data-line={p.line ?? ""} data-column={p.column ?? ""}>
              <td>{p.file}</td>
              <td className="num">{p.line ?? "—"}</td>
              <td>
                {p.column ?? "—"}
                {p.field !== undefined && p.field !== p.column && (
                  <span className="hint"> ({t.fieldInFile(fieldLabel(t, p.field))})</span>
                )}
              </td>
              <td>{p.value ?? "—"}</td>
              <td>
                {serverText({ text: p.reason, code: p.code, params: p.params }, locale, "reason")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
