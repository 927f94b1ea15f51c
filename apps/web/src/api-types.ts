import type { TRPCClientErrorLike } from "@trpc/client";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@coherence/api";

type Outputs = inferRouterOutputs<AppRouter>;
type Inputs = inferRouterInputs<AppRouter>;
export type PortfolioReport = Outputs["report"]["portfolio"];
export type OperationReport = Outputs["report"]["operation"];
export type DrilldownReport = Outputs["report"]["drilldown"];
export type ExplainReport = Outputs["report"]["explain"];
export type PredictabilityExplanation = Outputs["analytics"]["predictabilityExplain"];
export type TimelineReport = Outputs["analytics"]["timeline"];
export type FlowGraph = Outputs["analytics"]["flowGraph"];
export type CoverageGrid = Outputs["analytics"]["coverageGrid"];
export type PredictabilityReport = Outputs["report"]["predictability"];
export type ExecutionReport = Outputs["report"]["execution"];
export type ScorecardsReport = Outputs["report"]["scorecards"];
export type Figures = OperationReport["total"];
export type Me = Outputs["auth"]["me"];
export type MandateWithTasks = Outputs["mandate"]["list"][number];
export type PredictabilityMeasure = Inputs["analytics"]["predictabilityExplain"]["measure"];
export type RequirementListPage = Outputs["requirement"]["list"];
export type FlowWithHistory = Outputs["flow"]["get"];
/** What a procedure call rejects with. */
export type ApiError = TRPCClientErrorLike<AppRouter>;
