import { analyticsRouter } from "./router/analytics";
import { auditRouter } from "./router/audit";
import { authRouter } from "./router/auth";
import { crosswalkRouter } from "./router/crosswalk";
import { flowRouter } from "./router/flow";
import { importRouter } from "./router/import";
import { mandateRouter } from "./router/mandate";
import { operationRouter } from "./router/operation";
import { organizationRouter } from "./router/organization";
import { rateRouter } from "./router/rate";
import { reportRouter } from "./router/report";
import { requirementRouter } from "./router/requirement";
import { scaleRouter } from "./router/scale";
import { tokenRouter } from "./router/token";
import { userRouter } from "./router/user";
import { createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  token: tokenRouter,
  user: userRouter,
  organization: organizationRouter,
  operation: operationRouter,
  mandate: mandateRouter,
  requirement: requirementRouter,
  flow: flowRouter,
  rate: rateRouter,
  crosswalk: crosswalkRouter,
  scale: scaleRouter,
  audit: auditRouter,
  report: reportRouter,
  analytics: analyticsRouter,
  import: importRouter,
});

export type AppRouter = typeof appRouter;
