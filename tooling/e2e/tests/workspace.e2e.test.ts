// Issue 8's journeys in real Chromium: (3) two users edit the same contribution in two browser
// contexts, the second sees both versions side by side and chooses, and the audit log shows
// both changes; (4) a finance officer of another operation finds no edit control on this one
// and is refused by the server. axe-core runs at every step in English and French.
import { expect, it } from "vitest";
import type { Page } from "playwright-core";
import { appInChromium, artifactPath, checkBothLanguages, mutate, query } from "../src/index";

const e2e = appInChromium();

async function openWorkspace(page: Page, query: string) {
  await page.getByRole("link", { name: "Workspace", exact: true }).click();
  await page.locator(".flows-table").waitFor();
  await page.goto(`${new URL(page.url()).origin}/workspace${query}`);
  await page.locator(".flows-table tbody tr[data-flow-id]").first().waitFor();
}

it("journey 3: a concurrent edit shows both versions, the user chooses, the audit log has both", async () => {
  const a = await e2e.signedInPage("finance.minusca");
  const b = await e2e.signedInPage("admin");

  await openWorkspace(a.page, "?operation=MINUSCA&sort=id&dir=asc");
  await checkBothLanguages(a.page, "ws3-01-flows-table");
  const row = a.page.locator(".flows-table tbody tr[data-writable='true']").first();
  const flowId = await row.getAttribute("data-flow-id");
  expect(flowId).toMatch(/^\d+$/);
  // Totals cover every matching row, not one page.
  expect(
    Number(await a.page.locator(".flows-total").getAttribute("data-total-cents")),
  ).toBeGreaterThan(0);
  // The sum stands under the USD column.
  const usdHeader = await a.page
    .locator(".flows-table thead th")
    .filter({ hasText: "Amount (USD)" })
    .boundingBox();
  const totalCell = await a.page.locator(".flows-total").boundingBox();
  expect(Math.abs(totalCell!.x - usdHeader!.x)).toBeLessThan(2);

  // Both open the same contribution.
  await row.getByRole("link").click();
  await a.page.locator(".flow-editor form.ws-form").waitFor();
  await b.page.goto(`${e2e.url}/workspace/flows/${flowId}`);
  await b.page.locator(".flow-editor form.ws-form").waitFor();
  await checkBothLanguages(a.page, "ws3-02-editor");

  // A field error comes back from the server next to its field.
  await a.page.getByLabel("Amount", { exact: true }).fill("12x");
  await a.page.getByRole("button", { name: "Save changes" }).click();
  await a.page.locator("[data-field='amount'] .field-error").waitFor();
  await checkBothLanguages(a.page, "ws3-03-field-error");
  await a.page.getByLabel("Amount", { exact: true }).fill("1,250,000.00");

  // A saves first.
  await a.page.getByLabel("Notes").fill("Checked against the donor letter (A)");
  await a.page.getByRole("button", { name: "Save changes" }).click();
  await a.page.getByText(/^Saved \(version \d+\)\.$/).waitFor();

  // B, still on the version it opened, saves: refused, both versions side by side.
  await b.page.getByLabel("Notes").fill("Corrected from the ledger (B)");
  await b.page.getByRole("button", { name: "Save changes" }).click();
  const conflict = b.page.locator("section.conflict");
  await conflict.waitFor();
  await expect
    .poll(() => conflict.locator("tr[data-field='notes'] td.theirs").innerText())
    .toBe("Checked against the donor letter (A)");
  expect(await conflict.locator("tr[data-field='notes'] td.mine").innerText()).toBe(
    "Corrected from the ledger (B)",
  );
  expect(await conflict.innerText()).toContain("user:finance.minusca");
  await checkBothLanguages(b.page, "ws3-04-conflict");

  // B chooses its own version, knowingly.
  await conflict.getByRole("button", { name: "Save my version over theirs" }).click();
  await b.page.getByText(/^Saved \(version \d+\)\.$/).waitFor();
  expect(await b.page.locator("section.conflict").count()).toBe(0);

  // Status progress in one action, with its date; the history gains the step.
  const steps = await b.page.locator(".history-table tbody tr").count();
  await b.page.getByLabel("Date", { exact: true }).fill("2025-01-15");
  await b.page.getByRole("button", { name: "Mark as paid" }).click();
  await expect.poll(() => b.page.locator(".history-table tbody tr").count()).toBe(steps + 1);
  expect(await b.page.locator(".history-table tbody tr").last().innerText()).toMatch(
    /paid[\s\S]*Jan 15, 2025/i,
  );
  await b.page.getByText(/^Saved \(version \d+\)\.$/).waitFor();
  await checkBothLanguages(b.page, "ws3-05-status-paid");

  // The audit log of this record shows both changes, by both users.
  await b.page.getByRole("link", { name: "Audit log of this contribution" }).click();
  await b.page.locator(".audit-table").waitFor();
  const actors = await b.page
    .locator(".audit-table > tbody > tr[data-action='update']")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-actor")));
  expect(actors).toEqual(expect.arrayContaining(["user:finance.minusca", "user:admin"]));
  const text = await b.page.locator(".audit-table").innerText();
  expect(text).toContain("Checked against the donor letter (A)");
  expect(text).toContain("Corrected from the ledger (B)");
  await checkBothLanguages(b.page, "ws3-06-audit");

  // Reference data: the rate in force is highlighted; a bad rate is refused at its field.
  await b.page.goto(`${e2e.url}/workspace/rates`);
  await b.page.locator(".rates-table tr[data-in-force='true']").first().waitFor();
  await b.page.getByLabel("Currency").fill("EUR");
  await b.page.getByLabel("In force from").fill("2030-01-01");
  await b.page.getByLabel("Units per USD").fill("0,9x");
  await b.page.getByRole("button", { name: "Save the rate" }).click();
  await b.page.locator("[data-field='unitsPerUsd'] .field-error").waitFor();
  await checkBothLanguages(b.page, "ws3-07-rates");

  await a.context.close();
  await b.context.close();
});

