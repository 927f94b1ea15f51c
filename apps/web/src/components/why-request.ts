// Which slice of the operation a "why this number?" target stands for, as report.explain takes it.
import { DRILL_FILTER_KEY, WHOLE_OPERATION } from "../url-state";
import type { Filter, FundingType, WhyTarget } from "../url-state";

export interface ExplainRequest {
  taskCode: string | null;
  bucket: "task" | "not_specified" | "unallocated" | "all";
  /** null selects the records without a value (a drill-down column "not given"). */
  filter: {
    entityCode?: string | null;
    donorCode?: string | null;
    fundingType?: FundingType | null;
    categoryCode?: string;
  };
}

/**
 * The explain request for a target. A drill-down figure is computed without the view's filters
 * (the drill-down table is), so it is explained with its own column's filter only.
 */
export function explainRequest(target: WhyTarget, viewFilter: Filter): ExplainRequest {
  const bucket = target.unallocated
    ? "unallocated"
    : target.taskCode === null
      ? "not_specified"
      : target.taskCode === WHOLE_OPERATION
        ? "all"
        : "task";
  const taskCode = bucket === "task" ? target.taskCode : null;
  if (!target.drill) return { taskCode, bucket, filter: { ...viewFilter } };
  const { by, value } = target.drill;
  if (value === undefined) return { taskCode, bucket, filter: {} };
  // Every record has a category ("not categorised" at worst), so a null category never occurs.
  if (by === "category") return { taskCode, bucket, filter: value ? { categoryCode: value } : {} };
  return {
    taskCode,
    bucket,
    filter: { [DRILL_FILTER_KEY[by]]: value },
  };
}
