// Issue 8's record editors in real Chromium: (5) a finance officer creates a budget line (a
// server field error first, then the amount typed in French) and the gap chart's requirement
// moves by exactly its amount; a concurrent change to the line shows both versions; a crosswalk's
// live sum refuses 0.9 and accepts 1; a task added to a mandate appears in the chart. (6) "New
// contribution" from the keyboard, with the server's field errors. (7) A reviewer, and a finance
// officer of the operation only, find no edit control where they may not write. axe-core runs in
// English and French at every step; screenshots land in tooling/e2e/artifacts (ws5-*, ws6-*, ws7-*).
import { beforeAll, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { appInChromium, artifactPath, checkBothLanguages, mutate, query } from "../src/index";

const e2e = appInChromium();

/** A MINUSCA finance officer who also keeps UN-DPO's taxonomy (an entity assignment). */
const DPO_OFFICER = { username: "finance.dpo", password: "coherence-dpo-finance" };

beforeAll(async () => {
  const admin = await e2e.signedInRequest("admin");
  const created = await mutate(admin.request, e2e.url, "user.create", {
    ...DPO_OFFICER,
    displayName: "MINUSCA and UN-DPO finance officer",
    role: "finance_officer",
    assignments: [
      { operation: "MINUSCA", entity: null },
      { operation: null, entity: "UN-DPO" },
    ],
  });
  expect(created.status).toBe(200);
  await admin.context.close();
});

/** The requirement cents the gap chart draws per task, read from its marks. */
async function chartRequirement(page: Page, url: string): Promise<Record<string, number>> {
  await page.goto(`${url}/operations/MINUSCA?period=pk2025`);
  const rows = page.locator("svg[role='img'] .task-gap-row");
  await rows.first().waitFor();
  const out: Record<string, number> = {};
  for (const row of await rows.all())
    out[(await row.getAttribute("data-task")) ?? ""] = Number(
      await row.getAttribute("data-requirement-cents"),
    );
  return out;
}

/** The requirement the budget-line table says the reports count, in cents. */
async function tableRequirement(page: Page): Promise<number> {
  const figure = page.locator(".report-totals [data-measure='requirement']");
  await figure.waitFor();
  return Number(await figure.getAttribute("data-cents"));
}

async function setLanguage(page: Page, lang: "en" | "fr") {
  await page.locator(".header-tools select").selectOption(lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

it("journey 5: budget line → gap chart, a conflict, crosswalk sum 0.9 refused and 1 saved, a task added", async () => {
  const url = e2e.url;
  const { context, page } = await e2e.signedInPage(DPO_OFFICER);
  const chartBefore = await chartRequirement(page, url);
  expect(chartBefore["STATE-AUTH"]).toBeGreaterThan(0);

  // The table's requirement for MINUSCA 2025/26 is the report's.
  await page.goto(`${url}/workspace/requirements?operation=MINUSCA&period=pk2025`);
  const totalBefore = await tableRequirement(page);
  const report = await query<{ total: { requirement: number } }>(
    page.request,
    url,
    "report.operation",
    { operation: "MINUSCA", period: { kind: "peacekeeping", year: 2025 } },
  );
  expect(totalBefore).toBe(report.total.requirement);
  expect(await page.locator(".requirements-table tbody tr[data-writable='true']").count()).toBe(
    await page.locator(".requirements-table tbody tr[data-requirement-id]").count(),
  );
  await checkBothLanguages(page, "ws5-01-requirements");

  // New budget line: keyboard focus starts on the reference; a bad amount comes back at its field.
  await page.getByRole("link", { name: "New budget line" }).click();
  const reference = page.getByLabel("Budget line reference");
  await reference.waitFor();
  expect(await reference.evaluate((el) => el === document.activeElement)).toBe(true);
  await reference.fill("E2E-LINE-STATE");
  expect(await page.getByLabel("Operation", { exact: true }).inputValue()).toBe("MINUSCA");
  await page.getByLabel("Entity", { exact: true }).fill("UN-DPO");
  await page.getByLabel("Priority task").fill("STATE-AUTH");
  await page.getByLabel("Period from").fill("2025-07-01");
  await page.getByLabel("Period to").fill("2026-06-30");
  await page.getByLabel("Amount", { exact: true }).fill("1.250.000,50x");
  await page.getByLabel("Amount", { exact: true }).press("Enter");
  await page.locator("[data-field='amount'] .field-error").waitFor();
  expect(await page.getByLabel("Amount", { exact: true }).getAttribute("aria-invalid")).toBe(
    "true",
  );
  // The date in words, in the interface language, beside the date field.
  expect(await page.locator("[data-field='periodStart'] .hint").innerText()).toBe("Jul 1, 2025");
  await checkBothLanguages(page, "ws5-02-requirement-field-error");

  // In French the amount is typed the French way.
  await setLanguage(page, "fr");
  await page.locator("[data-field='amount'] input").fill("1 250 000,50");
  await page.getByRole("button", { name: "Créer la ligne budgétaire" }).click();
  await page.locator(".requirement-editor").waitFor();
  await setLanguage(page, "en");
  const lineId = Number(/requirements\/(\d+)$/.exec(page.url())?.[1]);
  expect(lineId).toBeGreaterThan(0);
  const line = await query<{ amount: number; version: number; stage: string }>(
    page.request,
    url,
    "requirement.get",
    { id: lineId },
  );
  expect(line).toMatchObject({ amount: 125_000_050, version: 1, stage: "proposed" });
  await checkBothLanguages(page, "ws5-03-requirement-created");

  // The table and the gap chart move by exactly the new line's amount, on its task only.
  await page.goto(`${url}/workspace/requirements?operation=MINUSCA&period=pk2025`);
  expect(await tableRequirement(page)).toBe(totalBefore + 125_000_050);
  const chartAfter = await chartRequirement(page, url);
  expect(chartAfter["STATE-AUTH"]! - chartBefore["STATE-AUTH"]!).toBe(125_000_050);
  for (const task of Object.keys(chartBefore))
    if (task !== "STATE-AUTH") expect(chartAfter[task]).toBe(chartBefore[task]);
  await page.screenshot({ path: artifactPath("ws5-04-chart-after-line.png"), fullPage: true });

  // Someone else saves the line first: the officer's save shows both versions, and they choose.
  await page.goto(`${url}/workspace/requirements/${lineId}`);
  await page.getByLabel("Document").waitFor();
  const admin = await e2e.signedInRequest("admin");
  const theirs = await mutate(admin.request, url, "requirement.update", {
    id: lineId,
    version: 1,
    externalRef: "E2E-LINE-STATE",
    operation: "MINUSCA",
    entity: "UN-DPO",
    taskCode: "STATE-AUTH",
    category: null,
    periodStart: "2025-07-01",
    periodEnd: "2026-06-30",
    stage: "proposed",
    amount: "1250000.50",
    currency: "USD",
    document: "A/80/ADMIN",
  });
  expect(theirs.status).toBe(200);
  await admin.context.close();
  await page.getByLabel("Document").fill("A/80/OFFICER");
  await page.getByRole("button", { name: "Save changes" }).click();
  const conflict = page.locator("section.conflict");
  await conflict.waitFor();
  expect(await conflict.locator("tr[data-field='document'] td.theirs").innerText()).toBe(
    "A/80/ADMIN",
  );
  expect(await conflict.locator("tr[data-field='document'] td.mine").innerText()).toBe(
    "A/80/OFFICER",
  );
  await checkBothLanguages(page, "ws5-05-requirement-conflict");
  await conflict.getByRole("button", { name: "Save my version over theirs" }).click();
  await page.getByText("Saved (version 3).").waitFor();
  expect(
    (await query<{ document: string }>(page.request, url, "requirement.get", { id: lineId }))
      .document,
  ).toBe("A/80/OFFICER");

  // Crosswalk: UN-DPO's taxonomy is this officer's; UNDP's is not.
  await page.goto(`${url}/workspace/crosswalks?taxonomy=UNDP`);
  await page.locator(".crosswalk-table tbody tr[data-category]").first().waitFor();
  expect(await page.getByRole("button", { name: /^Edit the shares of/ }).count()).toBe(0);
  await page.goto(`${url}/workspace/crosswalks?taxonomy=DPO-GROUPS`);
  await page.getByRole("button", { name: "Edit the shares of III" }).click();
  const sum = page.locator(".share-sum");
  await sum.waitFor();
  expect(await sum.getAttribute("data-state")).toBe("exact");
  await page.getByLabel("UNSDG-7 General operating and other direct costs").fill("0.2");
  await expect.poll(() => sum.getAttribute("data-state")).toBe("not-one");
  expect(await sum.innerText()).toContain("Sum of the shares: 0.9. Not 1");
  await page.getByRole("button", { name: "Save the shares" }).click();
  await page.getByText("Not saved: the shares must sum to exactly 1.").waitFor();
  await checkBothLanguages(page, "ws5-06-crosswalk-sum-refused");
  type Crosswalk = {
    categories: { code: string; shares: { commonCategory: string; share: string }[] }[];
  };
  const stored = async () =>
    (
      await query<Crosswalk>(page.request, url, "crosswalk.list", { taxonomy: "DPO-GROUPS" })
    ).categories.find((c) => c.code === "III")!.shares;
  expect(await stored()).toContainEqual({ commonCategory: "UNSDG-7", share: "0.3" });

  await page.getByLabel("UNSDG-4 Contractual services").fill("0.5");
  await expect.poll(() => sum.getAttribute("data-state")).toBe("exact");
  expect(await sum.innerText()).toContain("Sum of the shares: 1. Exactly 1");
  await page.getByRole("button", { name: "Save the shares" }).click();
  await page.getByText("Shares saved.").waitFor();
  expect((await stored()).sort((a, b) => a.commonCategory.localeCompare(b.commonCategory))).toEqual(
    [
      { commonCategory: "UNSDG-3", share: "0.3" },
      { commonCategory: "UNSDG-4", share: "0.5" },
      { commonCategory: "UNSDG-7", share: "0.2" },
    ],
  );
  await checkBothLanguages(page, "ws5-07-crosswalk-saved");

  // Mandate: add a task to the mandate in force; a shared rank is flagged while typing.
  await page.goto(`${url}/workspace/mandates?operation=MINUSCA`);
  await page.locator(".mandate-card").first().waitFor();
  await checkBothLanguages(page, "ws5-08-mandates");
  await page.getByRole("button", { name: "Edit S/RES/2759 (2024) and its tasks" }).click();
  await page.getByRole("button", { name: "Add a task" }).click();
  const code = page.getByLabel("Code of task 6");
  expect(await code.evaluate((el) => el === document.activeElement)).toBe(true);
  await code.fill("ELECTIONS");
  await page.getByLabel("Title of ELECTIONS").fill("Support to the electoral process");
  const rank = page.getByLabel("Rank of ELECTIONS");
  expect(await rank.inputValue()).toBe("6");
  await rank.fill("5");
  await page.getByText("Another task has this rank.").first().waitFor();
  await checkBothLanguages(page, "ws5-09-task-rank-shared");
  await rank.fill("6");
  expect(await page.getByText("Another task has this rank.").count()).toBe(0);
  await page.getByRole("button", { name: "Save the mandate and its tasks" }).click();
  await page.getByText("Saved (version 2).").waitFor();
  type Mandates = { resolution: string; tasks: { code: string; title: string; rank: number }[] }[];
  const mandates = await query<Mandates>(page.request, url, "mandate.list", {
    operation: "MINUSCA",
  });
  expect(mandates.find((m) => m.resolution === "S/RES/2759 (2024)")!.tasks).toContainEqual(
    expect.objectContaining({
      code: "ELECTIONS",
      title: "Support to the electoral process",
      rank: 6,
    }),
  );
  await checkBothLanguages(page, "ws5-10-task-added");

  // The new task is a row of the gap chart for a period its mandate is in force.
  const chartWithTask = await chartRequirement(page, url);
  expect(chartWithTask).toHaveProperty("ELECTIONS", 0);
  await page.screenshot({ path: artifactPath("ws5-11-chart-with-task.png"), fullPage: true });
  await context.close();
}, 240_000);

it("journey 6: a new contribution typed from the keyboard, with the server's field errors", async () => {
  const url = e2e.url;
  const { context, page } = await e2e.signedInPage("finance.minusca");
  await page.goto(`${url}/workspace?operation=MINUSCA`);
  await page.getByRole("link", { name: "New contribution" }).click();
  const reference = page.getByLabel("Reference");
  await reference.waitFor();
  expect(await reference.evaluate((el) => el === document.activeElement)).toBe(true);
  // Reference, donor, recipient: typed, Tab between them.
  await page.keyboard.type("E2E-NEW-1");
  await page.keyboard.press("Tab");
  await page.keyboard.type("NOR");
  await page.keyboard.press("Tab");
  await page.keyboard.type("UNDP");
  await page.keyboard.press("Tab");
  expect(await page.getByLabel("Operation", { exact: true }).inputValue()).toBe("MINUSCA");
  await page.keyboard.press("Tab");
  await page.keyboard.type("CIV-PROTECT");
  await page.getByLabel("Amount", { exact: true }).fill("250,000.00");
  await checkBothLanguages(page, "ws6-01-new-contribution");
  // No usage period yet: the server names both fields.
  await page.getByLabel("Amount", { exact: true }).press("Enter");
  await page.locator("[data-field='periodStart'] .field-error").waitFor();
  await page.locator("[data-field='periodEnd'] .field-error").waitFor();
  await checkBothLanguages(page, "ws6-02-new-contribution-errors");
  await page.getByLabel("Usage from").fill("2025-01-01");
  await page.getByLabel("Usage to").fill("2025-12-31");
  await page.getByLabel("Usage to").press("Enter");
  await page.getByRole("heading", { name: "Contribution E2E-NEW-1" }).waitFor();
  const saved = await query<{ items: { amount: number; provenance: string; status: string }[] }>(
    page.request,
    url,
    "flow.list",
    { search: "E2E-NEW-1" },
  );
  expect(saved.items).toEqual([
    expect.objectContaining({ amount: 25_000_000, provenance: "manual", status: "pledged" }),
  ]);
  await checkBothLanguages(page, "ws6-03-new-contribution-saved");
  await context.close();
}, 180_000);

it("journey 7: no edit control for a reviewer, nor for a finance officer outside their scope", async () => {
  const url = e2e.url;
  const reviewer = await e2e.signedInPage("reviewer");
  const page = reviewer.page;
  await page.goto(`${url}/workspace/requirements?operation=MINUSCA&period=pk2025`);
  await page.locator(".requirements-table tbody tr[data-requirement-id]").first().waitFor();
  expect(await page.locator(".requirements-table tr[data-writable='true']").count()).toBe(0);
  expect(await page.getByRole("link", { name: "New budget line" }).count()).toBe(0);
  // The wide table scrolls inside its box; the page itself never scrolls sideways.
  await setLanguage(page, "fr");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(
    await page.evaluate(() => window.innerWidth),
  );
  await setLanguage(page, "en");
  await checkBothLanguages(page, "ws7-01-reviewer-requirements");
  await page.locator(".requirements-table tbody tr[data-requirement-id] a").first().click();
  await page.locator(".read-only-note").waitFor();
  expect(await page.locator(".requirement-editor input, .requirement-editor button").count()).toBe(
    0,
  );
  await page.goto(`${url}/workspace`);
  await page.locator(".flows-table tbody tr[data-flow-id]").first().waitFor();
  expect(await page.getByRole("link", { name: "New contribution" }).count()).toBe(0);
  await page.goto(`${url}/workspace/mandates?operation=MINUSCA`);
  await page.locator(".mandate-card").first().waitFor();
  expect(await page.getByRole("button", { name: /^Edit |Record a/ }).count()).toBe(0);
  await checkBothLanguages(page, "ws7-02-reviewer-mandates");
  await page.goto(`${url}/workspace/crosswalks?taxonomy=DPO-GROUPS`);
  await page.locator(".crosswalk-table tbody tr[data-category]").first().waitFor();
  expect(await page.getByRole("button", { name: /^Edit the shares|Add a category/ }).count()).toBe(
    0,
  );
  await checkBothLanguages(page, "ws7-03-reviewer-crosswalk");
  await reviewer.context.close();

  // MINUSCA's officer writes its mandates but not UN-DPO's taxonomy (it serves every operation).
  const officer = await e2e.signedInPage("finance.minusca");
  await officer.page.goto(`${url}/workspace/crosswalks?taxonomy=DPO-GROUPS`);
  await officer.page.locator(".crosswalk-table tbody tr[data-category]").first().waitFor();
  expect(await officer.page.getByRole("button", { name: /^Edit the shares/ }).count()).toBe(0);
  const refused = await mutate(officer.page.request, url, "crosswalk.setCategory", {
    taxonomy: "DPO-GROUPS",
    category: "III",
    name: "Operational requirements",
    shares: [{ commonCategory: "UNSDG-7", share: "1" }],
  });
  expect(refused.code).toBe("FORBIDDEN");
  await officer.page.goto(`${url}/workspace/mandates?operation=MINUSCA`);
  await officer.page.locator(".mandate-card").first().waitFor();
  expect(await officer.page.getByRole("button", { name: /^Edit S\/RES\/2759/ }).count()).toBe(1);
  await officer.context.close();
}, 180_000);

it("journey 8: removing a mandate someone changed since shows both versions; nothing is removed unseen", async () => {
  const url = e2e.url;
  const { context, page } = await e2e.signedInPage("finance.minusca");
  const resolution = "S/RES/E2E-REMOVE (2030)";
  const mandate = {
    operation: "MINUSCA",
    resolution,
    adoptedOn: "2030-01-10",
    periodStart: "2030-01-15",
    periodEnd: "2030-12-31",
    tasks: [{ code: "CIV-PROTECT", title: "Protection of civilians", rank: 1 }],
  };
  expect((await mutate(page.request, url, "mandate.create", mandate)).status).toBe(200);
  type Listed = { id: number; version: number; resolution: string; tasks: { code: string }[] }[];
  const mine = async () =>
    (await query<Listed>(page.request, url, "mandate.list", { operation: "MINUSCA" })).find(
      (m) => m.resolution === resolution,
    );
  const opened = (await mine())!;
  await page.goto(`${url}/workspace/mandates?operation=MINUSCA`);
  await page.getByRole("button", { name: `Edit ${resolution} and its tasks` }).click();

  // Meanwhile an administrator adds a task to it.
  const admin = await e2e.signedInPage("admin");
  const { operation: _operation, ...fields } = mandate;
  const changed = await mutate(admin.page.request, url, "mandate.update", {
    id: opened.id,
    version: opened.version,
    ...fields,
    tasks: [
      ...mandate.tasks,
      { code: "PEACE-PROC", title: "Support to the peace process", rank: 2 },
    ],
  });
  expect(changed.status).toBe(200);
  await admin.context.close();

  // The removal is refused: both versions side by side, the task list marked as different.
  await page.getByRole("button", { name: "Remove this mandate" }).click();
  await page.getByRole("button", { name: "Yes, remove it" }).click();
  const conflict = page.locator(".conflict");
  await conflict
    .getByText("Someone else changed this mandate since you opened it: it was not removed")
    .waitFor();
  const tasksRow = conflict.locator("tr[data-field='tasks']");
  expect(await tasksRow.getAttribute("class")).toBe("differs");
  expect(await tasksRow.locator(".theirs").innerText()).toContain("PEACE-PROC");
  expect(await tasksRow.locator(".mine").innerText()).not.toContain("PEACE-PROC");
  expect(await mine()).toBeDefined();
  await checkBothLanguages(page, "ws8-01-remove-conflict");

  // Keep theirs: the form now holds their version, and nothing was removed.
  await page.getByRole("button", { name: "Keep their version (do not remove)" }).click();
  expect(await conflict.count()).toBe(0);
  expect(await page.getByLabel("Title of PEACE-PROC").inputValue()).toBe(
    "Support to the peace process",
  );
  await checkBothLanguages(page, "ws8-02-kept-theirs");

  // Removed once seen, at the version shown.
  await page.getByRole("button", { name: "Remove this mandate" }).click();
  await page.getByRole("button", { name: "Yes, remove it" }).click();
  await expect.poll(async () => (await mine()) === undefined).toBe(true);
  await context.close();
}, 120_000);
