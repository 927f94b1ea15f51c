// Where the test tiers' system programs live. Shared by the bootstrap (to install them) and
// by the test harnesses (to start them), so both agree on what "installed" means.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

/** Path of a Chromium binary: $CHROMIUM_PATH, else Debian's, else null. */
export function findChromium() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
  ];
  return candidates.find((candidate) => candidate && existsSync(candidate)) ?? null;
}

/** Directory holding initdb and pg_ctl: $PG_BIN_DIR, else the newest /usr/lib/postgresql/N/bin. */
export function findPostgresBinDir() {
  const fromEnv = process.env.PG_BIN_DIR;
  if (fromEnv && existsSync(path.join(fromEnv, "initdb"))) return fromEnv;
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = path.join(base, version, "bin");
    if (existsSync(path.join(bin, "initdb"))) return bin;
  }
  return null;
}
