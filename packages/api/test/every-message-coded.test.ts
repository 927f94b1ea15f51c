// Every message the API sends has a code, so that the web app can say it in the user's language:
// errors are thrown through codedError / fieldError / conflictError (which need a coded message),
// and every zod check's own message is one of API_MESSAGES (so issueCode finds its code). This
// reads the sources: a message written inline fails here, before a user meets it in English.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { API_MESSAGES, issueCode } from "../src/messages";

const SRC = path.join(path.dirname(fileURLToPath(import.meta.url)), "../src");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

const FILES = sources(SRC).map((file) => ({
  name: path.relative(SRC, file),
  text: readFileSync(file, "utf8"),
}));

/** Lines of the sources matching `pattern`, as "file: line". */
function linesMatching(pattern: RegExp, except: readonly string[] = []): string[] {
  return FILES.filter((f) => !except.includes(f.name)).flatMap((f) =>
    f.text
      .split("\n")
      .filter((line) => pattern.test(line))
      .map((line) => `${f.name}: ${line.trim()}`),
  );
}

describe("every API message is coded", () => {
  it("throws tRPC errors only through the coded helpers", () => {
    expect(linesMatching(/new TRPCError\(/, ["trpc-errors.ts"])).toEqual([]);
  });

  it("gives zod checks messages from the catalog only (a literal or template has no code)", () => {
    expect(linesMatching(/\berror:\s*[`"']/)).toEqual([]);
    expect(linesMatching(/\bmessage:\s*[`"']/)).toEqual([]);
  });

  it("finds the code of each catalog message zod carries as text", () => {
    for (const [code, text] of Object.entries(API_MESSAGES)) {
      if (text.includes("{")) continue;
      const issue: z.core.$ZodIssue = { code: "custom", message: text, path: [], input: "" };
      expect([code, issueCode(issue).code]).toEqual([code, code]);
    }
  });

  it("codes zod's own checks by their kind, whatever the schema", () => {
    const strict = z.strictObject({ a: z.union([z.number(), z.boolean()]) });
    const result = strict.safeParse({ a: "x", b: 1, c: 2 });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map(issueCode)).toEqual([
      { code: "invalid_format", params: {} },
      { code: "unknown_keys", params: { keys: "b, c" } },
    ]);
  });

  it("has well-formed templates: parameters are {word}, braces always paired", () => {
    for (const [code, template] of Object.entries(API_MESSAGES))
      expect([code, template.replace(/\{\w+\}/g, "").includes("{")]).toEqual([code, false]);
  });
});
