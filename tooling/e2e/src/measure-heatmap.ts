// Measures the coverage heatmap on a large generated grid, on demand (not a test):
//   pnpm --filter @coherence/e2e measure:heatmap            (500 tasks × 20 periods)
//   pnpm --filter @coherence/e2e measure:heatmap 2000 40    (any size)
// Builds heatmap-bench/ (the CoverageHeatmap component alone, fed a deterministic generated grid)
// with Vite into a temporary folder, serves it on localhost, opens it in headless Chromium, and
// records every long task (PerformanceObserver, type "longtask", buffered from navigation start)
// while the grid renders, is scrolled to the bottom and back by mouse wheel, and is walked with
// the keyboard (PageDown, arrows, Ctrl+End). Prints the longest task and the render time.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { build } from "vite";
import { launchChromium } from "./browser";

const rows = Number(process.argv[2] ?? 500);
const columns = Number(process.argv[3] ?? 20);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "heatmap-bench");
const outDir = mkdtempSync(path.join(tmpdir(), "coherence-heatmap-"));

await build({
  root,
  logLevel: "warn",
  plugins: [react()],
  build: { outDir, emptyOutDir: true },
});

const types: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
};
const server = createServer((req, res) => {
  const file = path.join(
    outDir,
    (req.url ?? "/").split("?")[0] === "/" ? "index.html" : (req.url ?? "").split("?")[0]!,
  );
  try {
    const body = readFileSync(file);
    res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/?rows=${rows}&columns=${columns}`;

const RUNS = Number(process.argv[4] ?? 5);

interface Run {
  renderStart: number;
  firstFrame: number;
  load: number;
  heatmap: number;
  tasks: string;
}

async function measure(chromium: Awaited<ReturnType<typeof launchChromium>>): Promise<Run> {
  const context = await chromium.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(`
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  `);
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName("rendered").length > 0);
  const viewport = page.locator(".heatmap-viewport");
  const box = (await viewport.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  // Scroll down to the last row and back up, one wheel notch (120 px) per step.
  const height = await viewport.evaluate((el) => el.scrollHeight - el.clientHeight);
  for (let y = 0; y < height; y += 120) await page.mouse.wheel(0, 120);
  for (let y = height; y > 0; y -= 240) await page.mouse.wheel(0, -240);
  await page.mouse.wheel(400, 0);
  // Then the keyboard: a page at a time to the end, arrows, and corner to corner.
  await viewport.focus();
  for (let i = 0; i < 30; i++) await page.keyboard.press("PageDown");
  for (let i = 0; i < 20; i++) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Control+Home");
  await page.keyboard.press("Control+End");
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 200))));
  if ((await viewport.evaluate((el) => el.scrollTop)) !== height)
    throw new Error("the grid did not scroll to its last row");
  const marks = await page.evaluate(() => ({
    renderStart: performance.getEntriesByName("render-start")[0]!.startTime,
    firstFrame: performance.getEntriesByName("rendered")[0]!.startTime,
  }));
  const tasks = await page.evaluate(
    () => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks,
  );
  await context.close();
  // A task that began before the component was mounted is the page's script evaluation (React,
  // the bundle) and the test data's generation; every later one is the heatmap's render or its
  // scrolling and keyboard handling.
  const before = tasks.filter((t) => t.start < marks.renderStart);
  const after = tasks.filter((t) => t.start >= marks.renderStart);
  return {
    ...marks,
    load: before.reduce((m, t) => Math.max(m, t.duration), 0),
    heatmap: after.reduce((m, t) => Math.max(m, t.duration), 0),
    tasks: tasks.map((t) => `${t.duration.toFixed(0)} ms at ${t.start.toFixed(0)}`).join(", "),
  };
}

const chromium = await launchChromium();
try {
  console.log(
    `grid: ${rows} tasks × ${columns} periods, Chromium ${chromium.browser.version()}, ${RUNS} runs`,
  );
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await measure(chromium);
    runs.push(run);
    console.log(
      `run ${i + 1}: mounted at ${run.renderStart.toFixed(0)} ms, first frame ${run.firstFrame.toFixed(0)} ms; ` +
        `longest task — page load ${run.load.toFixed(0)} ms, heatmap render + scroll + keys ${run.heatmap.toFixed(0)} ms` +
        (run.tasks ? ` (long tasks: ${run.tasks})` : " (no long task)"),
    );
  }
  const worst = Math.max(...runs.map((r) => r.heatmap));
  console.log(
    `longest task during the heatmap's render, scrolling and keyboard, over ${RUNS} runs: ${worst.toFixed(0)} ms (budget 100 ms): ${worst <= 100 ? "OK" : "OVER"}`,
  );
  console.log(
    `longest page-load task (script evaluation + data generation, before mount): ${Math.max(...runs.map((r) => r.load)).toFixed(0)} ms`,
  );
} finally {
  await chromium.close();
  server.close();
  rmSync(outDir, { recursive: true, force: true });
}
