// Paste from a spreadsheet: a block copied in Excel or LibreOffice (tab-separated) becomes rows
// of editable cells; every row is checked by the server (flow.createMany, dry run) and each
// error is shown in its cell; nothing is saved until every row is valid, then all at once.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useLocale } from "../i18n/locale";
import { useTRPC } from "../trpc";
import { errorInfo, localFieldErrors, localeAmountToDecimal, parseTsv } from "./common";
import type { FieldCodes, FieldErrors } from "./common";
import { ScopeNote } from "./scope-note";
import { useWs } from "./messages";
import type { WsMessages } from "./messages";

/** The columns of a pasted block, in the order of the flows CSV (and its export). */
export const PASTE_COLUMNS = [
  ["externalRef", "external_ref"],
  ["source", "source"],
  ["recipient", "recipient"],
  ["operation", "operation"],
  ["taskCode", "task_code"],
  ["fundingType", "funding_type"],
  ["status", "status"],
  ["amount", "amount"],
  ["currency", "currency"],
  ["date", "date"],
  ["periodStart", "period_start"],
  ["periodEnd", "period_end"],
  ["earmarking", "earmarking"],
  ["category", "category"],
  ["notes", "notes"],
] as const;
type Field = (typeof PASTE_COLUMNS)[number][0];
const NULLABLE = new Set<Field>([
  "externalRef",
  "operation",
  "taskCode",
  "earmarking",
  "category",
  "notes",
]);

type Row = Record<Field, string>;
/** A row's problems as the server sent them: English messages by field, and their codes. */
interface RowCheck {
  errors: FieldErrors;
  codes: FieldCodes;
}

function toRow(cells: string[]): Row {
  return Object.fromEntries(PASTE_COLUMNS.map(([f], i) => [f, (cells[i] ?? "").trim()])) as Row;
}

function toInput(row: Row, intlLocale: string): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [f] of PASTE_COLUMNS) {
    const v = row[f].trim();
    out[f] = v === "" && NULLABLE.has(f) ? null : v;
  }
  out.amount = localeAmountToDecimal(row.amount, intlLocale);
  return out;
}

function label(w: WsMessages, f: Field): string {
  return w[f];
}

function columnName(w: WsMessages, field: string): string {
  const known = PASTE_COLUMNS.find(([f]) => f === field);
  return known ? label(w, known[0]) : "—";
}

