// Argument parsing, help and dispatch. stdout carries only the command's output (so
// `--json | jq` works); messages, problems and the progress bar go to stderr. Exit codes:
// 0 success, 1 rejected input (nothing written), 2 usage error.
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { COMMANDS } from "./commands";
import { OPTIONS, RejectedError, UsageError } from "./types";
import type { Command, CommandContext, Io } from "./types";

const here = path.dirname(fileURLToPath(import.meta.url));
/** The repository root (apps/cli/src → ../../..). */
export const REPO_ROOT = path.resolve(here, "..", "..", "..");

export { RejectedError, UsageError } from "./types";
export type { Io } from "./types";

export function nodeIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: process.stdin.isTTY,
    env: process.env,
    cwd: process.env.INIT_CWD ?? process.cwd(),
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    },
    async prompt(question) {
      if (!process.stdin.isTTY) return null;
      process.stderr.write(question);
      process.stdin.setRawMode(true);
      process.stdin.resume();
      let answer = "";
      return new Promise<string | null>((resolve) => {
        const onData = (data: Buffer) => {
          for (const ch of data.toString("utf8")) {
            if (ch === "\r" || ch === "\n" || ch === "\u0004") {
              process.stdin.setRawMode(false);
              process.stdin.pause();
              process.stdin.off("data", onData);
              process.stderr.write("\n");
              resolve(answer);
              return;
            }
            if (ch === "\u0003") {
              process.stdin.setRawMode(false);
              process.stderr.write("\n");
              resolve(null);
              return;
            }
            if (ch === "\u007f") answer = answer.slice(0, -1);
            else answer += ch;
          }
        };
        process.stdin.on("data", onData);
      });
    },
  };
}

function globalHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return `coherence — Coherence's command line

Usage: pnpm coherence <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
  .join("\n")}

Options for every command:
  --db TARGET   SQLite file or postgres:// URL (default: $COHERENCE_DB, else data/coherence.db
                at the repository root, the server's default)
  -h, --help    help for the command

Exit codes: 0 success, 1 input rejected (nothing written), 2 usage error.
Changes are audited as cli:<your OS user>. Run "pnpm coherence <command> --help" for details.
`;
}

function commandHelp(name: string, c: Command): string {
  return `Usage: pnpm coherence ${c.usage}\n\n${c.summary}\n\n${c.help.trimEnd()}\n\n  --db TARGET   SQLite file or postgres:// URL (default $COHERENCE_DB, else data/coherence.db)\n  -h, --help    this help\n`;
}

function osUser(env: NodeJS.ProcessEnv): string {
  try {
    return os.userInfo().username;
  } catch {
    return env.USER ?? env.USERNAME ?? "unknown";
  }
}

/** Run the command line `argv`; returns the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr.write(`coherence: ${error instanceof Error ? error.message : String(error)}\n`);
    io.stderr.write(`Run "pnpm coherence --help" for usage.\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  let name = positionals[0];
  let args = positionals.slice(1);
  // Two-word commands: "report gaps", "users add", "mapping show".
  if (name && args[0] && `${name} ${args[0]}` in COMMANDS) {
    name = `${name} ${args[0]}`;
    args = args.slice(1);
  }
  if (!name) {
    (values.help ? io.stdout : io.stderr).write(globalHelp());
    return values.help ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    const group = Object.keys(COMMANDS).filter((c) => c.startsWith(`${name} `));
    if (group.length > 0 && (values.help || args.length === 0)) {
      const text = `Usage:\n${group.map((g) => `  pnpm coherence ${COMMANDS[g]!.usage}`).join("\n")}\n`;
      (values.help ? io.stdout : io.stderr).write(text);
      return values.help ? 0 : 2;
    }
    io.stderr.write(`coherence: unknown command "${[name, ...args.slice(0, 1)].join(" ")}"\n`);
    io.stderr.write(globalHelp());
    return 2;
  }
  if (values.help) {
    io.stdout.write(commandHelp(name, command));
    return 0;
  }
  const allowed = new Set<string>(["db", "help", ...command.options]);
  for (const key of Object.keys(values))
    if (!allowed.has(key)) {
      io.stderr.write(`coherence ${name}: option --${key} does not apply to this command\n`);
      io.stderr.write(`Usage: pnpm coherence ${command.usage}\n`);
      return 2;
    }
  const resolvePath = (p: string) => path.resolve(io.cwd, p);
  const target = values.db ?? io.env.COHERENCE_DB ?? "data/coherence.db";
  const database = /^postgres(ql)?:\/\//.test(target)
    ? target
    : values.db !== undefined
      ? resolvePath(target)
      : path.resolve(REPO_ROOT, target);
  let barShown = false;
  const context: CommandContext = {
    args,
    values,
    io,
    database,
    actor: `cli:${osUser(io.env)}`,
    resolvePath,
    progress(done, total, unit) {
      if (!io.stderr.isTTY) return;
      barShown = true;
      const width = 30;
      const text =
        total && total > 0
          ? `[${"#".repeat(Math.round((width * Math.min(done, total)) / total)).padEnd(width)}] ${Math.floor((100 * Math.min(done, total)) / total)}%`
          : `${done.toLocaleString("en-US")} ${unit}`;
      io.stderr.write(`\r${text}   `);
    },
    endProgress() {
      if (barShown) io.stderr.write("\r\u001b[K");
      barShown = false;
    },
  };
  try {
    return await command.run(context);
  } catch (error) {
    context.endProgress();
    if (error instanceof UsageError) {
      io.stderr.write(`coherence ${name}: ${error.message}\n`);
      io.stderr.write(`Usage: pnpm coherence ${command.usage}\n`);
      return 2;
    }
    if (error instanceof RejectedError) {
      io.stderr.write(`coherence ${name}: ${error.message}\n`);
      return 1;
    }
    io.stderr.write(
      `coherence ${name}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
}
