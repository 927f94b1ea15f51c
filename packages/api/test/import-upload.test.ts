// The wizard sends a file once: `import.upload` keeps it, and inspect, preview and start read it
// by the upload's id — with the same outcomes as when the file is sent with each call. On SQLite
// and PostgreSQL.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ENGINES } from "@coherence/db/testing";
import { createFixture } from "./support";
import type { Caller, Fixture } from "./support";

const HEADER = "Réf;Donateur;Bénéficiaire;Mission;Tâche;Type;Statut;Montant;Devise;Date du statut";
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
};
const row = (ref: string, amount: string) =>
  `${ref};NOR;UNICEF;MINUSCA;CIV-PROTECT;voluntary_earmarked;pledged;${amount};USD;2025-03-01`;
const file = (rows: string[]) => ({
  fileName: "versements.csv",
  encoding: "text" as const,
  content: `${HEADER}\n${rows.join("\n")}\n`,
});

async function finished(caller: Caller, jobId: string) {
  for (let i = 0; i < 600; i++) {
    const p = await caller.import.progress({ jobId });
    if (p.state !== "running") return p;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("the job did not end");
}

describe.each(ENGINES)("import from an upload on %s", (engine) => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await createFixture(engine, inject("pgUrl"));
  });
  afterAll(async () => {
    await fx.close();
  });

  it("inspects, previews and imports the uploaded file by its id, as if it were sent each time", async () => {
    const own = fx.caller("financeOwn");
    const sent = file([row("UP-1", "10.00"), row("UP-2", "12a")]);
    const upload = await own.import.upload({ files: [sent] });
    expect(upload).toEqual({
      uploadId: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown,
      files: [{ fileName: "versements.csv", bytes: Buffer.byteLength(sent.content) }],
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