it("journey 4: a finance officer of another operation cannot edit this one", async () => {
  // An administrator creates a finance officer for UNMISS.
  const unmissOfficer = { username: "finance.unmiss", password: "coherence-unmiss" };
  const admin = await e2e.signedInRequest("admin");
  const created = await mutate(admin.request, e2e.url, "user.create", {
    ...unmissOfficer,
    displayName: "UNMISS finance officer",
    role: "finance_officer",
    assignments: [{ operation: "UNMISS", entity: null }],
  });
  expect(created.status).toBe(200);
  await admin.context.close();

  const u = await e2e.signedInPage(unmissOfficer);
  // Their own operation: edit controls.
  await openWorkspace(u.page, "?operation=UNMISS");
  expect(
    await u.page.locator(".flows-table tbody tr[data-writable='true']").count(),
  ).toBeGreaterThan(0);
  // MINUSCA: every row read-only, no edit link.
  await u.page.goto(`${e2e.url}/workspace?operation=MINUSCA`);
  await u.page.locator(".flows-table tbody tr[data-flow-id]").first().waitFor();
  expect(await u.page.locator(".flows-table tbody tr[data-writable='true']").count()).toBe(0);
  expect(await u.page.getByRole("link", { name: /^Edit / }).count()).toBe(0);
  await checkBothLanguages(u.page, "ws4-01-other-operation");

  const row = u.page.locator(".flows-table tbody tr[data-flow-id]").first();
  const flowId = Number(await row.getAttribute("data-flow-id"));
  await row.getByRole("link").click();
  await u.page.locator(".read-only-note").waitFor();
  expect(
    await u.page.locator(".flow-editor input, .flow-editor select, .flow-editor textarea").count(),
  ).toBe(0);
  expect(await u.page.getByRole("button", { name: /Save|Mark as/ }).count()).toBe(0);
  await checkBothLanguages(u.page, "ws4-02-read-only-flow");

  // The server refuses the write all the same.
  const refused = await mutate(u.page.request, e2e.url, "flow.advanceStatus", {
    id: flowId,
    version: 1,
    status: "paid",
    date: "2030-01-01",
  });
  expect(refused.code).toBe("FORBIDDEN");
  await u.context.close();
});

