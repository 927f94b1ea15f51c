export * from "./schema";
export * from "./connect";
export * from "./migrate";
export type { Engine } from "./migrations/column-types";
export * from "./queries/operations";
export * from "./queries/flows";
export * from "./queries/data-version";
export * from "./audit";
export * from "./versioned";
