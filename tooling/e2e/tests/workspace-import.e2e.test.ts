// The import wizard's column mapping and progress in real Chromium: a finance officer uploads a
// CSV whose headers are the donor's own, maps the one column the wizard cannot recognise, sees
// what blocks the preview until then, imports with a progress bar that reaches 100 %, uploads a
// second file from the same source and finds the mapping remembered, and reads a row error in
// French. axe-core runs at each step in English and French.
import { expect, it } from "vitest";
import type { Page } from "playwright-core";
import { appInChromium, artifactPath, checkBothLanguages, query } from "../src/index";

const e2e = appInChromium();

/** The donor's own export: French names, semicolons, one column Coherence does not keep. */
const HEADER =
  "Réf;Bailleur de fonds;Bénéficiaire;Mission;Tâche;Type;Statut;Montant;Devise;Date du statut;Interne";
const row = (ref: string, amount: string) =>
  `${ref};NOR;UNDP;MINUSCA;CIV-PROTECT;voluntary_earmarked;pledged;${amount};USD;2025-06-01;x`;
/** Enough rows for the import to write in several batches. */
const ROWS = Array.from({ length: 6000 }, (_, i) => row(`MAP-E2E-${i + 1}`, "10.00"));

async function upload(page: Page, name: string, lines: string[]) {
  await page.getByLabel("File", { exact: true }).setInputFiles({
    name,
    mimeType: "text/csv",
    buffer: Buffer.from(`${HEADER}\n${lines.join("\n")}\n`),
  });
  await page.getByText(name).waitFor();
  await page.locator(".mapping-table").waitFor();
}

const fieldOf = (page: Page, header: string) =>
  page.getByLabel(`Field for the column “${header}”`, { exact: true });

it("maps a donor's columns, imports with progress to 100 %, remembers the mapping, shows a row error in French", async () => {
  const { context, page } = await e2e.signedInPage("finance.minusca");
  await page.goto(`${e2e.url}/workspace/import`);
  await page.getByLabel("Kind of file").selectOption("flows");
  await page.getByLabel("The file comes from").selectOption("NOR");
  // What the wizard sends: the file goes up once; the later steps name it by its id.
  const sent: { url: string; bytes: number }[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/trpc/import."))
      sent.push({ url: request.url(), bytes: request.postDataBuffer()?.length ?? 0 });
  });

  // The file's columns, each proposed a field by name or by a known other name.
  await upload(page, "norway-2025.csv", ROWS);
  expect(await fieldOf(page, "Montant").inputValue()).toBe("amount");
  expect(await fieldOf(page, "Devise").inputValue()).toBe("currency");
  expect(await fieldOf(page, "Interne").inputValue()).toBe("");
  expect(await fieldOf(page, "Bailleur de fonds").inputValue()).toBe("");
  // The donor column was not recognised: the preview is blocked, and the page says why.
  const missing = page.locator(".mapping-gaps [data-gap='missing']");
  expect(await missing.innerText()).toContain("Donor (source)");
  await page.getByRole("button", { name: "Preview" }).click();
  expect(await page.locator(".import-preview").count()).toBe(0);
  await checkBothLanguages(page, "wi-01-mapping-blocked");

  // The user maps it; the preview reads the file through the mapping.
  await fieldOf(page, "Bailleur de fonds").selectOption("source");
  await page.getByText("Every required field has a column.").waitFor();
  await page.getByRole("button", { name: "Preview" }).click();
  await page.getByText("No problem found.").waitFor();
  expect(await page.locator(".import-preview [data-count='created']").innerText()).toBe("6,000");
  await checkBothLanguages(page, "wi-02-preview");

  // Import: a real progress bar, watched from the page, ends at 100 %.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector("[role='progressbar']");
      const now = bar?.getAttribute("aria-valuenow");
      if (now && seen.at(-1) !== now) seen.push(now);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const bar = page.getByRole("progressbar", { name: "Import progress" });
  await bar.waitFor();
  await page.getByText(/^Import #\d+ is saved\.$/).waitFor({ timeout: 120_000 });
  expect(await bar.getAttribute("aria-valuenow")).toBe("100");
  const seen = await page.evaluate(
    () => (window as unknown as { progressSeen: string[] }).progressSeen,
  );
  expect(seen.at(-1)).toBe("100");
  expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((a, b) => a - b));
  expect(await bar.getAttribute("aria-valuetext")).toContain(
    "6,000 of 6,000 rows checked, 6,000 written",
  );
  expect(await page.locator(".import-result [data-count='created']").innerText()).toBe("6,000");
  // One upload of the whole file (about 600 KB); reading its columns, the preview and the
  // import each sent a few hundred bytes.
  const uploads = sent.filter((r) => r.url.includes("import.upload"));
  expect(uploads).toHaveLength(1);
  expect(uploads[0]!.bytes).toBeGreaterThan(500_000);
  const steps = sent.filter((r) => /import\.(inspect|preview|start)/.test(r.url));
  expect(steps.map((r) => r.url.match(/import\.(inspect|preview|start)/)![1])).toEqual(
    expect.arrayContaining(["inspect", "preview", "start"]),
  );
  expect(Math.max(...steps.map((r) => r.bytes))).toBeLessThan(5_000);
  await checkBothLanguages(page, "wi-03-imported");
  const stored = await query<{ total: number }>(page.request, e2e.url, "flow.list", {
    search: "MAP-E2E-",
    limit: 1,
  });
  expect(stored.total).toBe(6000);

  // A second file from the same source: its columns come mapped as confirmed, remembered.
  await upload(page, "norway-2025-b.csv", [
    row("MAP-E2E-B1", "5.00"),
    row("MAP-E2E-B2", "1.250.000"),
  ]);
  expect(await fieldOf(page, "Bailleur de fonds").inputValue()).toBe("source");
  expect(
    await page.locator(".mapping-table tr[data-header='Bailleur de fonds'] td").last().innerText(),
  ).toBe("remembered for this source");
  await page.getByText("The mapping remembered for this source was applied.").waitFor();
  await checkBothLanguages(page, "wi-04-remembered");

  // Its bad row, at its line and the file's own column name, explained in French.
  await page.getByRole("button", { name: "Preview" }).click();
  const problem = page.locator(".problems-table tbody tr").first();
  await problem.waitFor();
  expect(await problem.getAttribute("data-line")).toBe("3");
  expect(await problem.getAttribute("data-column")).toBe("Montant");
  await page.locator(".header-tools select").selectOption("fr");
  await page.waitForFunction(() => document.documentElement.lang === "fr");
  expect(await problem.locator("td").last().innerText()).toBe("n'est pas un nombre décimal");
  await page.screenshot({ path: artifactPath("wi-05-row-error-fr.png"), fullPage: true });
  await checkBothLanguages(page, "wi-05-row-error");
  await context.close();
});

