// The import wizard's column mapping and background commit through the real router, on SQLite
// and PostgreSQL: inspect proposes a mapping (remembered per source once committed), preview
// and commit read through it, start + progress commit as a job with the same outcome.
import type { IncomingMessage, ServerResponse } from "node:http";
import { TRPCError } from "@trpc/server";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Database } from "@coherence/db";
import { ENGINES } from "@coherence/db/testing";
import { createHttpContext } from "../src/index";
import { createCaller, createFixture } from "./support";
import type { Caller, Fixture } from "./support";

const HEADER =
  "Réf;Donateur;Bénéficiaire;Mission;Tâche;Type;Statut;Montant;Devise;Date du statut;Interne";
const COLUMNS = {
  Réf: "external_ref",
  Donateur: "source",
  Bénéficiaire: "recipient",
  Mission: "operation",
  Tâche: "task_code",
  Type: "funding_type",
  Statut: "status",
  Montant: "amount",
  Devise: "currency",
  "Date du statut": "date",
  Interne: null,
};
const row = (ref: string, amount: string) =>
  `${ref};NOR;UNICEF;MINUSCA;CIV-PROTECT;voluntary_earmarked;pledged;${amount};USD;2025-03-01;x`;
const file = (rows: string[], fileName = "norvege.csv") => ({
  fileName,
  encoding: "text" as const,
  content: `${HEADER}\n${rows.join("\n")}\n`,
});

