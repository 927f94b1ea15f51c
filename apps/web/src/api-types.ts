import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@coherence/api";

type Outputs = inferRouterOutputs<AppRouter>;
export type PortfolioReport = Outputs["report"]["portfolio"];
export type OperationReport = Outputs["report"]["operation"];
export type DrilldownReport = Outputs["report"]["drilldown"];
export type ExplainReport = Outputs["report"]["explain"];
export type Figures = OperationReport["total"];
export type Me = Outputs["auth"]["me"];
export type MandateWithTasks = Outputs["mandate"]["list"][number];
