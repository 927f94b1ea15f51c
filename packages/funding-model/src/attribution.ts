import { allocateLargestRemainder } from "./allocate";

/** A task's weight for attribution: its appropriated requirement in USD cents. */
export interface AttributionWeight {
  taskCode: string;
  rank: number;
  weightCents: number;
}

/** One task's attributed part. */
export interface AttributedPart {
  taskCode: string;
  amountCents: number;
  weightCents: number;
}

/**
 * Attributes assessed money that has no task to the operation's tasks in proportion to their
 * appropriated requirements from the same entity and period, by largest remainder with ties to
 * the higher-ranked task (BRIEF item 7). Returns null when no task has an appropriated
 * requirement: the money then stays "Not specified" rather than being spread by guesswork.
 * Tasks are considered in rank order (then code), whatever order they are given in.
 *
 * @example
 * attributeToTasks(100, [
 *   { taskCode: "STATE-AUTH", rank: 2, weightCents: 5000 },
 *   { taskCode: "CIV-PROTECT", rank: 1, weightCents: 5000 },
 * ]); // → [{ taskCode: "CIV-PROTECT", amountCents: 50, … }, { taskCode: "STATE-AUTH", amountCents: 50, … }]
 * attributeToTasks(1, [...the same]); // → CIV-PROTECT 1, STATE-AUTH 0 (tie → higher rank)
 */
export function attributeToTasks(
  amountCents: number,
  weights: readonly AttributionWeight[],
): AttributedPart[] | null {
  const ordered = [...weights].sort(
    (a, b) => a.rank - b.rank || (a.taskCode < b.taskCode ? -1 : a.taskCode > b.taskCode ? 1 : 0),
  );
  if (!ordered.some((w) => w.weightCents > 0)) return null;
  const parts = allocateLargestRemainder(
    amountCents,
    ordered.map((w) => w.weightCents),
  );
  return ordered.map((w, i) => ({
    taskCode: w.taskCode,
    amountCents: parts[i]!,
    weightCents: w.weightCents,
  }));
}