it("journey 2: three pasted rows, one invalid, fixed in place and saved", async () => {
  const { context, page } = await e2e.signedInPage("finance.minusca");
  await page.getByRole("link", { name: "Workspace", exact: true }).click();
  await page.getByRole("link", { name: "Paste rows" }).click();
  const box = page.getByLabel("Paste the copied cells here");
  await box.waitFor();
  await checkBothLanguages(page, "ws2-01-paste-empty");

  // What Excel puts on the clipboard for a 3-row block: cells separated by tabs, rows by CRLF.
  const rows = [
    [
      "PASTE-E2E-1",
      "NOR",
      "UNDP",
      "MINUSCA",
      "CIV-PROTECT",
      "voluntary_earmarked",
      "pledged",
      "1250000.00",
      "USD",
      "2025-02-01",
      "2025-01-01",
      "2025-12-31",
      "earmarked",
      "",
      "pasted",
    ],
    [
      "PASTE-E2E-2",
      "DEU",
      "UNICEF",
      "MINUSCA",
      "HUMANITARIAN",
      "voluntary_earmarked",
      "committed",
      "800000.00",
      "USD",
      "2025-13-01",
      "2025-01-01",
      "2025-12-31",
      "",
      "",
      "",
    ],
    [
      "PASTE-E2E-3",
      "GBR",
      "WFP",
      "MINUSCA",
      "",
      "voluntary_core",
      "paid",
      "300000.50",
      "USD",
      "2025-03-15",
      "2025-01-01",
      "2025-12-31",
      "unearmarked",
      "",
      "",
    ],
  ];
  const tsv = rows.map((r) => r.join("\t")).join("\r\n") + "\r\n";
  await box.focus();
  await box.evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    el.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, tsv);

  // Each row is checked in place: row 2's date is wrong, and says so in its cell.
  await page.locator(".paste-table tr[data-row='2'][data-valid='false']").waitFor();
  expect(await page.locator(".paste-table tr[data-valid='true']").count()).toBe(2);
  const bad = page.getByLabel("Row 2, Date of status");
  expect(await bad.getAttribute("aria-invalid")).toBe("true");
  expect(await page.locator(".paste-table tr[data-row='2'] td.cell-invalid").count()).toBe(1);
  await page.getByText("1 rows have errors: nothing saved.").waitFor();
  // The server's message in the cell, in the interface language: English, then French.
  const cellError = page.locator(".paste-table tr[data-row='2'] td.cell-invalid .field-error");
  expect(await cellError.innerText()).toBe("Not a calendar date");
  await page.locator(".header-tools select").selectOption("fr");
  await page.waitForFunction(() => document.documentElement.lang === "fr");
  expect(await cellError.innerText()).toBe("Cette date n'existe pas");
  expect(await page.locator(".paste-table tr[data-row='2'] .row-status").innerText()).toContain(
    "Cette date n'existe pas",
  );
  await page.screenshot({ path: artifactPath("ws2-02-paste-error-fr.png"), fullPage: true });
  await page.locator(".header-tools select").selectOption("en");
  await page.waitForFunction(() => document.documentElement.lang === "en");
  await checkBothLanguages(page, "ws2-02-paste-errors");

  // Fix the cell, check again, save.
  await bad.fill("2025-03-01");
  await page.getByRole("button", { name: "Check the rows" }).click();
  await page.getByText("Every row is valid: nothing saved yet.").waitFor();
  expect(await page.locator(".paste-table tr[data-valid='true']").count()).toBe(3);
  await page.getByRole("button", { name: "Save 3 rows" }).click();
  await page.getByText("3 rows saved.").waitFor();
  await checkBothLanguages(page, "ws2-03-paste-saved");

  const saved = await query<{ items: { external_ref: string; provenance: string }[] }>(
    page.request,
    e2e.url,
    "flow.list",
    { search: "PASTE-E2E" },
  );
  expect(saved.items.map((f) => f.external_ref).sort()).toEqual([
    "PASTE-E2E-1",
    "PASTE-E2E-2",
    "PASTE-E2E-3",
  ]);
  await context.close();
});

