import { addRatios, compareBigRatios, reduce } from "./fraction";
import type { BigRatio } from "./fraction";
import type { TaskTable } from "./reconcile";
import { ratioToNumber } from "./ratio";

/** A ranked task's requirement and funding (USD cents), the input of {@link alignmentScore}. */
export interface AlignmentTask {
  taskCode: string;
  rank: number;
  requirement: number;
  funded: number;
}

/** A pair of tasks where the higher-ranked one has strictly lower (uncapped) coverage. */
export interface PriorityInversion {
  higher: { taskCode: string; rank: number; coverage: number };
  lower: { taskCode: string; rank: number; coverage: number };
}

export interface Alignment {
  /** Σ wᵢ·min(1, coverageᵢ) ÷ Σ wᵢ with wᵢ = 1/rankᵢ, for display; null if no task has a coverage. */
  score: number | null;
  /** The same, exact (print with `ratioToDecimalString`). */
  exact: BigRatio | null;
  /** Tasks with a defined coverage (requirement ≠ 0), i.e. those the score is over. */
  tasksCounted: number;
  inversions: PriorityInversion[];
}

/**
 * Alignment score and priority inversions of ranked tasks (BRIEF item 9). Tasks with a zero
 * requirement have no coverage and are left out of both.
 *
 * @example
 * alignmentScore([
 *   { taskCode: "POC", rank: 1, requirement: 100, funded: 50 },
 *   { taskCode: "SA", rank: 2, requirement: 100, funded: 100 },
 * ]); // → { score: 0.6666…, exact: 2/3, tasksCounted: 2, inversions: [{ higher: POC 0.5, lower: SA 1 }] }
 */
export function alignmentScore(tasks: readonly AlignmentTask[]): Alignment {
  const counted = tasks
    .filter((t) => t.requirement !== 0)
    .map((t) => ({ ...t, coverage: reduce(BigInt(t.funded), BigInt(t.requirement)) }))
    .sort((a, b) => a.rank - b.rank);
  if (counted.length === 0) return { score: null, exact: null, tasksCounted: 0, inversions: [] };
  const one: BigRatio = { numerator: 1n, denominator: 1n };
  let weighted: BigRatio = { numerator: 0n, denominator: 1n };
  let weights: BigRatio = { numerator: 0n, denominator: 1n };
  for (const t of counted) {
    const w = reduce(1n, BigInt(t.rank));
    const capped = compareBigRatios(t.coverage, one) > 0 ? one : t.coverage;
    weighted = addRatios(
      weighted,
      reduce(w.numerator * capped.numerator, w.denominator * capped.denominator),
    );
    weights = addRatios(weights, w);
  }
  const exact = reduce(
    weighted.numerator * weights.denominator,
    weighted.denominator * weights.numerator,
  );
  const inversions: PriorityInversion[] = [];
  for (let i = 0; i < counted.length; i++)
    for (let j = i + 1; j < counted.length; j++) {
      const hi = counted[i]!;
      const lo = counted[j]!;
      if (hi.rank < lo.rank && compareBigRatios(hi.coverage, lo.coverage) < 0)
        inversions.push({
          higher: { taskCode: hi.taskCode, rank: hi.rank, coverage: ratioToNumber(hi.coverage) },
          lower: { taskCode: lo.taskCode, rank: lo.rank, coverage: ratioToNumber(lo.coverage) },
        });
    }
  return { score: ratioToNumber(exact), exact, tasksCounted: counted.length, inversions };
}

/**
 * {@link alignmentScore} of an operation and period, over the tasks of the latest mandate version
 * in force (their ranks), from a {@link TaskTable}.
 * @example alignmentOf(rec.taskTable("MINUSCA", 2023)).score // → 0.93…
 */
export function alignmentOf(table: TaskTable): Alignment {
  return alignmentScore(
    table.tasks
      .filter((t) => t.inLatestMandate)
      .map((t) => ({
        taskCode: t.taskCode,
        rank: t.rank,
        requirement: t.figures.requirement,
        funded: t.figures.funded,
      })),
  );
}