it("draws long pages of contributions and of the audit log as virtual rows, keyboard included", async () => {
  const { context, page } = await e2e.signedInPage("finance.minusca");
  const matching = await query<{ total: number }>(page.request, e2e.url, "flow.list", {
    operation: "MINUSCA",
    limit: 1,
  });
  await page.goto(`${e2e.url}/workspace?operation=MINUSCA&sort=id&dir=asc&size=500`);
  const table = page.locator(".flows-table");
  await table.locator("tbody tr[data-flow-id]").first().waitFor();
  // The whole set is counted for assistive technology; only the rows near the viewport exist.
  expect(await table.getAttribute("aria-rowcount")).toBe(String(matching.total + 2));
  const drawn = await table.locator("tbody tr[data-flow-id]").count();
  expect(drawn).toBeGreaterThan(0);
  expect(drawn).toBeLessThan(500);
  expect(await table.locator("tbody tr[data-flow-id]").first().getAttribute("aria-rowindex")).toBe(
    "2",
  );
  await checkBothLanguages(page, "wi-06-flows-virtual");

  // ArrowDown walks row by row, past the rows first drawn.
  await table.locator("tbody tr[data-flow-id]").first().getByRole("link").focus();
  for (let i = 0; i < drawn + 5; i++) await page.keyboard.press("ArrowDown");
  await expect
    .poll(() =>
      page.evaluate(() => document.activeElement?.closest("tr")?.getAttribute("aria-rowindex")),
    )
    .toBe(String(drawn + 7));
  expect(await table.locator("tbody tr[data-index='0']").count()).toBe(0);
  await page.keyboard.press("ArrowUp");
  await expect
    .poll(() =>
      page.evaluate(() => document.activeElement?.closest("tr")?.getAttribute("aria-rowindex")),
    )
    .toBe(String(drawn + 6));

  // The last row of the page is there once scrolled to.
  await page.evaluate(() => {
    window.scrollTo(0, document.body.scrollHeight);
  });
  await table.locator("tbody tr[aria-rowindex='501']").waitFor();

  // Budget lines too: the whole set counted, rows numbered in it, ArrowDown to the next row.
  const lines = await query<{ total: number }>(page.request, e2e.url, "requirement.list", {
    operation: "MINUSCA",
    limit: 1,
  });
  await page.goto(`${e2e.url}/workspace/requirements?operation=MINUSCA&size=500`);
  const budget = page.locator(".requirements-table");
  await budget.locator("tbody tr[data-requirement-id]").first().waitFor();
  expect(await budget.getAttribute("aria-rowcount")).toBe(String(lines.total + 2));
  const firstLine = budget.locator("tbody tr[data-requirement-id]").first();
  expect(await firstLine.getAttribute("aria-rowindex")).toBe("2");
  await firstLine.getByRole("link").focus();
  await page.keyboard.press("ArrowDown");
  await expect
    .poll(() =>
      page.evaluate(() => document.activeElement?.closest("tr")?.getAttribute("aria-rowindex")),
    )
    .toBe("3");
  await checkBothLanguages(page, "wi-07-requirements-virtual");

  // The audit log pages on the server, newest first: older entries come on demand.
  await page.goto(`${e2e.url}/workspace/audit?actor=user:finance.minusca`);
  const audit = page.locator(".audit-table");
  await audit.locator("tbody tr[data-action]").first().waitFor();
  const total = Number(await audit.getAttribute("aria-rowcount")) - 1;
  expect(total).toBeGreaterThan(6000);
  await page.getByText(`100 of ${total.toLocaleString("en-US")} entries shown`).waitFor();
  await page.getByRole("button", { name: "Show older entries" }).click();
  await page.getByText(`200 of ${total.toLocaleString("en-US")} entries shown`).waitFor();
  expect(await audit.locator("tbody tr[data-action]").count()).toBeLessThan(200);
  await checkBothLanguages(page, "wi-07b-audit-paged");
  await context.close();
});

