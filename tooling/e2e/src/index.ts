export { launchChromium } from "./browser";
export type { LaunchedBrowser } from "./browser";
export { startApp } from "./app-server";
export type { AppUnderTest } from "./app-server";
export { artifactPath } from "./artifacts";
export { seriousViolations } from "./axe";
export type { AxeViolation } from "./axe";
export { centsToDecimal, parseCsv } from "./csv";
export { mutate, query } from "./trpc-http";
