export { launchChromium } from "./browser";
export type { LaunchedBrowser } from "./browser";
export { startApp } from "./app-server";
export type { AppUnderTest } from "./app-server";
export { artifactPath } from "./artifacts";
