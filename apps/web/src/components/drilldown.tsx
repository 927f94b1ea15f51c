import { useQuery } from "@tanstack/react-query";
import type { DrilldownReport, OperationReport } from "../api-types";
import { num, text } from "../export/table-data";
import type { ExportTable } from "../export/table-data";
import { centsToDecimal, formatUsdCents } from "../format";
import { useLocale } from "../i18n/locale";
import type { Messages } from "../i18n/messages";
import { useTRPC } from "../trpc";
import { DRILL_DIMENSIONS, DRILL_FILTER_KEY } from "../url-state";
import type { DrillBy, Filter, Period, WhyTarget } from "../url-state";
import { ExportBar } from "./export-bar";
import { taskName } from "./names";
import { valueName } from "./names";
import { Empty, LoadError, Loading } from "./states";

interface Matrix {
  values: (string | null)[];
  rows: {
    taskCode: string | null;
    bucket: string;
    cells: Map<string | null, number>;
    total: number;
  }[];
  columnTotals: Map<string | null, number>;
}

/** Funded per task × value, columns ordered by their total (largest first), empty ones dropped. */
export function drillMatrix(drill: DrilldownReport, report: OperationReport): Matrix {
  const columnTotals = new Map<string | null, number>();
  for (const r of drill.rows) {
    columnTotals.set(r.value, (columnTotals.get(r.value) ?? 0) + r.figures.funded);
  }
  const values = [...columnTotals.entries()]
    .filter(([, total]) => total !== 0)
    .sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))
    .map(([v]) => v);
  const order: { taskCode: string | null; bucket: string }[] = [
    ...report.tasks.map((t) => ({ taskCode: t.taskCode, bucket: "task" })),
    { taskCode: null, bucket: "not_specified" },
    { taskCode: null, bucket: "unallocated" },
  ];
  const rows = order
    .map(({ taskCode, bucket }) => {
      const cells = new Map<string | null, number>();
      for (const r of drill.rows) {
        if (r.bucket !== bucket || (bucket === "task" && r.taskCode !== taskCode)) continue;
        cells.set(r.value, (cells.get(r.value) ?? 0) + r.figures.funded);
      }
      const total = [...cells.values()].reduce((a, b) => a + b, 0);
      return { taskCode, bucket, cells, total };
    })
    .filter((r) => r.bucket === "task" || r.cells.size > 0);
  return { values, rows, columnTotals };
}

function drillExport(
  drill: DrilldownReport,
  report: OperationReport,
  by: DrillBy,
  name: string,
  stamp: ExportTable["stamp"],
  m: Messages,
  organizations: ReadonlyMap<string, string>,
): ExportTable {
  const money = (c: number) => num(centsToDecimal(c));
  return {
    name,
    stamp,
    header: [
      "Bucket",
      "Code",
      m.task,
      m.drillDimensions[by] ?? by,
      `${m.requirement} (USD)`,
      `${m.pledged} (USD)`,
      `${m.committed} (USD)`,
      `${m.paid} (USD)`,
      `${m.funded} (USD)`,
    ],
    rows: drill.rows.map((r) => [
      text(r.bucket),
      text(r.taskCode ?? ""),
      text(r.bucket === "unallocated" ? m.unallocatedTitle : taskName(report, r.taskCode, m)),
      text(valueName(by, r.value, m, organizations)),
      money(r.figures.requirement),
      money(r.figures.pledged),
      money(r.figures.committed),
      money(r.figures.paid),
      money(r.figures.funded),
    ]),
  };
}