/** The funded cents the gap chart draws, per task, read from its marks. */
async function chartFunded(page: Page, url: string): Promise<Record<string, number>> {
  await page.goto(`${url}/operations/MINUSCA?period=cy2025`);
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

const HEADER =
  "external_ref,source,recipient,operation,task_code,funding_type,status,amount,currency,date,period_start,period_end,earmarking,category,notes";
const GOOD_1 =
  "IMPORT-E2E-1,NOR,UNDP,MINUSCA,CIV-PROTECT,voluntary_earmarked,paid,1250000.00,USD,2025-04-01,2025-01-01,2025-12-31,earmarked,,";
const BAD_2 =
  "IMPORT-E2E-2,DEU,UNICEF,MINUSCA,CIV-PROTECT,voluntary_earmarked,committed,1.250.000,USD,2025-05-01,2025-01-01,2025-12-31,,,";
const FIXED_2 =
  "IMPORT-E2E-2,DEU,UNICEF,MINUSCA,CIV-PROTECT,voluntary_earmarked,committed,750000.00,USD,2025-05-01,2025-01-01,2025-12-31,,,";

it("journey 1: import a CSV with a bad row, see it at its line and column, fix, import, see the chart change, undo", async () => {
  const url = e2e.url;
  const { context, page } = await e2e.signedInPage("finance.minusca");
  const before = await chartFunded(page, url);

  await page.goto(`${url}/workspace/import`);
  await page.getByLabel("Kind of file").waitFor();
  await checkBothLanguages(page, "ws1-01-import");
  await page.getByLabel("Kind of file").selectOption("flows");
  await page.getByLabel("File", { exact: true }).setInputFiles({
    name: "contributions.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`${HEADER}\n${GOOD_1}\n${BAD_2}\n`),
  });
  await page.getByText("contributions.csv").waitFor();
  await page.getByRole("button", { name: "Preview" }).click();
  const problem = page.locator(".problems-table tbody tr").first();
  await problem.waitFor();
  expect(await problem.getAttribute("data-line")).toBe("3");
  expect(await problem.getAttribute("data-column")).toBe("amount");
  expect(await problem.innerText()).toContain("1.250.000");
  await checkBothLanguages(page, "ws1-02-preview-error");

  // The file is fixed and uploaded again: no problem, then imported.
  await page.getByLabel("File", { exact: true }).setInputFiles({
    name: "contributions-fixed.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`${HEADER}\n${GOOD_1}\n${FIXED_2}\n`),
  });
  await page.getByText("contributions-fixed.csv").waitFor();
  await page.getByRole("button", { name: "Preview" }).click();
  await page.getByText("No problem found.").waitFor();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const done = page.getByText(/^Import #\d+ is saved\.$/);
  await done.waitFor();
  const importId = /#(\d+)/.exec(await done.innerText())?.[1];
  expect(await page.locator(".import-result [data-count='created']").innerText()).toBe("2");
  await checkBothLanguages(page, "ws1-03-imported");

  // The gap chart counts the new money: exactly the two amounts, on the task they fund.
  const after = await chartFunded(page, url);
  expect(after["CIV-PROTECT"]! - before["CIV-PROTECT"]!).toBe(200_000_000);
  await page.screenshot({ path: artifactPath("ws1-04-chart-after-import.png"), fullPage: true });

  // Undo the whole import: the chart is back where it was.
  await page.goto(`${url}/workspace/import`);
  await page.getByRole("button", { name: `Undo this whole import #${importId}` }).click();
  await page.getByText(/^The import is undone/).waitFor();
  await checkBothLanguages(page, "ws1-05-undone");
  expect(await chartFunded(page, url)).toEqual(before);
  await context.close();
});
