// Issue 7's journey, in real Chromium: a reviewer signs in, opens the portfolio and an
// operation, switches to the peacekeeping year, drills down by donor, asks "why this number?"
// of a gap, exports the table as CSV, shares the URL with a fresh browser, switches to French,
// finds no edit control, and is refused every mutation. axe-core runs at every step, in both
// languages. Figures are read from the API, never hard-coded.
import { expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { appRouter } from "@coherence/api";
import {
  appInChromium,
  artifactPath,
  centsToDecimal,
  checkBothLanguages,
  mutate,
  query,
  readCsvFile,
  signInThroughForm,
} from "../src/index";

const e2e = appInChromium();

interface Figures {
  requirement: number;
  funded: number;
  gap: number;
  pledged: number;
}
interface OperationReport {
  tasks: { taskCode: string; title: string; rank: number; figures: Figures }[];
  notSpecified: { figures: Figures };
  total: Figures;
}

let step = 0;
/** Screenshot and axe-core in the page's language, then in the other one, then back. */
async function checkStep(page: Page, name: string): Promise<void> {
  step += 1;
  await checkBothLanguages(page, `journey-${String(step).padStart(2, "0")}-${name}`);
}

/** The funded cents the chart draws, per task, read from its marks. */
async function chartFunded(page: Page): Promise<Record<string, number>> {
  const rows = page.locator("svg[role='img'] .task-gap-row");
  await rows.first().waitFor();
  const out: Record<string, number> = {};
  for (const row of await rows.all()) {
    out[(await row.getAttribute("data-task")) ?? ""] = Number(
      await row.getAttribute("data-funded-cents"),
    );
  }
  return out;
}

function expectedFunded(report: OperationReport): Record<string, number> {
  return {
    ...Object.fromEntries(report.tasks.map((t) => [t.taskCode, t.figures.funded])),
    "_not-specified": report.notSpecified.figures.funded,
  };
}

const EDIT_WORDS =
  /\b(edit|add|new|delete|save|create|import|update|modifier|ajouter|nouveau|nouvelle|supprimer|enregistrer|créer|importer)\b/i;

async function expectNoEditControl(page: Page) {
  const names = await page.evaluate(() =>
    [...document.querySelectorAll("button, a, input, select, textarea, [role='button']")].map(
      (el) =>
        `${el.tagName} ${el.getAttribute("aria-label") ?? ""} ${(el as HTMLElement).innerText || ""} ${el.getAttribute("type") ?? ""}`,
    ),
  );
  expect(names.filter((n) => EDIT_WORDS.test(n))).toEqual([]);
  // The only text entry a reviewer meets is the period picker (dates), never a data field.
  expect(await page.locator("textarea, input:not([type='date'])").count()).toBe(0);
}

it("walks the reviewer's journey, accessible in English and French at every step", async () => {
  const url = e2e.url;
  const context: BrowserContext = await e2e.browser.newContext({
    locale: "en-US",
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: url });
  const page = await context.newPage();

  // 1. Sign in.
  await page.goto(url);
  await page.getByRole("heading", { name: "Sign in to Coherence" }).waitFor();
  await checkStep(page, "sign-in");
  await signInThroughForm(page, "reviewer");

  // 2. The portfolio: every operation the API reports, with its figures.
  await page.locator(".portfolio-table").waitFor();
  const portfolio = await query<{ operations: { code: string; total: Figures }[] }>(
    page.request,
    url,
    "report.portfolio",
    { period: { kind: "calendar", year: new Date().getUTCFullYear() - 1 } },
  );
  const shownOps = await page
    .locator(".portfolio-table tbody tr")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-operation")));
  expect(shownOps.sort()).toEqual(portfolio.operations.map((o) => o.code).sort());
  await checkStep(page, "portfolio");

  // 3. Open an operation.
  const operation = portfolio.operations.find((o) => o.total.requirement > 0)?.code ?? "MINUSCA";
  await page.getByRole("link", { name: operation, exact: true }).click();
  await page.locator(".task-gap-row").first().waitFor();
  await checkStep(page, "operation");

  // 4. Switch to the peacekeeping year 2024/25: the chart shows the API's figures for it.
  await page.getByLabel("Kind of period").selectOption("peacekeeping");
  await page.waitForURL(/period=pk\d{4}/);
  await page.getByLabel("Year").selectOption("2024");
  await page.waitForURL(/period=pk2024/);
  const period = { kind: "peacekeeping", year: 2024 } as const;
  const report = await query<OperationReport>(page.request, url, "report.operation", {
    operation,
    period,
  });
  await expect.poll(() => chartFunded(page)).toEqual(expectedFunded(report));
  expect(
    await page
      .locator(".task-gap-row")
      .evaluateAll((r) => r.map((x) => x.getAttribute("data-task"))),
  ).toEqual([...report.tasks.map((t) => t.taskCode), "_not-specified"]);
  await checkStep(page, "peacekeeping-year");

  // 5. Drill down by donor: each task's donors add up to its funded figure.
  await page.getByRole("button", { name: "Donor", exact: true }).click();
  await page.locator(".drill-table[data-by='donor']").waitFor();
  await page.waitForURL(/by=donor/);
  for (const task of report.tasks) {
    const total = await page
      .locator(`.drill-table tr[data-task='${task.taskCode}'] td[data-total-cents]`)
      .getAttribute("data-total-cents");
    expect(Number(total)).toBe(task.figures.funded);
  }
  await checkStep(page, "drill-down-donor");

  // 5b. "Why this number?" on a donor's cell: the records listed add up to the cell, to the cent.
  const drill = await query<{
    rows: { bucket: string; taskCode: string | null; value: string | null; figures: Figures }[];
  }>(page.request, url, "report.drilldown", { operation, period, by: "donor" });
  const cell = drill.rows.find(
    (r) => r.bucket === "task" && r.value !== null && r.figures.funded > 0,
  )!;
  await page
    .locator(`.drill-table tr[data-task='${cell.taskCode}'] td[data-value='${cell.value}'] button`)
    .click();
  await page.waitForURL(/whyby=donor/);
  const cellPanel = page.locator(`.why-panel[data-drill='donor:${cell.value}']`);
  await cellPanel.locator(".why-side").waitFor();
  const listed = await cellPanel.evaluate((panel) =>
    [
      ...panel.querySelectorAll(".why-direct tr.why-record"),
      ...panel.querySelectorAll(".why-attribution"),
    ].reduce((sum, el) => sum + Number(el.getAttribute("data-cents")), 0),
  );
  expect(listed).toBe(cell.figures.funded);
  expect(Number(await cellPanel.locator(".why-sum").getAttribute("data-sum-cents"))).toBe(
    cell.figures.funded,
  );
  expect(Number(await cellPanel.locator(".why-side").getAttribute("data-value"))).toBe(
    cell.figures.funded,
  );
  await checkStep(page, "why-drill-down-cell");

  // 6. "Why this number?" on a gap: the records listed sum to each side, and the sides to the gap.
  const gapTask = report.tasks.find((t) => t.figures.gap > 0) ?? report.tasks[0]!;
  await page.locator(`.task-gap-row[data-task='${gapTask.taskCode}']`).focus();
  await page.keyboard.press("Enter");
  await page.locator(".why-panel .why-side").first().waitFor();
  await expect.poll(() => page.locator(".why-panel .why-side").count()).toBe(2);
  const sideSum = (measure: string) =>
    page
      .locator(`.why-side[data-measure='${measure}']`)
      .evaluate((side) =>
        [
          ...side.querySelectorAll(".why-direct tr.why-record"),
          ...side.querySelectorAll(".why-attribution"),
        ].reduce((sum, el) => sum + Number(el.getAttribute("data-cents")), 0),
      );
  const requirementSum = await sideSum("requirement");
  const fundedSum = await sideSum("funded");
  expect(requirementSum).toBe(gapTask.figures.requirement);
  expect(fundedSum).toBe(gapTask.figures.funded);
  expect(Math.max(0, requirementSum - fundedSum)).toBe(gapTask.figures.gap);
  expect(Number(await page.locator(".why-equation").getAttribute("data-gap-cents"))).toBe(
    gapTask.figures.gap,
  );
  // Each record links to its page.
  const firstRecord = page.locator(".why-panel a[href^='/records/']").first();
  const recordName = (await firstRecord.textContent()) ?? "";
  await firstRecord.click();
  await page.getByRole("heading", { level: 1, name: recordName.trim() }).waitFor();
  await checkStep(page, "record");
  await page.goBack();
  await page.locator(".why-panel .why-side").first().waitFor();
  await checkStep(page, "why-this-number");

  // 7. Export the task table as CSV: stamped, and its figures are the API's, to the cent.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Table as CSV" }).first().click(),
  ]);
  const csvPath = artifactPath("journey-tasks.csv");
  await download.saveAs(csvPath);
  const rows = await readCsvFile(csvPath);
  const blank = rows.findIndex((r) => r.join("") === "");
  const stamp: Record<string, string | undefined> = Object.fromEntries(
    rows.slice(0, blank).map((r) => [r[0] ?? "", r[1]] as const),
  );
  expect(stamp).toMatchObject({ Operation: operation, Period: "2024/25", Filters: "none" });
  expect(stamp["Data as of"]).toMatch(/\d{4}/);
  expect(stamp["Rates in force"]).toBeTruthy();
  const header = rows.find((r) => r[0] === "Rank")!;
  const col = (name: string) => header.indexOf(name);
  for (const task of report.tasks) {
    const row = rows.find((r) => r[col("Code")] === task.taskCode)!;
    expect(row[col("Requirement (USD)")]).toBe(centsToDecimal(task.figures.requirement));
    expect(row[col("Funded (USD)")]).toBe(centsToDecimal(task.figures.funded));
    expect(row[col("Gap (USD)")]).toBe(centsToDecimal(task.figures.gap));
    expect(row[col("Pledged, not committed (USD)")]).toBe(centsToDecimal(task.figures.pledged));
  }
  const totalRow = rows.find((r) => r[col("Priority task")] === "Total")!;
  expect(totalRow[col("Funded (USD)")]).toBe(centsToDecimal(report.total.funded));

  // 8. Copy the URL and open it in a fresh browser context: the same view comes back.
  await page.getByRole("button", { name: "Copy link to this view" }).first().click();
  await page.getByText("Link copied.").first().waitFor();
  const shared = await page.evaluate(() => navigator.clipboard.readText());
  expect(shared).toBe(page.url());
  expect(shared).toMatch(/period=pk2024/);
  expect(shared).toMatch(/by=donor/);
  expect(shared).toMatch(/why=/);
  const { context: fresh, page: other } = await e2e.signedInPage("reviewer", {
    at: shared,
    ready: ".why-panel .why-side",
  });
  expect(await chartFunded(other)).toEqual(expectedFunded(report));
  expect(await other.getByLabel("Kind of period").inputValue()).toBe("peacekeeping");
  expect(await other.getByLabel("Year").inputValue()).toBe("2024");
  await other.locator(".drill-table[data-by='donor']").waitFor();
  expect(await other.locator(".why-panel").getAttribute("data-task")).toBe(gapTask.taskCode);
  expect(await other.locator(".why-panel").getAttribute("data-measure")).toBe("gap");
  await checkStep(other, "shared-url");
  await fresh.close();

  // 9. Switch to French: the interface, numbers and dates follow, and the choice is remembered.
  await page.locator(".header-tools select").selectOption("fr");
  await page.waitForFunction(() => document.documentElement.lang === "fr");
  await page
    .getByRole("heading", { level: 1, name: `${operation} : financement par tâche prioritaire` })
    .waitFor();
  expect(await page.locator(".summary").innerText()).toMatch(/\d,\d{2}\s\$US/);
  await page.reload();
  await page
    .getByRole("heading", { level: 1, name: /financement par tâche prioritaire/ })
    .waitFor();
  await checkStep(page, "french");

  // 10. No edit control anywhere a reviewer goes, in either language.
  await expectNoEditControl(page);
  await page.goto(`${url}/?period=pk2024`);
  await page.locator(".portfolio-table").waitFor();
  await expectNoEditControl(page);
  await context.close();
  // A long journey (axe-core twice per step): on a loaded two-core machine it can pass 60 s.
}, 180_000);

