// The gaps table as plain JSON for scripts (`coherence report gaps --json`): USD amounts as
// decimal strings, coverage as a decimal string or null, one row per task plus "Not specified".
import { formatAmount } from "@coherence/funding-model";
import type { OperationReport } from "./operation-report";

export interface GapsRow {
  task_code: string | null;
  rank: number | null;
  title: string;
  /** False for a task only in an earlier mandate version in force during the period. */
  in_latest_mandate: boolean;
  requirement: string;
  pledged: string;
  committed: string;
  paid: string;
  funded: string;
  gap: string;
  surplus: string;
  coverage: string | null;
}

export interface GapsJson {
  operation: string;
  period: { kind: string; start: string; end: string; label: string };
  resolution: string | null;
  tasks: GapsRow[];
  alignment: { score: string | null; tasks_counted: number; inversions: string[] };
}

const usd = (cents: number) => formatAmount(cents, "USD");

function row(
  taskCode: string | null,
  rank: number | null,
  title: string,
  inLatest: boolean,
  f: OperationReport["total"],
): GapsRow {
  return {
    task_code: taskCode,
    rank,
    title,
    in_latest_mandate: inLatest,
    requirement: usd(f.requirement),
    pledged: usd(f.pledged),
    committed: usd(f.committed),
    paid: usd(f.paid),
    funded: usd(f.funded),
    gap: usd(f.gap),
    surplus: usd(f.surplus),
    coverage: f.coverageDecimal,
  };
}

/**
 * The JSON of `coherence report gaps --json`.
 * @example gapsJson(await operationReport(db, "MINUSCA", { kind: "calendar", year: 2025 })).tasks[0].funded // → "1234.50"
 */
export function gapsJson(report: OperationReport): GapsJson {
  return {
    operation: report.operation.code,
    period: {
      kind: report.period.kind,
      start: report.period.from,
      end: report.period.to,
      label: report.period.label,
    },
    resolution: report.resolution,
    tasks: [
      ...report.tasks.map((t) => row(t.taskCode, t.rank, t.title, t.inLatestMandate, t.figures)),
      row(null, null, "Not specified", true, report.notSpecified.figures),
    ],
    alignment: {
      score: report.alignment.scoreDecimal,
      tasks_counted: report.alignment.tasksCounted,
      inversions: report.alignment.inversions.map(
        (i) =>
          `${i.higher.taskCode} (rank ${i.higher.rank}) < ${i.lower.taskCode} (rank ${i.lower.rank})`,
      ),
    },
  };
}
