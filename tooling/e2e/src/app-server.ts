import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { existsSync } from "node:fs";
import { startServer } from "@coherence/server";
import type { RunningServer } from "@coherence/server";

export interface AppUnderTest {
  url: string;
  server: RunningServer;
  stop(): Promise<void>;
}

function builtWebRoot(): string {
  const manifest = createRequire(import.meta.url).resolve("@coherence/web/package.json");
  const dist = path.join(path.dirname(manifest), "dist");
  if (!existsSync(path.join(dist, "index.html"))) {
    throw new Error(
      "The web app is not built: run `pnpm exec turbo run build --filter=@coherence/web`.",
    );
  }
  return dist;
}

/** The real server on a free port over a fresh SQLite database holding the demo dataset. */
export async function startApp(): Promise<AppUnderTest> {
  const dir = mkdtempSync(path.join(tmpdir(), "coherence-e2e-"));
  const server = await startServer(
    {
      database: path.join(dir, "e2e.db"),
      port: 0,
      host: "127.0.0.1",
      seedDemo: true,
      secureCookies: false,
    },
    builtWebRoot(),
    () => undefined,
  );
  return {
    url: server.url,
    server,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
