import { alignmentScore } from "./alignment";
import type { Alignment } from "./alignment";
import { execution } from "./execution";
import type { Execution } from "./execution";
import type { Figures } from "./figures";
import type { Reconciliation } from "./reconcile";

/** One entity's record for one operation and period (review area 4, "leadership and incentives"). */
export interface EntityScorecard {
  entityCode: string;
  /** All of the entity's figures for the operation and period. */
  figures: Figures;
  /** Alignment of the entity's own task coverage with the mandate's ranks. */
  alignment: Alignment;
  execution: Execution;
  /** Share of the entity's funding that is not tied to a task of the mandate, for display. */
  untaskedFundedShare: number | null;
  /** Tasks of the latest mandate the entity has a requirement or funding for. */
  tasksEngaged: number;
}

/**
 * Per-entity scorecards for one operation and period, sorted by entity code.
 * @example entityScorecards(rec, "MINUSCA", 2023).map((s) => [s.entityCode, s.alignment.score])
 */
export function entityScorecards(
  rec: Reconciliation,
  operationCode: string,
  periodIndex: number,
): EntityScorecard[] {
  const table = rec.taskTable(operationCode, periodIndex);
  const ranks = new Map(
    table.tasks.filter((t) => t.inLatestMandate).map((t) => [t.taskCode, t.rank]),
  );
  const where = { operationCode, periodIndex };
  const totals = rec.rows({ groupBy: ["entity"], where });
  const byTask = rec.rows({ groupBy: ["entity", "bucket", "task"], where });
  return totals
    .filter((row) => row.key.entityCode != null)
    .map(({ key, figures }) => {
      const entityCode = key.entityCode!;
      const own = byTask.filter((r) => r.key.entityCode === entityCode);
      const tasks = own
        .filter(
          (r) => r.key.bucket === "task" && r.key.taskCode != null && ranks.has(r.key.taskCode),
        )
        .map((r) => ({
          taskCode: r.key.taskCode!,
          rank: ranks.get(r.key.taskCode!)!,
          requirement: r.figures.requirement,
          funded: r.figures.funded,
        }));
      const untasked = own
        .filter((r) => r.key.bucket !== "task")
        .reduce((sum, r) => sum + r.figures.funded, 0);
      return {
        entityCode,
        figures,
        alignment: alignmentScore(tasks),
        execution: execution(figures),
        untaskedFundedShare: figures.funded === 0 ? null : untasked / figures.funded,
        tasksEngaged: tasks.filter((t) => t.requirement !== 0 || t.funded !== 0).length,
      };
    });
}
