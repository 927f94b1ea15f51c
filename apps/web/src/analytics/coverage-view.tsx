import { useQuery } from "@tanstack/react-query";
import { useCallback, useId, useMemo } from "react";
import { CoverageHeatmap, heatmapPng, heatmapSvg } from "@coherence/charts";
import type { HeatmapImageInput } from "@coherence/charts";
import { stampLines } from "../components/stamp";
import { num, text } from "../export/table-data";
import { centsToDecimal, formatRatio, formatUsdCents } from "../format";
import { useLocale } from "../i18n/locale";
import { useAnalyticsMessages } from "../i18n/analytics-messages";
import type { CoverageGrid } from "../api-types";
import type { ViewProps } from "../pages/analytics";
import { useTRPC } from "../trpc";
import { reportFilter, stampFilter } from "./analytics-state";
import type { CoverageSettings } from "./analytics-state";
import { cellPeriod } from "./maths";
import { ViewScaffold, ViewSections } from "./view-scaffold";
import { AnalyticsWhy } from "./why";

function CoverageControls({
  settings,
  onChange,
}: {
  settings: CoverageSettings;
  onChange: (next: CoverageSettings) => void;
}) {
  const a = useAnalyticsMessages();
  const id = useId();
  const thisYear = new Date().getUTCFullYear();
  const years: number[] = [];
  for (let y = Math.max(thisYear + 1, settings.toYear); y >= Math.min(2010, settings.fromYear); y--)
    years.push(y);
  const yearName = (y: number) =>
    settings.kind === "peacekeeping" ? `${y}/${String((y + 1) % 100).padStart(2, "0")}` : String(y);
  return (
    <form
      className="period-picker coverage-controls"
      onSubmit={(e) => {
        e.preventDefault();
      }}
    >
      <label htmlFor={`${id}-kind`}>{a.gridKind}</label>
      <select
        id={`${id}-kind`}
        value={settings.kind}
        onChange={(e) => {
          onChange({
            ...settings,
            kind: e.target.value === "calendar" ? "calendar" : "peacekeeping",
          });
        }}
      >
        {(["peacekeeping", "calendar"] as const).map((k) => (
          <option key={k} value={k}>
            {a.gridKinds[k]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-by`}>{a.granularity}</label>
      <select
        id={`${id}-by`}
        value={settings.granularity}
        onChange={(e) => {
          onChange({ ...settings, granularity: e.target.value === "quarter" ? "quarter" : "year" });
        }}
      >
        {(["year", "quarter"] as const).map((g) => (
          <option key={g} value={g}>
            {a.granularities[g]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-from`}>{a.fromYear}</label>
      <select
        id={`${id}-from`}
        value={settings.fromYear}
        onChange={(e) => {
          const fromYear = Number(e.target.value);
          onChange({ ...settings, fromYear, toYear: Math.max(fromYear, settings.toYear) });
        }}
      >
        {years.map((y) => (
          <option key={y} value={y}>
            {yearName(y)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-to`}>{a.toYear}</label>
      <select
        id={`${id}-to`}
        value={settings.toYear}
        onChange={(e) => {
          const toYear = Number(e.target.value);
          onChange({ ...settings, toYear, fromYear: Math.min(toYear, settings.fromYear) });
        }}
      >
        {years.map((y) => (
          <option key={y} value={y}>
            {yearName(y)}
          </option>
        ))}
      </select>
    </form>
  );
}

/** Coverage of every priority task in every period: heatmap (canvas, keyboard) and the same table. */
export default function CoverageView(props: ViewProps) {
  const { operation, state, go } = props;
  const trpc = useTRPC();
  const grid = useQuery(
    trpc.analytics.coverageGrid.queryOptions({
      operation,
      ...state.coverage,
      filter: reportFilter(state.filter),
    }),
  );
  return (
    <ViewScaffold
      query={grid}
      toolbar={
        <CoverageControls
          settings={state.coverage}
          onChange={(coverageSettings) => {
            go({ ...state, coverage: coverageSettings, why: null });
          }}
        />
      }
    >
      {(data) => <CoverageContent {...props} data={data} />}
    </ViewScaffold>
  );
}

function CoverageContent({ operation, state, go, data }: ViewProps & { data: CoverageGrid }) {
  const { messages: m, intlLocale } = useLocale();
  const a = useAnalyticsMessages();
  const settings = state.coverage;
  const filter = reportFilter(state.filter);
  const money = useCallback((c: number) => formatUsdCents(c, intlLocale), [intlLocale]);
  const coverage = useMemo(() => data.cells.map((row) => row.map((c) => c.coverage)), [data]);
  const rows = useMemo(
    () => data.tasks.map((t) => ({ key: t.taskCode, label: `${t.rank}. ${t.title}` })),
    [data],
  );
  const columns = useMemo(
    () => data.periods.map((p) => ({ key: String(p.index), label: p.label })),
    [data],
  );
  const cellText = useCallback(
    (r: number, c: number) =>
      formatRatio(data.cells[r]?.[c]?.coverageDecimal ?? null, intlLocale) ?? "—",
    [data, intlLocale],
  );
  const describeCell = useCallback(
    (r: number, c: number) => {
      const cell = data.cells[r]?.[c];
      if (!cell) return "";
      return a.cellDescription(
        rows[r]?.label ?? "",
        data.periods[c]?.label ?? "",
        formatRatio(cell.coverageDecimal, intlLocale) ?? m.noRequirement,
        money(cell.funded),
        money(cell.requirement),
        money(cell.gap),
      );
    },
    [data, rows, a, m, money, intlLocale],
  );
  const range = `${data.periods[0]?.label ?? ""} – ${data.periods[data.periods.length - 1]?.label ?? ""}`;
  const stampInput = {
    operation,
    extra: [[m.stampPeriod, range]] as const,
    asOf: data.asOf,
    ratesInForce: data.ratesInForce,
    filter: stampFilter(state.filter),
  };
  // The export draws every cell (the screen's canvas only the visible ones), stamped like the rest.
  const imageInput: HeatmapImageInput = {
    rows,
    columns,
    coverage,
    cellText,
    labels: {
      title: a.heatmapTitle(operation),
      description: a.heatmapDescription,
      bands: a.bands,
      noRequirement: m.noRequirement,
    },
    stamp: stampLines(stampInput, m, intlLocale),
  };
  const highlight = state.filter.task
    ? data.tasks.findIndex((t) => t.taskCode === state.filter.task)
    : -1;
  const whyMatch = state.why ? /^cell:(\d+):(\d+)$/.exec(state.why) : null;
  const whyCell = whyMatch ? { row: Number(whyMatch[1]), column: Number(whyMatch[2]) } : null;
  const whyTask = whyCell ? data.tasks[whyCell.row] : undefined;
  const whyPeriod = whyCell ? data.periods[whyCell.column] : undefined;
  const openWhy = (row: number, column: number) => {
    go({ ...state, why: `cell:${row}:${column}` });
  };
  return (
    <ViewSections
      intro={a.coverageIntro}
      empty={data.tasks.length === 0 && a.noTasksInRange}
      exports={{
        image: {
          svg: () => heatmapSvg(imageInput),
          png: () => heatmapPng(imageInput),
        },
        table: () => ({
          name: `${operation}-coverage-${settings.kind}-${settings.granularity}-${settings.fromYear}-${settings.toYear}`,
          header: [
            "Code",
            m.task,
            m.period,
            `${m.requirement} (USD)`,
            `${m.funded} (USD)`,
            `${m.gap} (USD)`,
            m.coverage,
          ],
          rows: data.tasks.flatMap((t, r) =>
            data.periods.map((p, c) => {
              const cell = data.cells[r]![c]!;
              return [
                text(t.taskCode),
                text(t.title),
                text(p.label),
                num(centsToDecimal(cell.requirement)),
                num(centsToDecimal(cell.funded)),
                num(centsToDecimal(cell.gap)),
                cell.coverageDecimal === null ? text("") : num(cell.coverageDecimal),
              ];
            }),
          ),
        }),
      }}
      stamp={stampInput}
    >
      <CoverageHeatmap
        rows={rows}
        columns={columns}
        coverage={coverage}
        cellText={cellText}
        describeCell={describeCell}
        highlightRow={highlight >= 0 ? highlight : null}
        labels={{
          title: a.heatmapTitle(operation),
          instructions: a.heatmapInstructions,
          bands: a.bands,
          noRequirement: m.noRequirement,
        }}
        onActivate={openWhy}
      />
      {whyTask && whyPeriod && whyCell && (
        <AnalyticsWhy
          operation={operation}
          period={cellPeriod(settings, whyPeriod)}
          filter={{ ...filter, taskCode: whyTask.taskCode, bucket: "task" }}
          measures={["requirement", "funded"]}
          title={a.cellWhy(`${whyTask.rank}. ${whyTask.title}`, whyPeriod.label)}
          onClose={() => {
            go({ ...state, why: null });
          }}
        />
      )}
      <div className="table-scroll">
        <table className="coverage-table">
          <caption>{a.coverageCaption(operation)}</caption>
          <thead>
            <tr>
              <th scope="col">{m.task}</th>
              {data.periods.map((p) => (
                <th key={p.index} scope="col" className="num">
                  {p.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.tasks.map((t, r) => (
              <tr
                key={t.taskCode}
                data-task={t.taskCode}
                className={r === highlight ? "selected-row" : undefined}
              >
                <th scope="row">
                  {t.rank}. {t.title}
                </th>
                {data.periods.map((p, c) => {
                  const cell = data.cells[r]![c]!;
                  return (
                    <td
                      key={p.index}
                      className="num"
                      data-period={p.label}
                      data-funded-cents={cell.funded}
                      data-requirement-cents={cell.requirement}
                      data-coverage={cell.coverageDecimal ?? ""}
                    >
                      <button
                        type="button"
                        className="figure-button"
                        aria-label={`${describeCell(r, c)} ${m.why}`}
                        onClick={() => {
                          openWhy(r, c);
                        }}
                      >
                        {cellText(r, c)}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ViewSections>
  );
}
