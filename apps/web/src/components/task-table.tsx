import type { OperationReport, Figures } from "../api-types";
import { num, text } from "../export/table-data";
import type { ExportTable } from "../export/table-data";
import { centsToDecimal, formatRatio, formatUsdCents } from "../format";
import { useLocale } from "../i18n/locale";
import type { Messages } from "../i18n/messages";
import { FUNDING_TYPES } from "../url-state";
import type { Measure, WhyTarget } from "../url-state";
import { taskName } from "./names";

interface Row {
  taskCode: string | null;
  rank: number | null;
  title: string;
  figures: Figures;
  fundedByType: Record<string, number>;
}

export function taskRows(report: OperationReport, m: Messages): Row[] {
  return [
    ...report.tasks.map((t) => ({
      taskCode: t.taskCode,
      rank: t.rank,
      title: t.title,
      figures: t.figures,
      fundedByType: t.fundedByType,
    })),
    {
      taskCode: null,
      rank: null,
      title: m.notSpecified,
      figures: report.notSpecified.figures,
      fundedByType: report.notSpecified.fundedByType,
    },
  ];
}

/** The task table as exports carry it: exact decimal amounts, one column per measure. */
export function taskExportTable(
  report: OperationReport,
  name: string,
  stamp: ExportTable["stamp"],
  m: Messages,
): ExportTable {
  const money = (c: number) => num(centsToDecimal(c));
  const line = (
    rank: string,
    code: string,
    title: string,
    f: Figures,
    byType: Record<string, number> | null,
  ) => [
    text(rank),
    text(code),
    text(title),
    money(f.requirement),
    money(f.pledged),
    money(f.committed),
    money(f.paid),
    money(f.funded),
    money(f.gap),
    money(f.surplus),
    money(f.attributed.funded),
    ...FUNDING_TYPES.map((t) => (byType ? money(byType[t] ?? 0) : text(""))),
    f.coverageDecimal === null ? text("") : num(f.coverageDecimal),
  ];
  return {
    name,
    stamp,
    header: [
      m.rank,
      "Code",
      m.task,
      `${m.requirement} (USD)`,
      `${m.pledged} (USD)`,
      `${m.committed} (USD)`,
      `${m.paid} (USD)`,
      `${m.funded} (USD)`,
      `${m.gap} (USD)`,
      `${m.surplus} (USD)`,
      `${m.attributedShort} (USD)`,
      ...FUNDING_TYPES.map((t) => `${m.funded}: ${m.fundingTypes[t] ?? t} (USD)`),
      m.coverage,
    ],
    rows: [
      ...taskRows(report, m).map((r) =>
        line(
          r.rank === null ? "" : String(r.rank),
          r.taskCode ?? "",
          r.title,
          r.figures,
          r.fundedByType,
        ),
      ),
      line("", "", m.total, report.total, null),
    ],
  };
}

/** The same numbers as the chart, as a real table; every amount opens its explanation. */
export function TaskTable({
  report,
  caption,
  onWhy,
  className,
}: {
  report: OperationReport;
  caption: string;
  onWhy: ((target: WhyTarget) => void) | null;
  className?: string;
}) {
  const { messages: m, intlLocale } = useLocale();
  const money = (c: number) => formatUsdCents(c, intlLocale);
  const cell = (r: Row, measure: Measure, cents: number) => (
    <td className="num" data-measure={measure} data-cents={cents}>
      {onWhy ? (
        <button
          type="button"
          className="figure-button"
          aria-label={`${money(cents)} — ${m.whyFor(m[measure === "pledged" ? "pledged" : measure], taskName(report, r.taskCode, m))}`}
          onClick={() => {
            onWhy({ taskCode: r.taskCode, measure });
          }}
        >
          {money(cents)}
        </button>
      ) : (
        money(cents)
      )}
    </td>
  );
  return (
    <div className={`table-scroll ${className ?? ""}`}>
      <table className="task-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.rank}</th>
            <th scope="col">{m.task}</th>
            <th scope="col" className="num">
              {m.requirement}
            </th>
            <th scope="col" className="num">
              {m.funded}
            </th>
            <th scope="col" className="num">
              {m.gap}
            </th>
            <th scope="col" className="num">
              {m.pledged}
            </th>
            <th scope="col" className="num">
              {m.attributedShort}
            </th>
            <th scope="col" className="num">
              {m.coverage}
            </th>
          </tr>
        </thead>
        <tbody>
          {taskRows(report, m).map((r) => (
            <tr key={r.taskCode ?? "_"} data-task={r.taskCode ?? "_not-specified"}>
              <td>{r.rank ?? "—"}</td>
              <th scope="row">{r.title}</th>
              {cell(r, "requirement", r.figures.requirement)}
              {cell(r, "funded", r.figures.funded)}
              {cell(r, "gap", r.figures.gap)}
              {cell(r, "pledged", r.figures.pledged)}
              <td className="num">{money(r.figures.attributed.funded)}</td>
              <td className="num">
                {formatRatio(r.figures.coverageDecimal, intlLocale) ?? m.noRequirement}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td />
            <th scope="row">{m.total}</th>
            <td className="num">{money(report.total.requirement)}</td>
            <td className="num">{money(report.total.funded)}</td>
            <td className="num">{money(report.total.gap)}</td>
            <td className="num">{money(report.total.pledged)}</td>
            <td className="num">{money(report.total.attributed.funded)}</td>
            <td className="num">
              {formatRatio(report.total.coverageDecimal, intlLocale) ?? m.noRequirement}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
