import { requirementByLine } from "./requirement";
import type { FlowRow, PriorityTask, RequirementRow } from "./types";

/** Figures for one priority task (or the "Not specified" bucket, `taskCode: null`), in USD cents. */
export interface TaskGap {
  taskCode: string | null;
  title: string | null;
  rank: number | null;
  requirement: number;
  pledged: number;
  committed: number;
  paid: number;
  /** committed + paid; pledges never count as funding. */
  funded: number;
  /** max(0, requirement − funded) */
  gap: number;
  /** max(0, funded − requirement) */
  surplus: number;
  /** funded ÷ requirement, or null when the requirement is 0. */
  coverage: number | null;
}

function emptyGap(task: PriorityTask | null): TaskGap {
  return {
    taskCode: task?.code ?? null,
    title: task?.title ?? null,
    rank: task?.rank ?? null,
    requirement: 0,
    pledged: 0,
    committed: 0,
    paid: 0,
    funded: 0,
    gap: 0,
    surplus: 0,
    coverage: null,
  };
}

/**
 * Requirement, funding and gap per priority task, in mandate rank order, followed by the
 * "Not specified" bucket for money without a (known) task.
 *
 * @example
 * computeTaskGaps(
 *   [{ code: "POC", title: "Protection of civilians", rank: 1 }],
 *   [{ lineRef: "L1", taskCode: "POC", stage: "appropriated", amountUsdCents: 100_00 }],
 *   [{ taskCode: "POC", status: "paid", amountUsdCents: 60_00 }],
 * )[0]; // → { taskCode: "POC", requirement: 10000, funded: 6000, gap: 4000, coverage: 0.6, ... }
 */
export function computeTaskGaps(
  tasks: readonly PriorityTask[],
  requirements: readonly RequirementRow[],
  flows: readonly FlowRow[],
): TaskGap[] {
  const byCode = new Map<string, TaskGap>();
  const ordered = [...tasks].sort((a, b) => a.rank - b.rank);
  for (const task of ordered) byCode.set(task.code, emptyGap(task));
  const notSpecified = emptyGap(null);
  const bucket = (code: string | null) =>
    code === null ? notSpecified : (byCode.get(code) ?? notSpecified);

  for (const line of requirementByLine(requirements)) {
    bucket(line.taskCode).requirement += line.amountUsdCents;
  }
  for (const flow of flows) {
    bucket(flow.taskCode)[flow.status] += flow.amountUsdCents;
  }

  return [...byCode.values(), notSpecified].map((row) => {
    const funded = row.committed + row.paid;
    return {
      ...row,
      funded,
      gap: Math.max(0, row.requirement - funded),
      surplus: Math.max(0, funded - row.requirement),
      coverage: row.requirement === 0 ? null : funded / row.requirement,
    };
  });
}