it("refuses every mutation to a reviewer's session cookie", async () => {
  const { context } = await e2e.signedInRequest("reviewer");
  const cookies = await context.cookies();
  expect(cookies.some((c) => c.httpOnly)).toBe(true);

  const procedures = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: string } }
  >;
  const mutations = Object.entries(procedures)
    .filter(([, p]) => p._def.type === "mutation")
    .map(([path]) => path)
    .filter((path) => path !== "auth.login" && path !== "auth.logout")
    .sort();
  expect(mutations.length).toBeGreaterThan(10);
  // A reviewer manages their own account (password, API tokens) and nothing else: these three
  // answer BAD_REQUEST to an empty input rather than FORBIDDEN. Any other mutation must be refused.
  const ownAccount = ["auth.changePassword", "token.create", "token.revoke"];
  const outcomes: Record<string, string | null> = {};
  for (const path of mutations) {
    const { code } = await mutate(context.request, e2e.url, path, {});
    outcomes[path] = code;
  }
  const refused = mutations.filter((p) => outcomes[p] === "FORBIDDEN");
  expect(mutations.filter((p) => !refused.includes(p))).toEqual(ownAccount);
  for (const path of ownAccount) expect(outcomes[path]).toBe("BAD_REQUEST");
  // The session still works after all that: the refusals were authorisation, not a lost session.
  const me = await query<{ role: string }>(context.request, e2e.url, "auth.me", undefined);
  expect(me.role).toBe("reviewer");
  await context.close();
});
