#!/usr/bin/env node
// `npm start` and `npm test` land here. On a fresh machine with only Node and npm this
// installs the pinned pnpm (locally, no root needed), the workspace's dependencies and, for
// the test tiers, the system packages they need (Chromium, PostgreSQL), then hands over to
// turbo. It has no dependencies of its own because it runs before anything is installed.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findChromium, findPostgresBinDir } from "./system-deps.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const rootManifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const pnpmVersion = rootManifest.packageManager.replace(/^pnpm@/, "");
const isCI = process.env.CI === "true" || process.env.CI === "1";

function log(message) {
  process.stderr.write(`\x1b[1m[coherence]\x1b[0m ${message}\n`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", cwd: root, ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function runOrExit(command, args, options) {
  const status = run(command, args, options);
  if (status !== 0) {
    log(`failed: ${command} ${args.join(" ")} (exit ${status})`);
    process.exit(status);
  }
}

/** Run turbo, echo its output, and add up the vitest summaries ("Tests  3 passed | 1 failed"). */
function runCountingTests(command, args, options) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      env: options,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let passed = 0;
    let failed = 0;
    let pending = "";
    const scan = (chunk) => {
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const raw of lines) {
        const line = raw.replace(/\x1b\[[0-9;]*m/g, "");
        const summary = /\bTests\s+(.*)\(\d+\)\s*$/.exec(line);
        if (!summary?.[1]) continue;
        passed += Number(/(\d+) passed/.exec(summary[1])?.[1] ?? 0);
        failed += Number(/(\d+) failed/.exec(summary[1])?.[1] ?? 0);
      }
    };
    child.stdout.on("data", (chunk) => {
      process.stdout.write(chunk);
      scan(chunk);
    });
    child.stderr.on("data", (chunk) => {
      process.stderr.write(chunk);
      scan(chunk);
    });
    child.on("close", (code) => {
      scan("\n");
      resolve({ status: code ?? 1, passed, failed });
    });
  });
}

function output(command, args) {
  const result = spawnSync(command, args, { encoding: "utf8", cwd: root });
  return result.status === 0 ? result.stdout.trim() : null;
}

/** The pinned pnpm: the one on PATH if it is the right version, else a local copy in .cache/. */
function ensurePnpm() {
  if (output("pnpm", ["--version"]) === pnpmVersion) return "pnpm";
  const prefix = path.join(root, ".cache", "pnpm");
  const local = path.join(prefix, "node_modules", ".bin", "pnpm");
  if (!existsSync(local) || output(local, ["--version"]) !== pnpmVersion) {
    log(`installing pnpm ${pnpmVersion} into .cache/pnpm`);
    runOrExit("npm", [
      "install",
      "--prefix",
      prefix,
      "--no-save",
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
      `pnpm@${pnpmVersion}`,
    ]);
  }
  return local;
}

function isRootOnDebian() {
  return process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
}

let aptUpdated = false;
function aptInstall(packages) {
  if (!aptUpdated) {
    runOrExit("apt-get", ["update", "-qq"]);
    aptUpdated = true;
  }
  runOrExit("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...packages], {
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

/** Chromium and PostgreSQL are needed by the e2e and database tiers: install or explain. */
function ensureSystemDeps() {
  const missing = [];
  if (!findChromium()) missing.push({ pkg: "chromium", what: "Chromium (end-to-end tier)" });
  if (!findPostgresBinDir())
    missing.push({ pkg: "postgresql", what: "PostgreSQL (database tier)" });
  if (missing.length === 0) return;
  if (isRootOnDebian()) {
    log(`installing ${missing.map((m) => m.what).join(", ")} with apt-get`);
    aptInstall(missing.map((m) => m.pkg));
    return;
  }
  for (const m of missing) log(`missing ${m.what}.`);
  log(
    `Run: sudo apt-get install -y ${missing.map((m) => m.pkg).join(" ")}` +
      " (or set CHROMIUM_PATH / PG_BIN_DIR to existing installs), then npm test again.",
  );
  process.exit(1);
}

function installDependencies(pnpm) {
  const args = ["install", "--prefer-offline"];
  if (isCI) args.push("--frozen-lockfile");
  runOrExit(pnpm, args, { env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" } });
}

const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: "1",
  DO_NOT_TRACK: "1",
};

const [command, ...rest] = process.argv.slice(2);
const pnpm = ensurePnpm();
env.PATH = `${path.dirname(pnpm === "pnpm" ? "pnpm" : pnpm)}${path.delimiter}${env.PATH ?? ""}`;

if (command === "start") {
  installDependencies(pnpm);
  runOrExit(pnpm, ["exec", "turbo", "run", "build", "--filter=@coherence/server..."], { env });
  process.exit(run(pnpm, ["--filter", "@coherence/server", "run", "serve", ...rest], { env }));
} else if (command === "test") {
  ensureSystemDeps();
  installDependencies(pnpm);
  const chromium = findChromium();
  const pgBin = findPostgresBinDir();
  if (chromium) env.CHROMIUM_PATH = chromium;
  if (pgBin) env.PG_BIN_DIR = pgBin;
  const tiers = ["format:check", "lint", "typecheck", "test", "test:e2e"];
  const { status, passed, failed } = await runCountingTests(
    pnpm,
    // Two cores: three tasks at a time finish sooner than ten fighting over them.
    [
      "exec",
      "turbo",
      "run",
      ...tiers,
      "--output-logs=full",
      "--continue",
      "--concurrency=3",
      ...rest,
    ],
    env,
  );
  log(
    status === 0
      ? "all tiers passed: format, lint, typecheck, unit, API, database (SQLite and PostgreSQL), end-to-end (Chromium)"
      : `a tier failed (exit ${status}); see the output above`,
  );
  // One plain closing line that any CI can read.
  process.stdout.write(`tests: ${passed} passed, ${failed} failed\n`);
  process.exit(status === 0 && failed > 0 ? 1 : status);
} else {
  log("usage: node tooling/bootstrap/run.mjs start|test [args]");
  process.exit(2);
}