export function PasteRows() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const w = useWs();
  const { intlLocale, locale } = useLocale();
  const [rows, setRows] = useState<Row[]>([]);
  const [checks, setChecks] = useState<RowCheck[]>([]);
  // Said in the interface language at each render, so a change of language applies at once.
  const errors = checks.map((c) => localFieldErrors(c.errors, c.codes, locale));
  const [outcome, setOutcome] = useState<"ok" | "errors" | "saved" | null>(null);
  const [savedCount, setSavedCount] = useState(0);

  const createMany = useMutation(
    trpc.flow.createMany.mutationOptions({
      onSuccess: async (result, variables) => {
        setChecks(result.rows.map((r) => ({ errors: r.errors, codes: r.codes })));
        if (!result.ok) setOutcome("errors");
        else if (variables.dryRun) setOutcome("ok");
        else {
          setSavedCount(result.saved);
          setOutcome("saved");
          setRows([]);
          setChecks([]);
          await queryClient.invalidateQueries({ queryKey: trpc.flow.pathKey() });
          await queryClient.invalidateQueries({ queryKey: trpc.report.pathKey() });
        }
      },
      onError: (error) => {
        const refusal = [errorInfo(error, locale).message];
        setChecks(rows.map(() => ({ errors: { _row: refusal }, codes: {} })));
        setOutcome("errors");
      },
    }),
  );
  const run = (list: Row[], dryRun: boolean) => {
    if (list.length === 0) return;
    createMany.mutate({ rows: list.map((r) => toInput(r, intlLocale)), dryRun });
  };
  const badRows = errors.filter((e) => Object.keys(e).length > 0).length;

  return (
    <section aria-labelledby="paste-title">
      <h2 id="paste-title">{w.pasteTitle}</h2>
      <ScopeNote />
      <p>{w.pasteIntro}</p>
      <p className="note">
        {w.pasteOrder} {PASTE_COLUMNS.map(([, header]) => header).join(" · ")}
      </p>
      <label className="paste-label">
        {w.pasteBox}
        <textarea
          className="paste-box"
          rows={3}
          value=""
          onChange={() => undefined}
          onPaste={(e) => {
            e.preventDefault();
            let cells = parseTsv(e.clipboardData.getData("text/plain"));
            if (cells[0]?.[0]?.trim().toLowerCase() === "external_ref") cells = cells.slice(1);
            const next = [...rows, ...cells.map(toRow)];
            setRows(next);
            setOutcome(null);
            run(next, true);
          }}
        />
      </label>
      {rows.length > 0 && (
        <>
          <div className="table-scroll">
            <table className="paste-table">
              <caption>{w.pasteRows}</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  {PASTE_COLUMNS.map(([f]) => (
                    <th scope="col" key={f}>
                      {label(w, f)}
                    </th>
                  ))}
                  <th scope="col">{w.reason}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => {
                  const rowErrors = errors[i] ?? {};
                  const bad = Object.keys(rowErrors).length > 0;
                  return (
                    <tr
                      key={i}
                      data-row={i + 1}
                      data-valid={errors[i] ? String(!bad) : undefined}
                      className={bad ? "row-invalid" : undefined}
                    >
                      <th scope="row">{i + 1}</th>
                      {PASTE_COLUMNS.map(([f]) => {
                        const messages = rowErrors[f];
                        const errorId = `paste-${i}-${f}-error`;
                        return (
                          <td key={f} className={messages ? "cell-invalid" : undefined}>
                            <input
                              aria-label={w.rowN(String(i + 1)) + ", " + label(w, f)}
                              data-field={f}
                              size={f === "notes" ? 18 : 10}
                              value={row[f]}
                              aria-invalid={messages ? true : undefined}
                              aria-describedby={messages ? errorId : undefined}
                              onChange={(e) => {
                                const next = rows.slice();
                                next[i] = { ...row, [f]: e.target.value };
                                setRows(next);
                              }}
                            />
                            {messages && (
                              <span id={errorId} className="field-error">
                                {messages.join(" ")}
                              </span>
                            )}
                          </td>
                        );
                      })}
                      <td className="row-status">
                        {bad
                          ? Object.entries(rowErrors)
                              .map(([f, msgs]) =>
                                w.cellError(
                                  String(i + 1),
                                  columnName(w, f),
                                  (msgs ?? []).join(" "),
                                ),
                              )
                              .join(" ")
                          : errors[i]
                            ? w.rowOk
                            : ""}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="toolbar">
            <button
              type="button"
              disabled={createMany.isPending}
              onClick={() => {
                run(rows, true);
              }}
            >
              {createMany.isPending ? w.checking : w.check}
            </button>
            <button
              type="button"
              disabled={createMany.isPending}
              onClick={() => {
                run(rows, false);
              }}
            >
              {w.saveRows(String(rows.length))}
            </button>
            <button
              type="button"
              onClick={() => {
                setRows([]);
                setChecks([]);
                setOutcome(null);
              }}
            >
              {w.clearRows}
            </button>
          </div>
        </>
      )}
      <p role="status" className={outcome === "errors" ? "error" : "ok"}>
        {outcome === "ok"
          ? w.rowsOk
          : outcome === "errors"
            ? w.rowsWithErrors(String(badRows))
            : outcome === "saved"
              ? w.rowsSaved(String(savedCount))
              : ""}
      </p>
    </section>
  );
}
