import { expect } from "vitest";
import type { Page } from "playwright-core";
import { artifactPath } from "./artifacts";
import { seriousViolations } from "./axe";

/**
 * A screenshot and axe-core (serious and critical violations fail) in the page's language,
 * then in the other one, then back; `prefix` names the journey in the artifact files.
 */
export async function checkBothLanguages(page: Page, name: string): Promise<void> {
  const select = page.locator(".header-tools select");
  const start = (await page.evaluate(() => document.documentElement.lang)) || "en";
  for (const lang of start === "fr" ? ["fr", "en"] : ["en", "fr"]) {
    if ((await page.evaluate(() => document.documentElement.lang)) !== lang) {
      await select.selectOption(lang);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    }
    await page.screenshot({ path: artifactPath(`${name}-${lang}.png`), fullPage: true });
    const violations = await seriousViolations(page);
    expect(violations, `${name} (${lang}): ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  }
  await select.selectOption(start);
  await page.waitForFunction((l) => document.documentElement.lang === l, start);
}
