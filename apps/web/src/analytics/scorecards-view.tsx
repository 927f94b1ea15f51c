import { useQuery } from "@tanstack/react-query";
import { num, text } from "../export/table-data";
import { centsToDecimal, formatRatio, formatUsdCents, periodName } from "../format";
import { useLocale } from "../i18n/locale";
import { useAnalyticsMessages } from "../i18n/analytics-messages";
import type { DrilldownReport, OperationReport, ScorecardsReport } from "../api-types";
import type { ViewProps } from "../pages/analytics";
import { useTRPC } from "../trpc";
import { CentsCell, FiguresTable } from "../components/figures-table";
import { EntityRow } from "./entity-row";
import { entityTaskShares, permilleText } from "./maths";
import { allLoaded } from "./loadable";
import { ViewPeriodPicker, ViewScaffold, ViewSections } from "./view-scaffold";
import { AnalyticsWhy } from "./why";

/** Per entity: its share of each task's funding and gaps, and its alignment with the ranking. */
export default function ScorecardsView(props: ViewProps) {
  const { operation, state, go } = props;
  const trpc = useTRPC();
  const period = state.period;
  const scorecards = useQuery(trpc.report.scorecards.queryOptions({ operation, period }));
  const drill = useQuery(trpc.report.drilldown.queryOptions({ operation, period, by: "entity" }));
  const tasks = useQuery(trpc.report.operation.queryOptions({ operation, period }));
  return (
    <ViewScaffold
      query={allLoaded({ scorecards, drill, tasks })}
      toolbar={<ViewPeriodPicker state={state} go={go} />}
    >
      {(data) => <ScorecardsContent {...props} {...data} />}
    </ViewScaffold>
  );
}

