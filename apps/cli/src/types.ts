// The shapes shared by the command runner and the commands.
import type { parseArgs } from "node:util";

/** Where a command reads and writes: the process, or buffers in tests. */
export interface Io {
  stdout: { write(chunk: string | Uint8Array): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  /** The whole of standard input (a password piped in). */
  readStdin(): Promise<string>;
  /** Asks on the terminal without echo; null when there is no terminal. */
  prompt?(question: string): Promise<string | null>;
  stdinIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** The directory relative paths are resolved against. */
  cwd: string;
}

export class UsageError extends Error {}
/** Input refused; nothing was written (exit 1). */
export class RejectedError extends Error {}

/** The options every command accepts, in any position. */
export const OPTIONS = {
  db: { type: "string" },
  help: { type: "boolean", short: "h" },
  json: { type: "boolean" },
  "dry-run": { type: "boolean" },
  partial: { type: "boolean" },
  rejects: { type: "string" },
  format: { type: "string" },
  out: { type: "string" },
  operation: { type: "string", multiple: true },
  entity: { type: "string", multiple: true },
  period: { type: "string" },
  year: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  scale: { type: "string" },
  username: { type: "string" },
  role: { type: "string" },
  "display-name": { type: "string" },
  version: { type: "string" },
} as const;

export type Values = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>
>["values"];

export interface Command {
  summary: string;
  usage: string;
  /** Options this command accepts besides --db and --help. */
  options: readonly (keyof typeof OPTIONS)[];
  help: string;
  run(context: CommandContext): Promise<number>;
}

export interface CommandContext {
  args: string[];
  values: Values;
  io: Io;
  /** SQLite path (absolute) or PostgreSQL URL. */
  database: string;
  actor: string;
  /** A user path resolved against the directory the command was run from. */
  resolvePath(p: string): string;
  /** Progress on stderr (a bar on a terminal, nothing otherwise). */
  progress(done: number, total: number | null, unit: string): void;
  endProgress(): void;
}
