import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Git-ignored folder for screenshots: tooling/e2e/artifacts. */
export function artifactPath(name: string): string {
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "artifacts");
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
