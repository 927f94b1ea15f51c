export { appRouter } from "./root";
export type { AppRouter } from "./root";
export { createCallerFactory } from "./trpc";
export type { Context } from "./trpc";