/** Poll a job until it ends (each poll is a real call through the router). */
async function finished(caller: Caller, jobId: string) {
  for (let i = 0; i < 600; i++) {
    const p = await caller.import.progress({ jobId });
    if (p.state !== "running") return p;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("the job did not end");
}

describe.each(ENGINES)("import wizard procedures on %s", (engine) => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await createFixture(engine, inject("pgUrl"));
  });
  afterAll(async () => {
    await fx.close();
  });

  it("inspect reads the header and proposes columns by name or alias; none remembered yet", async () => {
    const inspected = await fx.caller("financeOwn").import.inspect({
      kind: "flows",
      source: "NOR",
      file: file([row("WZ-0", "1.00")]),
    });
    expect(inspected.headers).toEqual(Object.keys(COLUMNS));
    expect(inspected.remembered).toBe(false);
    expect(inspected.fields).toContainEqual({ name: "amount", required: true });
    const byHeader = Object.fromEntries(inspected.suggestion.map((s) => [s.header, s]));
    expect(byHeader.Montant).toEqual({ header: "Montant", field: "amount", matchedBy: "alias" });
    expect(byHeader.Interne).toEqual({ header: "Interne", field: null, matchedBy: "none" });
  });

  it("an unreadable file is a problem from inspect, not an error", async () => {
    const inspected = await fx.caller("financeOwn").import.inspect({
      kind: "flows",
      file: { fileName: "empty.csv", encoding: "text", content: "" },
    });
    expect(inspected.headers).toEqual([]);
    expect(inspected.problems.map((p) => p.message)).toEqual([
      "empty.csv: the file is empty (0 bytes)",
    ]);
  });

  it("preview reads through the mapping; a problem names the file's header and the field", async () => {
    const preview = await fx.caller("financeOwn").import.preview({
      kind: "flows",
      files: [file([row("WZ-1", "10.00"), row("WZ-2", "1.250.000")])],
      columns: COLUMNS,
    });
    expect(preview.counts).toMatchObject({ read: 2, created: 1, rejected: 1 });
    expect(preview.problems).toEqual([
      expect.objectContaining({ line: 3, column: "Montant", field: "amount", value: "1.250.000" }),
    ]);
    expect(preview.problems[0]!.message).toMatch(/^norvege\.csv:3: column "Montant": /);
  });

  it("refuses a bad mapping or source with field errors, never a 500", async () => {
    const officer = fx.caller("financeOwn");
    const base = { kind: "flows" as const, files: [file([row("WZ-3", "1.00")])] };
    await expect(
      officer.import.preview({ ...base, columns: { ...COLUMNS, Interne: "colour" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "No such column in flows: colour" });
    await expect(
      officer.import.preview({ ...base, columns: { ...COLUMNS, Interne: "amount" } }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Two columns of the file map to amount",
    });
    await expect(
      officer.import.preview({ ...base, kind: "fts", columns: COLUMNS }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      officer.import.preview({ ...base, columns: COLUMNS, source: "NOWHERE" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Unknown organization NOWHERE" });
  });

  it("start commits as a job: progress to 100%, the same outcome as commit, the mapping remembered", async () => {
    const officer = fx.caller("financeOwn");
    const rows = Array.from({ length: 30 }, (_, i) => row(`WZ-JOB-${i}`, `${i + 1}.00`));
    const { jobId } = await officer.import.start({
      kind: "flows",
      files: [file(rows)],
      columns: COLUMNS,
      source: "NOR",
    });
    expect(jobId).toMatch(/^[0-9a-f]{32}$/);
    const done = await finished(officer, jobId);
    expect(done).toMatchObject({
      state: "done",
      percent: 100,
      rowsValidated: 30,
      rowsWritten: 30,
      rowsTotal: 30,
      error: null,
    });
    expect(done.outcome).toMatchObject({ committed: true, counts: { created: 30 } });
    const stored = await fx.connection.db
      .selectFrom("flows")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("external_ref", "like", "WZ-JOB-%")
      .executeTakeFirstOrThrow();
    expect(stored.n).toBe(30);

    // The next file from NOR comes mapped as confirmed, "Interne" still left out.
    const again = await officer.import.inspect({
      kind: "flows",
      source: "NOR",
      file: file([row("WZ-4", "1.00")]),
    });
    expect(again.remembered).toBe(true);
    expect(again.suggestion.find((s) => s.header === "Interne")).toEqual({
      header: "Interne",
      field: null,
      matchedBy: "remembered",
    });
    expect(again.suggestion.find((s) => s.header === "Montant")?.matchedBy).toBe("remembered");
  });

  it("a job keeps all-or-nothing: a bad row commits nothing and is reported at line and column", async () => {
    const officer = fx.caller("financeOwn");
    const { jobId } = await officer.import.start({
      kind: "flows",
      files: [file([row("WZ-ATOM-1", "5.00"), row("WZ-ATOM-2", "5,00,0")])],
      columns: COLUMNS,
      source: "NOR",
    });
    const done = await finished(officer, jobId);
    expect(done.state).toBe("done");
    expect(done.outcome).toMatchObject({ committed: false, importId: null });
    expect(done.outcome!.problems).toEqual([
      expect.objectContaining({ line: 3, column: "Montant" }),
    ]);
    const stored = await fx.connection.db
      .selectFrom("flows")
      .select("id")
      .where("external_ref", "like", "WZ-ATOM-%")
      .execute();
    expect(stored).toEqual([]);
  });

  it("only the job's owner reads its progress; reviewers and anonymous callers are refused", async () => {
    const { jobId } = await fx.caller("financeOwn").import.start({
      kind: "flows",
      files: [file([row("WZ-OWN-1", "1.00")])],
      columns: COLUMNS,
    });
    await finished(fx.caller("financeOwn"), jobId);
    await expect(fx.caller("admin").import.progress({ jobId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(fx.caller("reviewer").import.progress({ jobId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(fx.caller("anonymous").import.progress({ jobId })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(
      fx.caller("financeOwn").import.progress({ jobId: "0".repeat(32) }),
    ).rejects.toBeInstanceOf(TRPCError);
  });

  it("a poll made of progress calls alone is answered without the database, by its credential", async () => {
    // The job is started from a session whose token the poll carries.
    const token = "session-token-of-the-wizard";
    const starter = createCaller(fx.context(fx.principals.financeOwn, { sessionToken: token }));
    const { jobId } = await starter.import.start({
      kind: "flows",
      files: [file([row("WZ-POLL-1", "1.00")])],
      columns: COLUMNS,
    });
    await finished(starter, jobId);
    const noDatabase = new Proxy(Object.create(null) as object, {
      get() {
        throw new Error("the database was used");
      },
    }) as unknown as Kysely<Database>;
    const request = (cookie: string) =>
      ({
        headers: { cookie },
        socket: { remoteAddress: "127.0.0.1" },
      }) as unknown as IncomingMessage;
    const response = { appendHeader: () => undefined } as unknown as ServerResponse;
    const contextFor = (cookie: string) =>
      createHttpContext({
        db: noDatabase,
        engine,
        req: request(cookie),
        res: response,
        secureCookies: false,
        info: { calls: [{ path: "import.progress" }] },
      });
    const own = await contextFor(`coherence_session=${token}`);
    expect(own.principal).toBeNull();
    await expect(createCaller(own).import.progress({ jobId })).resolves.toMatchObject({
      state: "done",
      percent: 100,
    });
    const other = await contextFor("coherence_session=someone-else");
    await expect(createCaller(other).import.progress({ jobId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
