import type { Earmarking, FlowStatus, IsoDate } from "@coherence/funding-model";

/** FTS's own status words, and the Coherence status each one becomes. */
export const FTS_STATUSES = {
  pledge: "pledged",
  commitment: "committed",
  paid: "paid",
} as const satisfies Record<string, FlowStatus>;
export type FtsStatus = keyof typeof FTS_STATUSES;

/** Whether a flow enters, stays inside or leaves the boundary of the query (a location-year). */
export type FtsBoundary = "incoming" | "internal" | "outgoing";
/** `single`: the flow lies wholly inside the boundary; `shared`: it spans several locations or years. */
export type FtsOnBoundary = "single" | "shared";

/**
 * One source or destination object of a flow, as FTS gives it: Organization, Location, Plan,
 * Cluster, GlobalCluster, UsageYear, Project, Emergency, ... (`id` is null in FTS CSV exports,
 * which carry names only).
 */
export interface FtsObject {
  type: string;
  id: string | null;
  name: string;
  behavior: FtsOnBoundary | null;
}

/** An FTS flow as read, every field Coherence needs kept as the source gave it. */
export interface FtsFlow {
  id: string;
  /** FTS's version of the flow: a re-import replaces a flow only with a newer version. */
  versionId: number | null;
  status: FtsStatus;
  boundary: FtsBoundary | null;
  onBoundary: FtsOnBoundary | null;
  /** FTS's own conversion to USD (whole dollars in the API), in cents. */
  amountUsdCents: number;
  /** The amount in its original currency as an exact decimal string, when given. */
  originalAmount: string | null;
  originalCurrency: string | null;
  /** FTS's rate: units of the original currency per USD, exact decimal string. */
  exchangeRate: string | null;
  /** Date of the flow's current status. */
  date: IsoDate | null;
  decisionDate: IsoDate | null;
  firstReportedDate: IsoDate | null;
  budgetYear: string | null;
  description: string | null;
  flowType: string | null;
  contributionType: string | null;
  method: string | null;
  newMoney: boolean | null;
  refCode: string | null;
  keywords: string[];
  /** Grand Bargain earmarking as FTS reports it, mapped to Coherence's levels. */
  earmarking: Earmarking | null;
  parentFlowId: string | null;
  childFlowIds: string[];
  sourceObjects: FtsObject[];
  destinationObjects: FtsObject[];
  /** Where the flow was read: file name and, for CSV, the line. */
  file: string;
  line: number | null;
}

/** Grand Bargain earmarking words used by FTS → Coherence levels. */
export const FTS_EARMARKING: Readonly<Record<string, Earmarking>> = {
  unearmarked: "unearmarked",
  "softly earmarked": "softly_earmarked",
  earmarked: "earmarked",
  "tightly earmarked": "tightly_earmarked",
};