/** Break an operation's funding down by entity, category, funding type or donor. */
export function Drilldown({
  operation,
  period,
  by,
  report,
  organizations,
  exportName,
  stamp,
  onBy,
  onFilter,
  onWhy,
}: {
  operation: string;
  period: Period;
  by: DrillBy | null;
  report: OperationReport;
  organizations: ReadonlyMap<string, string>;
  exportName: string;
  stamp: ExportTable["stamp"];
  onBy: (by: DrillBy | null) => void;
  onFilter: (filter: Filter) => void;
  /** Opens "why this number?" on a cell (its column's value) or a row's total (no value). */
  onWhy: (target: WhyTarget) => void;
}) {
  const trpc = useTRPC();
  const { messages: m, intlLocale } = useLocale();
  const drill = useQuery({
    ...trpc.report.drilldown.queryOptions({ operation, period, by: by ?? "donor" }),
    enabled: by !== null,
  });
  const money = (c: number) => formatUsdCents(c, intlLocale);
  return (
    <section className="drilldown" aria-labelledby="drilldown-title">
      <h2 id="drilldown-title">{m.drilldownTitle}</h2>
      <div role="group" aria-label={m.drillBy} className="segmented">
        <span aria-hidden="true" className="segmented-label">
          {m.drillBy}
        </span>
        <button
          type="button"
          aria-pressed={by === null}
          onClick={() => {
            onBy(null);
          }}
        >
          {m.drillNone}
        </button>
        {DRILL_DIMENSIONS.map((d) => (
          <button
            key={d}
            type="button"
            aria-pressed={by === d}
            onClick={() => {
              onBy(d);
            }}
          >
            {m.drillDimensions[d]}
          </button>
        ))}
      </div>
      {by !== null &&
        (drill.isPending ? (
          <Loading />
        ) : drill.isError ? (
          <LoadError error={drill.error} retry={() => void drill.refetch()} />
        ) : (
          (() => {
            const matrix = drillMatrix(drill.data, report);
            if (matrix.values.length === 0) return <Empty>{m.drillEmpty}</Empty>;
            const caption = m.drillCaption(
              (m.drillDimensions[by] ?? by).toLowerCase(),
              operation,
              drill.data.period.label,
            );
            return (
              <>
                <ExportBar
                  label={`${m.exportTitle}: ${caption}`}
                  table={() =>
                    drillExport(drill.data, report, by, exportName, stamp, m, organizations)
                  }
                />
                <div className="table-scroll">
                  <table className="drill-table" data-by={by}>
                    <caption>{caption}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{m.task}</th>
                        {matrix.values.map((v) => {
                          const name = valueName(by, v, m, organizations);
                          return (
                            <th scope="col" key={v ?? "_"} className="num" data-value={v ?? ""}>
                              {v === null ? (
                                name
                              ) : (
                                <button
                                  type="button"
                                  className="figure-button"
                                  aria-label={m.filterBy(name)}
                                  title={m.filterBy(name)}
                                  onClick={() => {
                                    onFilter({ [DRILL_FILTER_KEY[by]]: v });
                                  }}
                                >
                                  {name}
                                </button>
                              )}
                            </th>
                          );
                        })}
                        <th scope="col" className="num">
                          {m.total}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {matrix.rows.map((r) => {
                        const rowName =
                          r.bucket === "unallocated"
                            ? m.unallocatedTitle
                            : taskName(report, r.taskCode, m);
                        const target = (value?: string | null): WhyTarget => ({
                          taskCode: r.taskCode,
                          measure: "funded",
                          ...(r.bucket === "unallocated" ? { unallocated: true } : {}),
                          drill: value === undefined ? { by } : { by, value },
                        });
                        return (
                          <tr
                            key={`${r.bucket}-${r.taskCode ?? ""}`}
                            data-task={r.taskCode ?? r.bucket}
                          >
                            <th scope="row">{rowName}</th>
                            {matrix.values.map((v) => {
                              const cents = r.cells.get(v) ?? 0;
                              return (
                                <td
                                  key={v ?? "_"}
                                  className="num"
                                  data-cents={cents}
                                  data-value={v ?? ""}
                                >
                                  {v === null && by === "category" ? (
                                    money(cents)
                                  ) : (
                                    <button
                                      type="button"
                                      className="figure-button"
                                      aria-label={`${money(cents)} — ${m.whyForDrill(
                                        m.funded,
                                        rowName,
                                        m.drillDimensions[by] ?? by,
                                        valueName(by, v, m, organizations),
                                      )}`}
                                      onClick={() => {
                                        onWhy(target(v));
                                      }}
                                    >
                                      {money(cents)}
                                    </button>
                                  )}
                                </td>
                              );
                            })}
                            <td className="num" data-total-cents={r.total}>
                              <button
                                type="button"
                                className="figure-button"
                                aria-label={`${money(r.total)} — ${m.whyFor(m.funded, rowName)}`}
                                onClick={() => {
                                  onWhy(target());
                                }}
                              >
                                {money(r.total)}
                              </button>
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              </>
            );
          })()
        ))}
    </section>
  );
}
