import { toDayNumber } from "./dates";
import type { IsoDate } from "./dates";
import type { Mandate, PriorityTask } from "./types";

/** A task of the mandate(s) in force during a period. */
export interface TaskInForce extends PriorityTask {
  /** False for a task only found in an earlier version in force during the same period. */
  inLatestMandate: boolean;
  resolution: string;
}

/** What the mandates say about one operation and period. */
export interface MandateView {
  /** The latest version in force (by adoption date), or null: an operation without a mandate. */
  latest: Mandate | null;
  /** Tasks of the latest version by rank, then tasks only in earlier versions in force, by rank. */
  tasks: TaskInForce[];
}

function byRank(a: PriorityTask, b: PriorityTask): number {
  return a.rank - b.rank || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/**
 * The tasks of an operation's mandate versions in force during [from, to]. Ranks come from the
 * latest version in force (BRIEF item 9); a task dropped by that version but in force earlier in
 * the period is kept after them, so its money is not lost to "Not specified".
 *
 * @example
 * mandateView(mandates, "MINUSCA", "2023-07-01", "2024-06-30").tasks.map((t) => t.code)
 * // → ["CIV-PROTECT", "STATE-AUTH", "PEACE-PROC", "HUMANITARIAN", "UN-PROTECT"]
 */
export function mandateView(
  mandates: readonly Mandate[],
  operationCode: string,
  from: IsoDate,
  to: IsoDate,
): MandateView {
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  const inForce = mandates
    .filter(
      (m) =>
        m.operationCode === operationCode &&
        toDayNumber(m.periodStart) <= end &&
        toDayNumber(m.periodEnd) >= start,
    )
    .sort(
      (a, b) =>
        toDayNumber(b.adoptedOn) - toDayNumber(a.adoptedOn) ||
        toDayNumber(b.periodStart) - toDayNumber(a.periodStart) ||
        (a.resolution < b.resolution ? 1 : -1),
    );
  const latest = inForce[0] ?? null;
  if (!latest) return { latest: null, tasks: [] };
  const tasks: TaskInForce[] = [...latest.tasks]
    .sort(byRank)
    .map((t) => ({ ...t, inLatestMandate: true, resolution: latest.resolution }));
  const seen = new Set(tasks.map((t) => t.code));
  const older: TaskInForce[] = [];
  for (const m of inForce.slice(1))
    for (const t of m.tasks)
      if (!seen.has(t.code)) {
        seen.add(t.code);
        older.push({ ...t, inLatestMandate: false, resolution: m.resolution });
      }
  return { latest, tasks: [...tasks, ...older.sort(byRank)] };
}
