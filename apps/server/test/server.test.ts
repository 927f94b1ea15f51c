// The HTTP process end to end without a browser: migrate, seed, serve, answer tRPC over HTTP,
// and keep user data on restart.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { answersWithin } from "@coherence/db/testing";
import { readSettings, startServer } from "../src/index";

const dir = mkdtempSync(path.join(tmpdir(), "coherence-server-"));
const database = path.join(dir, "test.db");
const quiet = () => undefined;

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Sign in over HTTP; returns the session cookie to send back. */
async function signIn(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ json: { username, password } }),
  });
  expect(response.status).toBe(200);
  const setCookie = response.headers.get("set-cookie") ?? "";
  expect(setCookie).toMatch(/HttpOnly/);
  expect(setCookie).toMatch(/SameSite=Lax/);
  return setCookie.split(";")[0] ?? "";
}

async function gapsOverHttp(url: string, signedIn?: string) {
  const cookie = signedIn ?? (await signIn(url, "reviewer", "coherence-reviewer"));
  const input = encodeURIComponent(
    JSON.stringify({ json: { operation: "MINUSCA", period: { kind: "calendar", year: 2025 } } }),
  );
  const response = await fetch(`${url}/trpc/report.operation?input=${input}`, {
    headers: { cookie },
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as {
    result: { data: { json: { tasks: { taskCode: string; figures: { funded: number } }[] } } };
  };
  return body.result.data.json.tasks;
}

describe("server", () => {
  it("refuses every read to an anonymous caller with 401", async () => {
    const running = await startServer(
      { database, port: 0, host: "127.0.0.1", seedDemo: true, secureCookies: false },
      null,
      quiet,
    );
    const input = encodeURIComponent(
      JSON.stringify({ json: { period: { kind: "calendar", year: 2025 } } }),
    );
    const response = await fetch(`${running.url}/trpc/report.portfolio?input=${input}`);
    expect(response.status).toBe(401);
    await running.stop();
  });

  it("accepts an API token as a Bearer header, for scripts", async () => {
    const running = await startServer(
      { database, port: 0, host: "127.0.0.1", seedDemo: true, secureCookies: false },
      null,
      quiet,
    );
    const cookie = await signIn(running.url, "reviewer", "coherence-reviewer");
    const issued = await fetch(`${running.url}/trpc/token.create`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ json: { name: "script" } }),
    });
    const { result } = (await issued.json()) as { result: { data: { json: { token: string } } } };
    const response = await fetch(`${running.url}/trpc/operation.list`, {
      headers: { authorization: `Bearer ${result.data.json.token}` },
    });
    expect(response.status).toBe(200);
    await running.stop();
  });

  it("reads settings from flags before the environment", () => {
    const settings = readSettings(
      ["--db", "x.db", "--port", "4000"],
      { PORT: "5000", COHERENCE_DB: "y.db" },
      "/repo",
    );
    expect(settings).toMatchObject({ database: "/repo/x.db", port: 4000 });
    expect(readSettings([], { PORT: "5000" }, "/repo")).toMatchObject({
      database: "/repo/data/coherence.db",
      port: 5000,
    });
    expect(() => readSettings([], { PORT: "http" }, "/repo")).toThrow(/PORT/);
  });

  it("serves the API with the demo dataset, and keeps added data when restarted", async () => {
    const settings = { database, port: 0, host: "127.0.0.1", seedDemo: true, secureCookies: false };
    const first = await startServer(settings, null, quiet);
    const tasks = await gapsOverHttp(first.url);
    expect(tasks[0]?.taskCode).toBe("CIV-PROTECT");
    // Change the data as users do, through the API (audited: the server's cache of ledgers
    // sees the change by the audit log's version).
    const flow = await first.connection.db
      .selectFrom("flows")
      .select(["id", "version"])
      .where("external_ref", "=", "DEMO-UNICEF-EU-2025")
      .executeTakeFirstOrThrow();
    const removed = await fetch(`${first.url}/trpc/flow.remove`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        cookie: await signIn(first.url, "finance.minusca", "coherence-finance"),
      },
      body: JSON.stringify({ json: flow }),
    });
    expect(removed.status).toBe(200);
    const reduced = await gapsOverHttp(first.url);
    expect(reduced).not.toEqual(tasks);
    await first.stop();

    const second = await startServer(settings, null, quiet);
    expect(await gapsOverHttp(second.url)).toEqual(reduced);
    await second.stop();
  });

  it("answers reads while a write transaction holds the SQLite writer, and closes both connections on stop", async () => {
    const running = await startServer(
      { database, port: 0, host: "127.0.0.1", seedDemo: true, secureCookies: false },
      null,
      quiet,
    );
    const cookie = await signIn(running.url, "reviewer", "coherence-reviewer");
    const before = await gapsOverHttp(running.url, cookie);
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    // As a long import does: the write connection held by an open transaction.
    const holding = running.connection.db.transaction().execute(() => released);
    try {
      expect(await answersWithin(5000, gapsOverHttp(running.url, cookie))).toEqual(before);
    } finally {
      release();
      await holding;
    }
    await running.stop();
    await expect(
      running.connection.readDb.selectFrom("operations").selectAll().execute(),
    ).rejects.toThrow();
    await expect(
      running.connection.db.selectFrom("operations").selectAll().execute(),
    ).rejects.toThrow();
  });

  it("answers bad input with a 400 and a field-level message, not a 500", async () => {
    const running = await startServer(
      { database, port: 0, host: "127.0.0.1", seedDemo: true, secureCookies: false },
      null,
      quiet,
    );
    const cookie = await signIn(running.url, "finance.minusca", "coherence-finance");
    const response = await fetch(`${running.url}/trpc/flow.create`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ json: { amount: "abc" } }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { json: { data: { fieldErrors: Record<string, string[]> } } };
    };
    expect(Object.keys(body.error.json.data.fieldErrors)).toContain("amount");
    await running.stop();
  });
});
