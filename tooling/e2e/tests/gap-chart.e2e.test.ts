// Issue 2's journey: the page draws the gap chart; a flow added through the API raises the
// task's funded figure by exactly its amount, to the cent.
import { expect, it } from "vitest";
import type { Page } from "playwright-core";
import { appInChromium, artifactPath } from "../src/index";

const e2e = appInChromium();

/** The funded figure the chart announces for a task, parsed back to integer cents. */
async function fundedCentsShown(page: Page, task: string): Promise<number> {
  const row = page.locator(`svg[role="img"] .task-gap-row[data-task="${task}"]`);
  const label = await row.getAttribute("aria-label");
  const match = /funded \$([\d,]+)\.(\d{2})/.exec(label ?? "");
  if (!match?.[1] || !match[2]) throw new Error(`no funded figure in "${label ?? ""}"`);
  const shownCents = BigInt(match[1].replaceAll(",", "")) * 100n + BigInt(match[2]);
  const visibleText = await row.locator(".task-gap-funded").textContent();
  expect(visibleText).toBe(`$${match[1]}.${match[2]}`);
  return Number(shownCents);
}

it("shows a flow added through the API in the chart, to the cent", async () => {
  // The operation view for the calendar year the new flow falls in, straight from its URL.
  const { context, page } = await e2e.signedInPage("finance.minusca", {
    at: "/operations/MINUSCA?period=cy2025",
    ready: ".task-gap-row",
  });
  await page.screenshot({ path: artifactPath("gap-chart-before.png"), fullPage: true });
  const before = await fundedCentsShown(page, "STATE-AUTH");

  const response = await page.request.post(`${e2e.url}/trpc/flow.create`, {
    data: {
      json: {
        source: "NOR",
        recipient: "UNDP",
        operation: "MINUSCA",
        taskCode: "STATE-AUTH",
        fundingType: "voluntary_earmarked",
        status: "paid",
        date: "2025-07-01",
        amount: "987654.31",
        currency: "USD",
        periodStart: "2025-01-01",
        periodEnd: "2025-12-31",
        earmarking: "earmarked",
        notes: "added by the end-to-end test",
        externalRef: null,
        category: null,
      },
    },
  });
  expect(response.status()).toBe(200);

  await page.reload();
  await page.locator(".task-gap-row").first().waitFor();
  const after = await fundedCentsShown(page, "STATE-AUTH");
  await page.screenshot({ path: artifactPath("gap-chart-after.png"), fullPage: true });
  expect(after - before).toBe(98_765_431);
  await context.close();
});
