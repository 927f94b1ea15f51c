import { flowRouter } from "./router/flow";
import { gapsRouter } from "./router/gaps";
import { operationRouter } from "./router/operation";
import { createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  operation: operationRouter,
  gaps: gapsRouter,
  flow: flowRouter,
});

export type AppRouter = typeof appRouter;
