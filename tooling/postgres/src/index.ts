// A real PostgreSQL server for the tests, started from the system's binaries in a temporary
// directory on loopback and removed afterwards. Never skipped: if PostgreSQL is missing the
// test run fails and says which command installs it.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { findPostgresBinDir } from "@coherence/bootstrap/system-deps";

export interface RunningPostgres {
  /** Connection URL of the `postgres` database, trust auth on 127.0.0.1. */
  url: string;
  version: string;
  stop(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

function asPostgresUser(): string[] {
  // initdb refuses to run as root; on Debian the `postgres` user exists once the package is in.
  return process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--"] : [];
}

function exec(argv: string[]): string {
  const [command, ...args] = argv;
  if (!command) throw new Error("empty command");
  return execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** Start a fresh PostgreSQL cluster on a free loopback port. */
export async function startPostgres(): Promise<RunningPostgres> {
  const bin = findPostgresBinDir();
  if (!bin) {
    throw new Error(
      "PostgreSQL is not installed, and the database tier needs it. Run: sudo apt-get install -y postgresql (or set PG_BIN_DIR).",
    );
  }
  const runAs = asPostgresUser();
  const dir = mkdtempSync(path.join(tmpdir(), "coherence-pg-"));
  chmodSync(dir, 0o777);
  const dataDir = path.join(dir, "data");
  if (runAs.length > 0) exec(["chown", "postgres", dir]);
  exec([
    ...runAs,
    path.join(bin, "initdb"),
    "-D",
    dataDir,
    "-U",
    "postgres",
    "--auth=trust",
    "-E",
    "UTF8",
    "--no-locale",
  ]);
  const port = await freePort();
  // Durability settings off: this server holds throwaway test data only.
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c full_page_writes=off -c synchronous_commit=off`;
  exec([
    ...runAs,
    path.join(bin, "pg_ctl"),
    "-D",
    dataDir,
    "-l",
    path.join(dir, "log"),
    "-w",
    "-o",
    options,
    "start",
  ]);
  const version = exec([path.join(bin, "postgres"), "--version"]).trim();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    version,
    stop() {
      try {
        exec([...runAs, path.join(bin, "pg_ctl"), "-D", dataDir, "-m", "fast", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
