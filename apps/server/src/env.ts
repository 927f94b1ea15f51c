// The only place that reads process.env and the command line.
import path from "node:path";
import { parseArgs } from "node:util";

export interface ServerSettings {
  /** SQLite file path or PostgreSQL URL. */
  database: string;
  port: number;
  host: string;
  /** Load the demo dataset into an empty database. */
  seedDemo: boolean;
  /** Mark session cookies Secure: set when the server is reached over HTTPS (behind a proxy). */
  secureCookies: boolean;
}

const DEFAULT_DB = "data/coherence.db";

export function readSettings(
  argv: string[],
  env: NodeJS.ProcessEnv,
  repoRoot: string,
): ServerSettings {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: "string" },
      port: { type: "string" },
      host: { type: "string" },
      "no-demo": { type: "boolean" },
    },
    strict: true,
  });
  const database = values.db ?? env.COHERENCE_DB ?? DEFAULT_DB;
  const port = Number(values.port ?? env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got ${String(values.port ?? env.PORT)}`);
  }
  const isUrl = /^postgres(ql)?:\/\//.test(database) || database === ":memory:";
  return {
    database: isUrl || path.isAbsolute(database) ? database : path.resolve(repoRoot, database),
    port,
    host: values.host ?? env.HOST ?? "127.0.0.1",
    seedDemo: !(values["no-demo"] ?? env.COHERENCE_NO_DEMO === "1"),
    secureCookies: env.COHERENCE_SECURE_COOKIES === "1",
  };
}
