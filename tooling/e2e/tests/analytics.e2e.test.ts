// Issue 9's views in real Chromium: a reviewer opens each analytic view of an operation, checks a
// figure against the API's, runs axe-core (nothing excluded) in English and French, and saves
// screenshots. "Why this number?" on pledge fulfilment and volatility lists the records that
// add up to them; the coverage heatmap exports as SVG and PNG. Selecting a flow-diagram node puts its filter in the URL and the other views
// follow it. Figures are read from the API, never hard-coded.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import type { Page } from "playwright-core";
import { appInChromium, artifactPath, checkBothLanguages, query } from "../src/index";

const e2e = appInChromium();

/** Screenshots (analytics-<name>-<lang>.png) and axe-core, in English then French. */
const check = (page: Page, name: string) => checkBothLanguages(page, `analytics-${name}`);

/** The time-axis labels of the timeline that Chromium draws past the chart's left or right edge. */
async function timeAxisLabelsOutside(page: Page): Promise<string[]> {
  return page.locator(".timeline-chart").evaluate((svg) => {
    const chart = svg.getBoundingClientRect();
    return [...svg.querySelectorAll(".timeline-x-tick text")]
      .filter((label) => {
        const box = label.getBoundingClientRect();
        return box.left < chart.left || box.right > chart.right;
      })
      .map((label) => label.textContent);
  });
}