function ScorecardsContent({
  operation,
  state,
  go,
  names,
  scorecards,
  drill,
  tasks,
}: ViewProps & { scorecards: ScorecardsReport; drill: DrilldownReport; tasks: OperationReport }) {
  const { messages: m, intlLocale } = useLocale();
  const a = useAnalyticsMessages();
  const period = state.period;
  const money = (c: number) => formatUsdCents(c, intlLocale);
  const periodText = periodName(period, intlLocale);
  const taskList = tasks.tasks;
  const shares = entityTaskShares(
    drill.rows,
    taskList.map((t) => t.taskCode),
  );
  const cards = scorecards.entities;
  const stampInput = { operation, period, asOf: scorecards.asOf };
  const selectedEntity = state.filter.entity;
  const whyMatch = state.why ? /^share:([^:]+):([^:]+)$/.exec(state.why) : null;
  const taskTitle = (code: string) => {
    const t = taskList.find((x) => x.taskCode === code);
    return t ? `${t.rank}. ${t.title}` : code;
  };
  const shareText = (p: number | null) => (p === null ? "—" : permilleText(p, intlLocale));
  return (
    <ViewSections
      intro={a.scorecardsIntro}
      lead={
        state.filter.donor ? (
          <p className="note">{a.filterNotApplicable(m.filterLabels.donorCode ?? "")}</p>
        ) : null
      }
      empty={cards.length === 0 && a.noScorecards}
      exports={{
        table: () => ({
          name: `${operation}-${periodText}-scorecards`,
          header: [
            m.entity,
            "Code",
            m.task,
            `${m.requirement} (USD)`,
            `${m.funded} (USD)`,
            `${m.gap} (USD)`,
            a.shareOfFunding,
            a.shareOfGap,
          ],
          rows: [...shares].flatMap(([entity, byTask]) =>
            taskList.map((t) => {
              const c = byTask.get(t.taskCode)!;
              return [
                text(names.org(entity)),
                text(t.taskCode),
                text(t.title),
                num(centsToDecimal(c.requirement)),
                num(centsToDecimal(c.funded)),
                num(centsToDecimal(c.gap)),
                c.fundedPermille === null ? text("") : num((c.fundedPermille / 1000).toFixed(3)),
                c.gapPermille === null ? text("") : num((c.gapPermille / 1000).toFixed(3)),
              ];
            }),
          ),
        }),
      }}
      stamp={stampInput}
    >
      <FiguresTable
        className="scorecards-table"
        caption={a.scorecardsCaption(operation, periodText)}
        columns={[
          { header: m.entity },
          { header: m.requirement, figures: true },
          { header: m.funded, figures: true },
          { header: a.alignment, figures: true },
          { header: a.inversions, figures: true },
          { header: a.tasksEngaged, figures: true },
          { header: a.untaskedShare, figures: true },
          { header: a.implementationRate, figures: true },
        ]}
      >
        {cards.map((c) => (
          <EntityRow
            key={c.entityCode}
            entity={c.entityCode}
            name={names.org(c.entityCode)}
            selected={selectedEntity === c.entityCode}
          >
            <CentsCell cents={c.figures.requirement} />
            <CentsCell cents={c.figures.funded} />
            <td className="num" data-score={c.alignment.scoreDecimal ?? ""}>
              {formatRatio(c.alignment.scoreDecimal, intlLocale) ?? m.notApplicable}
            </td>
            <td className="num">{c.alignment.inversions.length}</td>
            <td className="num">{c.tasksEngaged}</td>
            <td className="num">
              {c.untaskedFundedShare === null
                ? m.notApplicable
                : formatRatio(String(c.untaskedFundedShare), intlLocale)}
            </td>
            <td className="num">
              {c.execution.implementationRate === null
                ? m.notApplicable
                : formatRatio(String(c.execution.implementationRate), intlLocale)}
            </td>
          </EntityRow>
        ))}
      </FiguresTable>
      <FiguresTable
        className="shares-table"
        caption={a.sharesCaption(operation, periodText)}
        columns={[
          { header: m.entity },
          ...taskList.map((t) => ({
            key: t.taskCode,
            header: `${t.rank}. ${t.title}`,
            figures: true,
            className: state.filter.task === t.taskCode ? "selected-col" : undefined,
          })),
        ]}
      >
        {[...shares].map(([entity, byTask]) => (
          <EntityRow
            key={entity}
            entity={entity}
            name={names.org(entity)}
            selected={selectedEntity === entity}
          >
            {taskList.map((t) => {
              const c = byTask.get(t.taskCode)!;
              return (
                <td
                  key={t.taskCode}
                  className="num"
                  data-task={t.taskCode}
                  data-funded-cents={c.funded}
                  data-funded-permille={c.fundedPermille ?? ""}
                  data-gap-permille={c.gapPermille ?? ""}
                >
                  <button
                    type="button"
                    className="figure-button"
                    aria-label={`${names.org(entity)}, ${taskTitle(t.taskCode)}: ${a.shareOfFunding} ${shareText(c.fundedPermille)}, ${a.shareOfGap} ${shareText(c.gapPermille)}; ${m.funded} ${money(c.funded)}. ${m.why}`}
                    onClick={() => {
                      go({ ...state, why: `share:${entity}:${t.taskCode}` });
                    }}
                  >
                    {shareText(c.fundedPermille)}
                    <span className="detail">
                      {a.shareOfGap}: {shareText(c.gapPermille)}
                    </span>
                  </button>
                </td>
              );
            })}
          </EntityRow>
        ))}
      </FiguresTable>
      <p className="note">
        {a.shareOfFunding} / {a.shareOfGap}
      </p>
      {whyMatch && (
        <AnalyticsWhy
          operation={operation}
          period={period}
          filter={{ entityCode: whyMatch[1]!, taskCode: whyMatch[2]!, bucket: "task" }}
          measures={["requirement", "funded"]}
          title={`${names.org(whyMatch[1]!)}, ${taskTitle(whyMatch[2]!)}`}
          onClose={() => {
            go({ ...state, why: null });
          }}
        />
      )}
    </ViewSections>
  );
}
