import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readSettings } from "./env";
import { startServer } from "./start";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "..", "..", "..");

function webRoot(): string | null {
  try {
    const manifest = createRequire(import.meta.url).resolve("@coherence/web/package.json");
    return path.join(path.dirname(manifest), "dist");
  } catch {
    return null;
  }
}

try {
  const settings = readSettings(process.argv.slice(2), process.env, repoRoot);
  const running = await startServer(settings, webRoot());
  console.log(`Coherence is serving on ${running.url} (data: ${running.connection.location})`);
  const shutdown = () => {
    void running.stop().then(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
} catch (error) {
  console.error(
    `Coherence could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