it("opens every analytic view with the API's figures, accessible in English and French", async () => {
  const url = e2e.url;
  const { context, page, pageErrors } = await e2e.signedInPage("reviewer");

  const operation = "MINUSCA";
  const period = { kind: "peacekeeping", year: 2024 } as const;

  // From the operation view, the tabs lead to the analytic views.
  await page.goto(`${url}/operations/${operation}?period=pk2024`);
  await page.locator(".task-gap-row").first().waitFor();
  await page
    .getByRole("navigation", { name: "Analytic views" })
    .getByRole("link", { name: "Funding over time" })
    .click();

  // 1. Timeline: the paid total and the median lag are the API's.
  await page.waitForURL(/\/timeline/);
  await page.locator(".timeline-chart").waitFor();
  const timeline = await query<{
    series: { month: string; pledged: number; committed: number; paid: number }[];
    medianDaysPledgeToPayment: number | null;
  }>(page.request, url, "analytics.timeline", { operation });
  const lastMonth = timeline.series.at(-1)!;
  expect(
    Number(await page.locator(".summary [data-measure='paid']").getAttribute("data-cents")),
  ).toBe(lastMonth.paid);
  expect(await page.locator(".timeline-chart").getAttribute("data-paid-cents")).toBe(
    String(lastMonth.paid),
  );
  expect(
    await page.locator(".summary [data-measure='median-days']").getAttribute("data-days"),
  ).toBe(String(timeline.medianDaysPledgeToPayment ?? ""));
  // Why this number: the status changes listed sum to the month's figure.
  await page
    .locator(`.timeline-table tr[data-month='${lastMonth.month}'] td[data-measure='paid'] button`)
    .click();
  await page.waitForURL(/why=month/);
  const whySum = await page
    .locator(".why-panel .why-record")
    .evaluateAll((rows) => rows.reduce((s, r) => s + Number(r.getAttribute("data-cents")), 0));
  expect(whySum).toBe(lastMonth.paid);
  // Every label of the time axis lies inside the chart in both languages ("juil. 2025" was cut).
  for (const lang of ["fr", "en"]) {
    await page.locator(".header-tools select").selectOption(lang);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    expect(await timeAxisLabelsOutside(page), lang).toEqual([]);
  }
  await check(page, "timeline");

  // 2. Flows: node money equals the API's links; selecting a node sets a filter in the URL.
  await page.goto(`${url}/operations/${operation}/flows?period=pk2024`);
  await page.locator(".flow-sankey .flow-node").first().waitFor();
  const graph = await query<{
    nodes: { id: string; kind: string; code: string | null }[];
    links: { source: string; target: string; cents: number; kind: string }[];
  }>(page.request, url, "analytics.flowGraph", { operation, period });
  const task = graph.nodes.find((n) => n.kind === "task" && n.code !== null)!;
  const inflow = graph.links.filter((l) => l.target === task.id).reduce((s, l) => s + l.cents, 0);
  const taskNode = page.locator(`.flow-node[data-node='${task.id}']`);
  expect(Number(await taskNode.getAttribute("data-in-cents"))).toBe(inflow);
  await check(page, "flows");
  await taskNode.focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(new RegExp(`task=${task.code}`));
  expect(
    await page.locator(`.flow-node[data-node='${task.id}']`).getAttribute("aria-current"),
  ).toBe("true");
  // A donor node filters by donor.
  const donorLink = graph.links.find((l) => l.kind === "contribution")!;
  await page.locator(`.flow-node[data-node='${donorLink.source}']`).click();
  const donor = donorLink.source.slice(4);
  await page.waitForURL(new RegExp(`donor=${donor}`));
  // The link table explains a figure with the records behind it.
  const linkIndex = graph.links.indexOf(donorLink);
  await page
    .locator(
      `.flows-table tr[data-source='${donorLink.source}'][data-target='${donorLink.target}'] button`,
    )
    .click();
  await page.waitForURL(new RegExp(`why=link%3A${linkIndex}`));
  await page.locator(".why-panel .why-side").waitFor();
  expect(Number(await page.locator(".why-panel .why-side").getAttribute("data-value"))).toBe(
    donorLink.cents,
  );

  // 3. The filter follows to the other views: the timeline now shows that donor's money only.
  await page
    .getByRole("navigation", { name: "Analytic views" })
    .getByRole("link", { name: "Funding over time" })
    .click();
  await page.waitForURL(new RegExp(`/timeline\\?period=pk2024&donor=${donor}`));
  const donorTimeline = await query<{ series: { paid: number }[] }>(
    page.request,
    url,
    "analytics.timeline",
    {
      operation,
      donor,
    },
  );
  await expect
    .poll(async () =>
      Number(await page.locator(".summary [data-measure='paid']").getAttribute("data-cents")),
    )
    .toBe(donorTimeline.series.at(-1)?.paid ?? 0);
  // …and the operation view keeps it.
  await page
    .getByRole("navigation", { name: "Analytic views" })
    .getByRole("link", { name: "Gap by task" })
    .click();
  await page.waitForURL(new RegExp(`/operations/${operation}\\?period=pk2024&donor=${donor}`));
  await page.locator(".task-gap-row").first().waitFor();

  // 4. Coverage heatmap: the table's cells are the API's; one tab stop; arrows move; Enter explains.
  await page.goto(`${url}/operations/${operation}/coverage?grid=pk&by=quarter&from=2023&to=2025`);
  await page.locator(".heatmap-viewport").waitFor();
  const grid = await query<{
    tasks: { taskCode: string }[];
    periods: { label: string }[];
    cells: { funded: number; requirement: number; coverageDecimal: string | null }[][];
  }>(page.request, url, "analytics.coverageGrid", {
    operation,
    kind: "peacekeeping",
    granularity: "quarter",
    fromYear: 2023,
    toYear: 2025,
  });
  for (const [r, t] of grid.tasks.entries()) {
    const cells = await page
      .locator(`.coverage-table tr[data-task='${t.taskCode}'] td`)
      .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute("data-funded-cents"))));
    expect(cells).toEqual(grid.cells[r]!.map((c) => c.funded));
  }
  const viewport = page.locator(".heatmap-viewport");
  await viewport.focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowRight");
  expect(await viewport.getAttribute("data-active")).toBe("1,1");
  await expect
    .poll(() => page.locator(".heatmap-announcement").textContent())
    .toContain(grid.periods[1]!.label);
  await page.keyboard.press("Enter");
  await page.waitForURL(/why=cell%3A1%3A1/);
  await page.locator(".why-panel .why-side[data-measure='funded']").waitFor();
  expect(
    Number(
      await page
        .locator(".why-panel .why-side[data-measure='requirement']")
        .getAttribute("data-value"),
    ),
  ).toBe(grid.cells[1]![1]!.requirement);
  await check(page, "coverage");
  // The heatmap exports as SVG (every cell, role=img with its title, stamped) and as PNG.
  const exportBar = page.getByRole("group", { name: "Export" }).first();
  const [svgDownload] = await Promise.all([
    page.waitForEvent("download"),
    exportBar.getByRole("button", { name: "Chart as SVG" }).click(),
  ]);
  const svgPath = artifactPath("analytics-heatmap.svg");
  await svgDownload.saveAs(svgPath);
  const parsed = await page.evaluate(
    (text) => {
      const doc = new DOMParser().parseFromString(text, "image/svg+xml");
      const svg = doc.documentElement;
      return {
        error: doc.querySelector("parsererror")?.textContent ?? null,
        tag: svg.tagName,
        role: svg.getAttribute("role"),
        title: svg.querySelector("title")?.textContent ?? null,
        desc: svg.querySelector("desc")?.textContent ?? null,
        values: svg.querySelectorAll(".heatmap-value").length,
        stamp: [...svg.querySelectorAll(".chart-stamp text")].map((t) => t.textContent),
      };
    },
    readFileSync(svgPath, "utf8"),
  );
  expect(parsed).toMatchObject({ error: null, tag: "svg", role: "img" });
  expect(parsed.title).toBe(`Coverage by priority task and period, ${operation}`);
  expect(parsed.desc).toBeTruthy();
  expect(parsed.values).toBe(grid.tasks.length * grid.periods.length);
  expect(parsed.stamp.some((l) => l.startsWith("Data as of"))).toBe(true);
  expect(parsed.stamp.some((l) => l.startsWith("Rates in force"))).toBe(true);
  expect(parsed.stamp.some((l) => l.startsWith("Filters"))).toBe(true);
  await page.getByText("The image is ready.").first().waitFor();
  const [pngDownload] = await Promise.all([
    page.waitForEvent("download"),
    exportBar.getByRole("button", { name: "Chart as PNG" }).click(),
  ]);
  const pngPath = artifactPath("analytics-heatmap.png");
  await pngDownload.saveAs(pngPath);
  const png = readFileSync(pngPath);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // IHDR: the width and height of the whole grid (every row, not only the visible ones).
  expect(png.readUInt32BE(20)).toBeGreaterThan(28 * grid.tasks.length);

  // 5. Predictability: each measure is the API's, with its definition on focus.
  const asOf = "2025-12-31";
  await page.goto(`${url}/operations/${operation}/predictability?asof=${asOf}`);
  await page.locator(".predictability").waitFor();
  const predictability = await query<{
    arrears: { totalCents: number };
    medianDaysPledgeToPayment: number | null;
    pledgeFulfilment: { numerator: number; denominator: number } | null;
  }>(page.request, url, "report.predictability", { operation, asOf });
  expect(
    Number(await page.locator("[data-measure='arrears'] strong").getAttribute("data-cents")),
  ).toBe(predictability.arrears.totalCents);
  expect(
    await page.locator("[data-measure='pledgeFulfilment'] strong").getAttribute("data-numerator"),
  ).toBe(String(predictability.pledgeFulfilment?.numerator ?? ""));
  await page.locator("[data-measure='arrears'] .term").focus();
  await expect
    .poll(() => page.locator("[data-measure='arrears'] .definition").isVisible())
    .toBe(true);
  await check(page, "predictability");
  // Why this number? Pledge fulfilment lists the pledged contributions: paid ÷ pledged, both sums.
  const explained = await query<{
    decimals: { pledgeFulfilment: string | null; volatility: string | null };
    annualVoluntary: { fundedCents: number }[];
  }>(page.request, url, "report.predictability", { operation, asOf });
  await page.locator("[data-measure='pledgeFulfilment'] button.why-measure").click();
  await page.waitForURL(/why=measure%3ApledgeFulfilment/);
  const fulfilmentSum = page.locator(".why-panel .why-sum");
  await fulfilmentSum.waitFor();
  expect(Number(await fulfilmentSum.getAttribute("data-sum-paid-cents"))).toBe(
    predictability.pledgeFulfilment!.numerator,
  );
  expect(Number(await fulfilmentSum.getAttribute("data-sum-pledged-cents"))).toBe(
    predictability.pledgeFulfilment!.denominator,
  );
  const rowSums = await page
    .locator(".why-panel tr.why-record")
    .evaluateAll((rows) => rows.reduce((s, r) => s + Number(r.getAttribute("data-paid-cents")), 0));
  expect(rowSums).toBe(predictability.pledgeFulfilment!.numerator);
  expect(await page.locator(".why-panel .why-equation").getAttribute("data-decimal")).toBe(
    explained.decimals.pledgeFulfilment,
  );
  await check(page, "predictability-why-fulfilment");
  // Volatility lists each of the five years with the contributions it adds up, and its arithmetic.
  await page.locator("[data-measure='volatility'] button.why-measure").click();
  await page.waitForURL(/why=measure%3Avolatility/);
  const years = page.locator(".why-panel tr.why-year");
  await years.first().waitFor();
  const shownYears = await years.evaluateAll((rows) =>
    rows.map((r) => [
      Number(r.getAttribute("data-cents")),
      Number(r.getAttribute("data-parts-cents")),
    ]),
  );
  expect(shownYears.map(([cents]) => cents)).toEqual(
    explained.annualVoluntary.map((y) => y.fundedCents),
  );
  for (const [cents, parts] of shownYears) expect(parts).toBe(cents);
  expect(await page.locator(".why-panel .why-equation").getAttribute("data-decimal")).toBe(
    explained.decimals.volatility,
  );
  await check(page, "predictability-why-volatility");

  // 6. Budget execution.
  await page.goto(`${url}/operations/${operation}/execution?period=pk2024`);
  await page.locator(".execution-table").waitFor();
  const execution = await query<{ total: { appropriated: number; expended: number } }>(
    page.request,
    url,
    "report.execution",
    { operation, period },
  );
  expect(
    Number(
      await page
        .locator(".execution-table tfoot td[data-cents]")
        .first()
        .getAttribute("data-cents"),
    ),
  ).toBe(execution.total.appropriated);
  await check(page, "execution");

  // 7. Scorecards: each entity's funded figure, and each task's shares sum to 100.0%.
  await page.goto(`${url}/operations/${operation}/scorecards?period=pk2024`);
  await page.locator(".shares-table").waitFor();
  const scorecards = await query<{
    entities: { entityCode: string; figures: { funded: number } }[];
  }>(page.request, url, "report.scorecards", { operation, period });
  for (const e of scorecards.entities) {
    expect(
      Number(
        await page
          .locator(`.scorecards-table tr[data-entity='${e.entityCode}'] td[data-cents]`)
          .nth(1)
          .getAttribute("data-cents"),
      ),
    ).toBe(e.figures.funded);
  }
  const columnSums = await page.locator(".shares-table").evaluate((table) => {
    const sums: Record<string, number> = {};
    for (const td of table.querySelectorAll("td[data-task]")) {
      const v = td.getAttribute("data-funded-permille");
      if (v)
        sums[td.getAttribute("data-task")!] =
          (sums[td.getAttribute("data-task")!] ?? 0) + Number(v);
    }
    return Object.values(sums);
  });
  for (const sum of columnSums) expect(sum).toBe(1000);
  await check(page, "scorecards");

  // 8. Donor view: contributions across operations, earmarking mix, payment record.
  await page.goto(`${url}/donors/${donor}`);
  await page.locator(".payments-table").waitFor();
  const donorView = await query<{ byOperationTask: { funded: number }[]; payments: unknown[] }>(
    page.request,
    url,
    "analytics.donor",
    { donor },
  );
  expect(
    Number(
      await page
        .locator(".donor-tasks-table tfoot [data-total-cents]")
        .getAttribute("data-total-cents"),
    ),
  ).toBe(donorView.byOperationTask.reduce((s, r) => s + r.funded, 0));
  expect(await page.locator(".payments-table tbody tr").count()).toBe(donorView.payments.length);
  await check(page, "donor");

  expect(pageErrors).toEqual([]);
  await context.close();
  // A long journey (axe-core twice per step): on a loaded two-core machine it can pass 60 s.
}, 180_000);
