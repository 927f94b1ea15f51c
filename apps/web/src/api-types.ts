import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@coherence/api";

type Outputs = inferRouterOutputs<AppRouter>;
type Inputs = inferRouterInputs<AppRouter>;
export type PortfolioReport = Outputs["report"]["portfolio"];
export type OperationReport = Outputs["report"]["operation"];
export type DrilldownReport = Outputs["report"]["drilldown"];
export type ExplainReport = Outputs["report"]["explain"];
export type PredictabilityExplanation = Outputs["analytics"]["predictabilityExplain"];
export type Figures = OperationReport["total"];
export type Me = Outputs["auth"]["me"];
export type MandateWithTasks = Outputs["mandate"]["list"][number];
export type PredictabilityMeasure = Inputs["analytics"]["predictabilityExplain"]["measure"];
