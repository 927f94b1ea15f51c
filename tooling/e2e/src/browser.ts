import { chromium } from "playwright-core";
import type { Browser } from "playwright-core";
import { findChromium } from "@coherence/bootstrap/system-deps";

export interface LaunchedBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, with no background network chatter; playwright gives each launch a fresh profile. */
export async function launchChromium(): Promise<LaunchedBrowser> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error(
      "Chromium is not installed, and the end-to-end tier needs it. Run: sudo apt-get install -y chromium (or set CHROMIUM_PATH).",
    );
  }
  const browser = await chromium.launch({
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  process.stderr.write(`[e2e tier] Chromium ${browser.version()} at ${executablePath}\n`);
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}
