import { afterAll, beforeAll } from "vitest";
import type { APIRequestContext, Browser, BrowserContext } from "playwright-core";
import { startApp } from "./app-server";
import type { AppUnderTest } from "./app-server";
import { launchChromium } from "./browser";
import type { LaunchedBrowser } from "./browser";
import { signedInPage, signedInRequest } from "./sign-in";
import type { Account, SignedInPage, SignedInPageOptions } from "./sign-in";

export interface AppInChromium {
  /** The app's base URL. */
  readonly url: string;
  readonly browser: Browser;
  /** A fresh context signed in through the sign-in form; see {@link signedInPage}. */
  signedInPage(account: Account, options?: SignedInPageOptions): Promise<SignedInPage>;
  /** A context signed in through the API, without a page; see {@link signedInRequest}. */
  signedInRequest(
    account: Account,
  ): Promise<{ context: BrowserContext; request: APIRequestContext }>;
}

/**
 * Starts the real app (demo dataset, fresh database) and Chromium before the test file's tests,
 * and stops both after them. Call it once at the top of a test file.
 *
 * @example
 * const e2e = appInChromium();
 * it("shows the portfolio", async () => {
 *   const { context, page } = await e2e.signedInPage("reviewer");
 *   // …
 *   await context.close();
 * });
 */
export function appInChromium(): AppInChromium {
  let app: AppUnderTest | undefined;
  let chromium: LaunchedBrowser | undefined;
  beforeAll(async () => {
    app = await startApp();
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await app?.stop();
  });
  const started = () => {
    if (!app || !chromium) throw new Error("setup failed");
    return { url: app.url, browser: chromium.browser };
  };
  return {
    get url() {
      return started().url;
    },
    get browser() {
      return started().browser;
    },
    signedInPage: (account, options) =>
      signedInPage(started().browser, started().url, account, options),
    signedInRequest: (account) => signedInRequest(started().browser, started().url, account),
  };
}
