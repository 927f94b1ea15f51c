// The import wizard's procedures through the real router, on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ENGINES } from "@coherence/db/testing";
import { exportXlsx } from "@coherence/interchange";
import { createFixture } from "./support";
import type { Fixture } from "./support";

const HEADER =
  "external_ref,source,recipient,operation,task_code,funding_type,status,amount,currency,date,period_start,period_end,earmarking,category,notes";
const file = (rows: string[], fileName = "flows.csv") => ({
  kind: "flows" as const,
  files: [{ fileName, encoding: "text" as const, content: `${HEADER}\n${rows.join("\n")}\n` }],
});
const MINUSCA_ROW =
  "W-1,NOR,UNICEF,MINUSCA,CIV-PROTECT,voluntary_earmarked,pledged,1000.00,NOK,2025-03-01,,,earmarked,,";
const UNMISS_ROW =
  "W-2,NOR,UNHCR,UNMISS,HUMANITARIAN,voluntary_earmarked,pledged,2000.00,USD,2025-03-01,,,,,";

describe.each(ENGINES)("import procedures on %s", (engine) => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await createFixture(engine, inject("pgUrl"));
  });
  afterAll(async () => {
    await fx.close();
  });

  it("previews without writing: what would be created, with problems naming line and column", async () => {
    const preview = await fx.caller("financeOwn").import.preview(file([MINUSCA_ROW, UNMISS_ROW]));
    expect(preview).toMatchObject({ dryRun: true, committed: false, importId: null });
    expect(preview.counts).toMatchObject({ created: 1, rejected: 1 });
    expect(preview.changes).toEqual([
      expect.objectContaining({ key: "W-1", action: "create", line: 2 }),
    ]);
    expect(preview.problems.map((p) => p.message)).toEqual([
      'flows.csv:3: column "operation": value "UNMISS": you may not write flows of operation UNMISS to UNHCR: not in your assignments',
    ]);
    const stored = await fx.connection.db
      .selectFrom("flows")
      .select("id")
      .where("external_ref", "in", ["W-1", "W-2"])
      .execute();
    expect(stored).toEqual([]);
  });

  it("commits atomically (nothing when a row is out of scope) or partially with rejects", async () => {
    const officer = fx.caller("financeOwn");
    const atomic = await officer.import.commit(file([MINUSCA_ROW, UNMISS_ROW]));
    expect(atomic.committed).toBe(false);
    const partial = await officer.import.commit({
      ...file([MINUSCA_ROW, UNMISS_ROW]),
      mode: "partial",
    });
    expect(partial).toMatchObject({ committed: true, counts: { created: 1, rejected: 1 } });
    expect(partial.rejectsCsv.flows).toMatch(/W-2,.*,3,operation,operation: you may not write/);
    const list = await officer.import.list({});
    expect(list.items[0]).toMatchObject({
      id: partial.importId,
      actor: "user:t.finance.minusca",
      mode: "partial",
    });
    const undone = await officer.import.undo({ id: partial.importId! });
    expect(undone).toMatchObject({ undone: true, deleted: 1 });
  });

  it("accepts an XLSX file as base64", async () => {
    const bytes = await exportXlsx("rates", [
      { line: 2, currency: "CHF", unitsPerUsd: "0.88", effectiveDate: "2025-01-01" },
    ]);
    const outcome = await fx.caller("admin").import.commit({
      kind: "rates",
      files: [
        {
          fileName: "rates.xlsx",
          encoding: "base64",
          content: Buffer.from(bytes).toString("base64"),
        },
      ],
      mode: "atomic",
    });
    expect(outcome).toMatchObject({ committed: true, counts: { created: 1 } });
    const refused = await fx.caller("financeOwn").import.preview({
      kind: "rates",
      files: [
        {
          fileName: "rates.xlsx",
          encoding: "base64",
          content: Buffer.from(bytes).toString("base64"),
        },
      ],
      mode: "atomic",
    });
    expect(refused.counts.unchanged).toBe(1);
  });

  it("refuses reviewers", async () => {
    await expect(fx.caller("reviewer").import.preview(file([MINUSCA_ROW]))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
