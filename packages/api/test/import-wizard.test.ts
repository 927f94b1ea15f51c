// The import wizard's column mapping and background commit through the real router, on SQLite
// and PostgreSQL: inspect proposes a mapping (remembered per source once committed), preview
// and commit read through it, start + progress commit as a job with the same outcome. The file
// is sent once (`import.upload`): the steps read it by its id, with the same outcomes.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ENGINES } from "@coherence/db/testing";
import { createFixture } from "./support";
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

  it("inspects, previews and imports the uploaded file by its id, as if it were sent each time", async () => {
    const own = fx.caller("financeOwn");
    const sent = file([row("UP-1", "10.00"), row("UP-2", "12a")]);
    const upload = await own.import.upload({ files: [sent] });
    expect(upload).toEqual({
      uploadId: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown,
      files: [{ fileName: "norvege.csv", bytes: Buffer.byteLength(sent.content) }],
    });
    const { uploadId } = upload;
    const inspected = await own.import.inspect({ kind: "flows", source: "NOR", uploadId });
    expect(inspected).toEqual(
      await own.import.inspect({ kind: "flows", source: "NOR", file: sent }),
    );
    expect(inspected.headers).toEqual(Object.keys(COLUMNS));
    const byId = await own.import.preview({ kind: "flows", uploadId, columns: COLUMNS });
    const bySending = await own.import.preview({ kind: "flows", files: [sent], columns: COLUMNS });
    expect(byId).toEqual(bySending);
    expect(byId.counts).toMatchObject({ read: 2, created: 1, rejected: 1 });
    expect(byId.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [3, "Montant", "not_a_decimal"],
    ]);
    // Import the good row, from the same upload: the file is not sent again.
    const { jobId } = await own.import.start({
      kind: "flows",
      uploadId,
      columns: COLUMNS,
      mode: "partial",
    });
    const done = await finished(own, jobId);
    expect(done).toMatchObject({ state: "done", outcome: { committed: true } });
    const stored = await fx.connection.db
      .selectFrom("flows")
      .select(["external_ref", "amount"])
      .where("external_ref", "like", "UP-%")
      .execute();
    expect(stored).toEqual([{ external_ref: "UP-1", amount: 1000 }]);
  });

  it("refuses an unknown upload, both files and an upload, neither, and more than 20 MB at once", async () => {
    const own = fx.caller("financeOwn");
    await expect(
      own.import.preview({ kind: "flows", uploadId: "0".repeat(32) }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringMatching(/choose the file again/) as unknown,
    });
    const { uploadId } = await own.import.upload({ files: [file([row("UP-3", "1.00")])] });
    for (const input of [
      { kind: "flows" as const, uploadId, files: [file([])] },
      { kind: "flows" as const },
    ])
      await expect(own.import.preview(input)).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringContaining(
          "Give either the files or the id of an uploaded file",
        ) as unknown,
      });
    const half = {
      fileName: "big.csv",
      encoding: "text" as const,
      content: "x".repeat(10_000_001),
    };
    await expect(own.import.upload({ files: [half, half] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("At most 20 MB of files at once") as unknown,
    });
  });
});
