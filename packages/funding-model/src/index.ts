export * from "./types";
export * from "./requirement";
export * from "./task-gaps";
