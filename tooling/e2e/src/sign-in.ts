import { DEMO_USERS } from "@coherence/api";
import type { APIRequestContext, Browser, BrowserContext, Page } from "playwright-core";

/** A demo account by its username, or any other account by its credentials. */
export type Account = "admin" | "finance.minusca" | "reviewer" | Credentials;

export interface Credentials {
  username: string;
  password: string;
}

export interface SignedInPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors of the page's scripts, from its first navigation on. */
  pageErrors: string[];
}

export interface SignedInPageOptions {
  /** Where the page opens, relative to the app's URL (or absolute); the sign-in form comes first, then this view. */
  at?: string;
  /** What shows the view is there after signing in. */
  ready?: string;
}

function credentials(account: Account): Credentials {
  if (typeof account !== "string") return account;
  const user = DEMO_USERS.find((u) => u.username === account);
  if (!user) throw new Error(`"${account}" is not a demo account`);
  return { username: user.username, password: user.password };
}

/** Types the account's credentials into the sign-in form the page shows, and submits it. */
export async function signInThroughForm(page: Page, account: Account): Promise<void> {
  const { username, password } = credentials(account);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * A fresh browser context (English, 1280×900) signed in through the sign-in form, showing the
 * portfolio or, with `at` and `ready`, another view opened straight from its URL.
 *
 * @example
 * const { context, page } = await signedInPage(browser, url, "reviewer");
 */
export async function signedInPage(
  browser: Browser,
  url: string,
  account: Account,
  { at = "/", ready = ".portfolio-table" }: SignedInPageOptions = {},
): Promise<SignedInPage> {
  const context = await browser.newContext({
    locale: "en-US",
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto(new URL(at, url).href);
  await signInThroughForm(page, account);
  await page.locator(ready).first().waitFor();
  return { context, page, pageErrors };
}

/**
 * A browser context whose `request` carries the account's session cookie, signed in through the
 * API without a page: for set-up by another user, or for calling procedures directly.
 */
export async function signedInRequest(
  browser: Browser,
  url: string,
  account: Account,
): Promise<{ context: BrowserContext; request: APIRequestContext }> {
  const context = await browser.newContext();
  const login = await context.request.post(`${url}/trpc/auth.login`, {
    data: { json: credentials(account) },
  });
  if (login.status() !== 200) {
    await context.close();
    throw new Error(`signing in as ${credentials(account).username} failed: ${login.status()}`);
  }
  return { context, request: context.request };
}
