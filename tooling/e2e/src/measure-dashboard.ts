// Measures the dashboard as issue 7 defines it, on demand (not a test):
//   pnpm --filter @coherence/e2e measure
// Builds nothing: run `pnpm exec turbo run build --filter=@coherence/web` first.
// Prints the gzipped size of the initial JavaScript (the entry script and its modulepreloads in
// index.html; lazy chunks excluded) and, median of 5 cold runs in headless Chromium on localhost
// with the demo dataset, the time from navigation start to the first gap bar painted.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { launchChromium } from "./browser";
import { startApp } from "./app-server";
import { signedInRequest } from "./sign-in";

const RUNS = 5;
const VIEW = "/operations/MINUSCA?period=pk2024";

function initialJsGzipBytes(): { files: { file: string; gzip: number }[]; total: number } {
  const dist = path.join(
    path.dirname(createRequire(import.meta.url).resolve("@coherence/web/package.json")),
    "dist",
  );
  const html = readFileSync(path.join(dist, "index.html"), "utf8");
  const refs = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  const files = [...new Set(refs)].map((ref) => ({
    file: ref,
    gzip: gzipSync(readFileSync(path.join(dist, ref.replace(/^\//, "")))).length,
  }));
  return { files, total: files.reduce((s, f) => s + f.gzip, 0) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const app = await startApp();
const chromium = await launchChromium();
try {
  // Sign in once; each run then opens the view in a fresh context (cold cache) with that session.
  const signIn = await signedInRequest(chromium.browser, app.url, "reviewer");
  const storageState = await signIn.context.storageState();
  await signIn.context.close();

  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await chromium.browser.newContext({ storageState });
    const page = await context.newPage();
    // Before any page script: watch for the first gap bar, then wait for the frame that paints it.
    // (A string, not a function: tsx's name helpers do not exist inside the page.)
    await page.addInitScript(`
      window.__firstBar = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (!document.querySelector(".task-gap-row rect")) return;
          observer.disconnect();
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
        });
        observer.observe(document, { childList: true, subtree: true });
      });
    `);
    await page.goto(`${app.url}${VIEW}`);
    const ms = await page.evaluate(
      () => (window as unknown as { __firstBar: Promise<number> }).__firstBar,
    );
    times.push(ms);
    await context.close();
  }
  const js = initialJsGzipBytes();
  console.log(`initial JavaScript (gzip): ${js.total} bytes (${(js.total / 1024).toFixed(1)} KiB)`);
  for (const f of js.files) console.log(`  ${f.file}: ${f.gzip} bytes`);
  console.log(
    `navigation start → first gap bar painted, ${RUNS} runs: ${times.map((t) => t.toFixed(0)).join(", ")} ms`,
  );
  console.log(`median: ${median(times).toFixed(0)} ms`);
} finally {
  await chromium.close();
  await app.stop();
}
