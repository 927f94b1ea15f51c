export { startServer } from "./start";
export type { RunningServer } from "./start";
export { readSettings } from "./env";
export type { ServerSettings } from "./env";
