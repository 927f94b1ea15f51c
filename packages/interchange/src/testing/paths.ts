import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * A file of the shared data folder, which sits beside the repository (`<repo>/../shared`), in
 * CI as in a worktree. @example sharedDataPath("real", "iati", "dportal-foodsecurity.xml")
 */
export function sharedDataPath(...parts: string[]): string {
  return path.resolve(here, "../../../../../shared/data", ...parts);
}
