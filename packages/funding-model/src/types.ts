/** Budget stages in the order a line moves through them (BRIEF, "Budget stages"). */
export const REQUIREMENT_STAGES = [
  "proposed",
  "recommended",
  "appropriated",
  "revised",
  "expended",
] as const;
export type RequirementStage = (typeof REQUIREMENT_STAGES)[number];

/** Status of a contribution: one record moves pledged → committed → paid. */
export const FLOW_STATUSES = ["pledged", "committed", "paid"] as const;
export type FlowStatus = (typeof FLOW_STATUSES)[number];

export const FUNDING_TYPES = [
  "assessed",
  "voluntary_core",
  "voluntary_earmarked",
  "pooled",
] as const;
export type FundingType = (typeof FUNDING_TYPES)[number];

/** A ranked priority task of a mandate (rank 1 = highest). */
export interface PriorityTask {
  code: string;
  title: string;
  rank: number;
}

/** One stage row of a budget line, already converted to USD cents. */
export interface RequirementRow {
  lineRef: string;
  taskCode: string | null;
  stage: RequirementStage;
  amountUsdCents: number;
}

/** A funding flow at its current status, already converted to USD cents. */
export interface FlowRow {
  taskCode: string | null;
  status: FlowStatus;
  amountUsdCents: number;
}
