// Imports through the wizard's column mapping, the mapping remembered per source and kind, and
// the progress an import reports, on SQLite and PostgreSQL.
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import type { Connection } from "@coherence/db";
import { ENGINES, freshDatabase } from "@coherence/db/testing";
import { formatProblem } from "@coherence/interchange";
import { readColumnMapping, rememberColumnMapping } from "../src/index";
import type { ImportProgress } from "../src/index";
import { FLOWS_HEADER, imp, loadBasics } from "./support";

/** A donor's own export: other names, other order, one column Coherence does not keep. */
const DONOR_HEADER =
  "Montant,Devise,Référence,Donateur,Bénéficiaire,Mission,Tâche,Type,Statut,Date du statut,Début,Fin,Affectation,Catégorie,Remarques,Interne";
const DONOR_COLUMNS = {
  Montant: "amount",
  Devise: "currency",
  Référence: "external_ref",
  Donateur: "source",
  Bénéficiaire: "recipient",
  Mission: "operation",
  Tâche: "task_code",
  Type: "funding_type",
  Statut: "status",
  "Date du statut": "date",
  Début: "period_start",
  Fin: "period_end",
  Affectation: "earmarking",
  Catégorie: "category",
  Remarques: "notes",
  Interne: null,
};
const DONOR_ROW = (ref: string, amount: string) =>
  `${amount},USD,${ref},NOR,UNDP,MINUSCA,CIV-PROTECT,voluntary_earmarked,paid,2024-04-01,,,,,,x`;

describe.each(ENGINES)("column mappings on %s", (engine) => {
  let connection: Connection;
  beforeEach(async () => {
    connection = await freshDatabase(engine, inject("pgUrl"));
    await loadBasics(connection.db);
  });
  afterEach(async () => {
    await connection.close();
  });

  it("imports a file whose headers differ, through the mapping; problems name the file's header", async () => {
    const file = `${DONOR_HEADER}\n${DONOR_ROW("D-1", "100.00")}\n${DONOR_ROW("D-2", "1.250.000")}\n`;
    const refused = await imp(
      connection.db,
      "flows",
      { "don.csv": file },
      { columns: DONOR_COLUMNS },
    );
    expect(refused.committed).toBe(false);
    expect(refused.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^don\.csv:3: column "Montant": value "1\.250\.000": /),
    ]);
    expect(refused.problems[0]!.field).toBe("amount");

    const fixed = `${DONOR_HEADER}\n${DONOR_ROW("D-1", "100.00")}\n${DONOR_ROW("D-2", "250.50")}\n`;
    const outcome = await imp(
      connection.db,
      "flows",
      { "don.csv": fixed },
      { columns: DONOR_COLUMNS },
    );
    expect(outcome.problems).toEqual([]);
    expect(outcome.counts).toMatchObject({ read: 2, created: 2 });
    const stored = await connection.db
      .selectFrom("flows")
      .select(["external_ref", "amount"])
      .orderBy("external_ref")
      .execute();
    expect(stored).toEqual([
      { external_ref: "D-1", amount: 10_000 },
      { external_ref: "D-2", amount: 25_050 },
    ]);
  });

  it("remembers a mapping per source and kind, merging headers, audited, unchanged = no write", async () => {
    const nor = await connection.db
      .selectFrom("organizations")
      .select("id")
      .where("code", "=", "NOR")
      .executeTakeFirstOrThrow();
    expect(await readColumnMapping(connection.db, nor.id, "flows")).toEqual({
      mapping: {},
      version: 0,
    });
    const remember = (mapping: Record<string, string | null>) =>
      rememberColumnMapping(connection.db, {
        sourceId: nor.id,
        kind: "flows",
        mapping,
        actor: "user:ana",
      });
    expect(await remember({ Montant: "amount", Interne: null })).toBe(1);
    expect(await remember({ Devise: "currency" })).toBe(2);
    expect(await remember({ Devise: "currency" })).toBe(2);
    expect(await readColumnMapping(connection.db, nor.id, "flows")).toEqual({
      mapping: { Montant: "amount", Interne: null, Devise: "currency" },
      version: 2,
    });
    // Another kind of the same source is remembered apart.
    expect(await readColumnMapping(connection.db, nor.id, "rates")).toEqual({
      mapping: {},
      version: 0,
    });
    const audit = await connection.db
      .selectFrom("audit_log")
      .select(["action", "actor"])
      .where("table_name", "=", "column_mappings")
      .orderBy("id")
      .execute();
    expect(audit).toEqual([
      { action: "create", actor: "user:ana" },
      { action: "update", actor: "user:ana" },
    ]);
  });

  it("reports progress batch by batch: validated, then written, out of the total known upfront", async () => {
    const rows = Array.from(
      { length: 25 },
      (_, i) =>
        `P-${i},NOR,UNDP,MINUSCA,CIV-PROTECT,voluntary_earmarked,paid,${i + 1}.00,USD,2024-04-01,,,,,`,
    );
    const seen: ImportProgress[] = [];
    const outcome = await imp(
      connection.db,
      "flows",
      { "p.csv": `${FLOWS_HEADER}\n${rows.join("\n")}\n` },
      { batchSize: 10, onProgress: (p) => seen.push({ ...p }) },
    );
    expect(outcome.committed).toBe(true);
    expect(seen.every((p) => p.rowsTotal === 25)).toBe(true);
    // Never more written than validated, both only growing, and done at 25 of 25.
    for (const [i, p] of seen.entries()) {
      expect(p.rowsDone).toBeLessThanOrEqual(p.rowsValidated);
      if (i > 0) expect(p.rowsValidated).toBeGreaterThanOrEqual(seen[i - 1]!.rowsValidated);
    }
    expect(seen.filter((p) => p.phase === "writing").length).toBeGreaterThanOrEqual(1);
    expect(seen.at(-1)).toMatchObject({
      phase: "done",
      rowsDone: 25,
      rowsValidated: 25,
      rowsTotal: 25,
    });
  });

  it("knows the total of a file parsed whole (requirements) once it is parsed", async () => {
    const seen: ImportProgress[] = [];
    await imp(
      connection.db,
      "requirements",
      {
        "r.csv": `external_ref,operation,entity,task_code,category,period_start,period_end,stage,amount,currency,document
R-9,MINUSCA,UN-DPO,CIV-PROTECT,,2024-07-01,2025-06-30,proposed,10.00,USD,
`,
      },
      { onProgress: (p) => seen.push({ ...p }) },
    );
    expect(seen.find((p) => p.phase === "validating")).toMatchObject({
      rowsValidated: 1,
      rowsTotal: 1,
    });
    expect(seen.at(-1)).toMatchObject({ phase: "done", rowsDone: 1, rowsTotal: 1 });
  });
});