it("says what is wrong with a damaged FTS or IATI file, in French too", async () => {
  const { context, page } = await e2e.signedInPage("finance.minusca");
  await page.goto(`${e2e.url}/workspace/import`);
  const reason = page.locator(".import-preview .problems-table tbody tr td").last();
  const previewOf = async (kind: string, name: string, content: string) => {
    await page.getByLabel("Kind of file").selectOption(kind);
    await page.getByLabel("File", { exact: true }).setInputFiles({
      name,
      mimeType: "application/octet-stream",
      buffer: Buffer.from(content),
    });
    await page.getByText(name, { exact: false }).first().waitFor();
    await page.getByRole("button", { name: "Preview" }).click();
    await page.locator(".import-preview .problems-table").waitFor();
  };

  // An FTS answer cut short in its download.
  await previewOf("fts", "fts-page-1.json", '{"data": {"flows": [{"id": 1, "amountUSD": 10');
  expect(await reason.innerText()).toBe(
    "not valid JSON (a truncated download?): the file ends too soon",
  );
  await checkBothLanguages(page, "wi-08-fts-truncated");
  await page.locator(".header-tools select").selectOption("fr");
  await page.waitForFunction(() => document.documentElement.lang === "fr");
  expect(await reason.innerText()).toBe(
    "JSON non valide (un téléchargement tronqué ?) : le fichier se termine trop tôt",
  );
  await page.screenshot({
    path: artifactPath("wi-08-fts-truncated-reason-fr.png"),
    fullPage: true,
  });

  // An IATI file whose activity is never closed, chosen with the interface in French.
  await page.getByLabel("Type de fichier").selectOption("iati");
  await page.getByLabel("Fichier", { exact: true }).setInputFiles({
    name: "iati-activities.xml",
    mimeType: "application/xml",
    buffer: Buffer.from('<iati-activities version="2.03"><iati-activity>'),
  });
  await page.getByText("iati-activities.xml", { exact: false }).first().waitFor();
  await page.getByRole("button", { name: "Aperçu" }).click();
  await page.locator(".import-preview h3", { hasText: "iati-activities.xml" }).waitFor();
  expect(await reason.innerText()).toBe(
    "XML mal formé : l'élément <iati-activity> n'est jamais fermé (un téléchargement tronqué ?)",
  );
  await checkBothLanguages(page, "wi-09-iati-unclosed");
  await context.close();
});
