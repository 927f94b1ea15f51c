// Runs the command in-process with captured stdout, stderr and exit code.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { run } from "../src/run";

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "coherence-cli-"));
}

export async function cli(
  args: string[],
  options: { cwd: string; stdin?: string; env?: NodeJS.ProcessEnv },
): Promise<Result> {
  let stdout = "";
  let stderr = "";
  const decoder = new TextDecoder();
  const code = await run(args, {
    stdout: {
      write: (c: string | Uint8Array) => (stdout += typeof c === "string" ? c : decoder.decode(c)),
    },
    stderr: { write: (c: string) => (stderr += c) },
    stdinIsTTY: false,
    readStdin: () => Promise.resolve(options.stdin ?? ""),
    env: options.env ?? {},
    cwd: options.cwd,
  });
  return { code, stdout, stderr };
}
