// Vitest global setup for suites that run against PostgreSQL: starts one server for the whole
// run (or uses $PG_URL when given) and hands its URL to the tests through `inject("pgUrl")`.
import type {} from "vitest";
import type { TestProject } from "vitest/node";
import { startPostgres } from "./index";

declare module "vitest" {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const external = process.env.PG_URL;
  if (external) {
    process.stderr.write(`[postgres tier] using PG_URL from the environment\n`);
    project.provide("pgUrl", external);
    return () => undefined;
  }
  const server = await startPostgres();
  process.stderr.write(`[postgres tier] started ${server.version} at ${server.url}\n`);
  project.provide("pgUrl", server.url);
  return () => {
    server.stop();
    process.stderr.write(`[postgres tier] stopped\n`);
  };
}
