// Applying canonical files to the database, on SQLite and PostgreSQL: references resolved,
// conversion, atomic and partial imports, idempotence, history, undo.
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import type { Connection } from "@coherence/db";
import { ENGINES, freshDatabase } from "@coherence/db/testing";
import { formatProblem, writeRejectsCsv } from "@coherence/interchange";
import { undoImport } from "../src/index";
import {
  CROSSWALK,
  FLOWS,
  FLOWS_HEADER,
  REQUIREMENTS,
  SCALES,
  dataSnapshot,
  imp,
  loadBasics,
  snapshot,
} from "./support";

describe.each(ENGINES)("imports on %s", (engine) => {
  let connection: Connection;
  beforeEach(async () => {
    connection = await freshDatabase(engine, inject("pgUrl"));
    await loadBasics(connection.db);
  });
  afterEach(async () => {
    await connection.close();
  });

  it("creates flows, converts at the rate in force and fills empty periods from the recipient's fiscal year", async () => {
    const outcome = await imp(connection.db, "flows", { "flows.csv": FLOWS });
    expect(outcome.problems.map(formatProblem)).toEqual([]);
    expect(outcome.committed).toBe(true);
    expect(outcome.counts).toMatchObject({ read: 3, created: 3, updated: 0, unchanged: 0 });
    const flows = await connection.db
      .selectFrom("flows")
      .selectAll()
      .orderBy("external_ref")
      .execute();
    expect(
      flows.map((f) => [
        f.external_ref,
        f.amount_usd_cents,
        f.units_per_usd,
        f.rate_origin,
        f.period_start,
        f.period_end,
      ]),
    ).toEqual([
      ["F-1", 645_161_290, "0.775", "rate_table", "2024-01-01", "2024-12-31"],
      ["F-2", 9_523_810, "10.5", "rate_table", "2024-01-01", "2024-12-31"],
      ["F-3", 123_456, "1", "identity", "2024-07-01", "2025-06-30"],
    ]);
    const audit = await connection.db
      .selectFrom("audit_log")
      .selectAll()
      .where("table_name", "=", "flows")
      .execute();
    expect(audit).toHaveLength(3);
    expect(audit.every((a) => a.import_id === outcome.importId && a.actor === "cli:test")).toBe(
      true,
    );
    const row = await connection.db
      .selectFrom("imports")
      .selectAll()
      .where("id", "=", outcome.importId!)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      kind: "flows",
      file_name: "flows.csv",
      mode: "atomic",
      actor: "cli:test",
    });
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(row.counts_json)).toMatchObject({ created: 3 });
  });

  it("is idempotent: the same file again changes nothing and says so", async () => {
    await imp(connection.db, "flows", { "flows.csv": FLOWS });
    await imp(connection.db, "requirements", { "requirements.csv": REQUIREMENTS });
    const before = await dataSnapshot(connection.db);
    const again = await imp(connection.db, "flows", { "flows.csv": FLOWS });
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    const req = await imp(connection.db, "requirements", { "requirements.csv": REQUIREMENTS });
    expect(req.counts).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await dataSnapshot(connection.db)).toEqual(before);
  });

  it("keeps one record per contribution as it moves pledged → committed → paid, with its dated history", async () => {
    const row = (status: string, date: string) =>
      `${FLOWS_HEADER}\nP-1,NOR,UNICEF,MINUSCA,CIV-PROTECT,voluntary_earmarked,${status},1000000.00,NOK,${date},2024-01-01,2024-12-31,earmarked,,\n`;
    const first = await imp(connection.db, "flows", { "a.csv": row("pledged", "2024-02-01") });
    const second = await imp(connection.db, "flows", { "b.csv": row("committed", "2024-04-01") });
    const third = await imp(connection.db, "flows", { "c.csv": row("paid", "2024-09-30") });
    expect([first.counts.created, second.counts.updated, third.counts.updated]).toEqual([1, 1, 1]);
    const flows = await connection.db
      .selectFrom("flows")
      .selectAll()
      .where("external_ref", "=", "P-1")
      .execute();
    expect(flows).toHaveLength(1);
    expect(flows[0]).toMatchObject({ status: "paid", status_date: "2024-09-30", version: 3 });
    const history = await connection.db
      .selectFrom("flow_status_history")
      .select(["status", "status_date", "import_id"])
      .where("flow_id", "=", flows[0]!.id)
      .orderBy("id")
      .execute();
    expect(history).toEqual([
      { status: "pledged", status_date: "2024-02-01", import_id: first.importId },
      { status: "committed", status_date: "2024-04-01", import_id: second.importId },
      { status: "paid", status_date: "2024-09-30", import_id: third.importId },
    ]);
  });

  it("names line, column and reason of every unresolved reference and writes nothing (atomic)", async () => {
    const before = await snapshot(connection.db);
    const text = `${FLOWS_HEADER}
X-1,GBR,UNDP,NOPE,,voluntary_core,paid,10.00,USD,2024-03-01,,,,,
X-2,ZZZ,UNDP,MINUSCA,,voluntary_core,paid,10.00,USD,2024-03-01,,,,,
X-3,GBR,UNDP,MINUSCA,NO-TASK,voluntary_core,paid,10.00,USD,2024-03-01,,,,,
X-4,GBR,UNDP,MINUSCA,,voluntary_core,paid,10.00,CHF,2024-03-01,,,,,
X-5,GBR,UNDP,MINUSCA,,voluntary_core,paid,10.00,GBP,2023-12-31,,,,,
X-6,GBR,UNDP,MINUSCA,,voluntary_core,paid,10.00,USD,2024-03-01,,,,,
`;
    const outcome = await imp(connection.db, "flows", { "bad.csv": text });
    expect(outcome.committed).toBe(false);
    expect(outcome.importId).toBeNull();
    expect(outcome.problems.map(formatProblem)).toEqual([
      'bad.csv:2: column "operation": value "NOPE": unknown operation NOPE',
      'bad.csv:3: column "source": value "ZZZ": unknown organization ZZZ (import it first with the organizations kind)',
      'bad.csv:4: column "task_code": value "NO-TASK": no priority task NO-TASK in the mandates of MINUSCA',
      'bad.csv:5: column "currency": value "CHF": no CHF rate in force on 2024-03-01: import the UN operational rate first',
      'bad.csv:6: column "currency": value "GBP": no GBP rate in force on 2023-12-31: import the UN operational rate first',
    ]);
    expect(await snapshot(connection.db)).toEqual(before);
  });

  it("takes the good rows in partial mode and returns the rejects with line, column and reason", async () => {
    const text = `${FLOWS_HEADER}
G-1,GBR,UNDP,MINUSCA,,voluntary_core,paid,10.00,USD,2024-03-01,,,,,
B-1,GBR,UNDP,MINUSCA,,voluntary_core,paid,10.005,USD,2024-03-01,,,,,
B-2,GBR,UNDP,NOPE,,voluntary_core,paid,10.00,USD,2024-03-01,,,,,
G-2,GBR,UNDP,MINUSCA,,voluntary_core,paid,20.00,USD,2024-03-01,,,,,
`;
    const outcome = await imp(connection.db, "flows", { "mixed.csv": text }, { mode: "partial" });
    expect(outcome.committed).toBe(true);
    expect(outcome.counts).toMatchObject({ read: 4, created: 2, rejected: 2 });
    const rejects = writeRejectsCsv("flows", outcome.rejects.flows ?? []);
    expect(rejects.split("\n")[0]).toMatch(/,notes,amount_usd,units_per_usd,line,column,reason$/);
    expect(rejects).toContain("B-1,GBR,UNDP,MINUSCA,,voluntary_core,paid,10.005,USD");
    expect(rejects).toMatch(/B-2,.*,4,operation,operation: unknown operation NOPE/);
    const refs = await connection.db
      .selectFrom("flows")
      .select("external_ref")
      .orderBy("external_ref")
      .execute();
    expect(refs.map((r) => r.external_ref)).toEqual(["G-1", "G-2"]);
  });

  it("refuses rows outside the caller's assignments, naming the line", async () => {
    const outcome = await imp(
      connection.db,
      "flows",
      { "flows.csv": FLOWS },
      {
        canWrite: (scope) =>
          scope.table === "flows" && scope.entityId !== null && scope.operationId === null,
      },
    );
    expect(outcome.committed).toBe(false);
    expect(outcome.problems.map(formatProblem)[0]).toBe(
      'flows.csv:2: column "operation": value "MINUSCA": you may not write flows of operation MINUSCA to UNDP: not in your assignments',
    );
  });

  it("a dry run counts what would change and writes nothing", async () => {
    const before = await snapshot(connection.db);
    const outcome = await imp(connection.db, "flows", { "flows.csv": FLOWS }, { dryRun: true });
    expect(outcome).toMatchObject({ committed: false, importId: null, counts: { created: 3 } });
    expect(outcome.changes.map((c) => [c.key, c.action])).toEqual([
      ["F-1", "create"],
      ["F-2", "create"],
      ["F-3", "create"],
    ]);
    expect(await snapshot(connection.db)).toEqual(before);
  });

  it("undoes an import: created records deleted (flows softly), updated ones restored", async () => {
    const first = await imp(connection.db, "flows", { "flows.csv": FLOWS });
    const afterFirst = await dataSnapshot(connection.db);
    const changed = FLOWS.replace("5000000.00,GBP", "6000000.00,GBP").replace(
      "F-3,USA,UN-DPO,MINUSCA,,assessed,committed",
      "F-3,USA,UN-DPO,MINUSCA,,assessed,paid",
    );
    const second = await imp(connection.db, "flows", { "flows.csv": changed });
    expect(second.counts).toMatchObject({ updated: 2, unchanged: 1 });
    const undo = await undoImport(connection.db, second.importId!, { actor: "cli:undoer" });
    expect(undo).toMatchObject({ undone: true, restored: 2, conflicts: [] });
    const restored = await dataSnapshot(connection.db);
    const strip = (rows: unknown[]) =>
      (rows as Record<string, unknown>[]).map(
        ({ version: _v, updated_at: _u, updated_by: _b, ...rest }) => rest,
      );
    expect(strip(restored.flows!)).toEqual(strip(afterFirst.flows!));
    expect(restored.flow_status_history).toEqual(afterFirst.flow_status_history);
    const firstUndo = await undoImport(connection.db, first.importId!, { actor: "cli:undoer" });
    expect(firstUndo).toMatchObject({ undone: true, deleted: 3 });
    const live = await connection.db
      .selectFrom("flows")
      .select("id")
      .where("deleted_at", "is", null)
      .execute();
    expect(live).toEqual([]);
    const audit = await connection.db
      .selectFrom("audit_log")
      .selectAll()
      .where("actor", "=", "cli:undoer")
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      "delete",
      "delete",
      "delete",
      "restore",
      "restore",
    ]);
    await expect(undoImport(connection.db, first.importId!, { actor: "x" })).rejects.toThrow(
      /already undone/,
    );
    await expect(undoImport(connection.db, first.importId!, { actor: "x" })).rejects.toMatchObject({
      problem: "already_undone",
      params: { id: first.importId!, who: "cli:undoer" },
    });
  });

  it("refuses to undo when a touched record changed since, and changes nothing", async () => {
    const first = await imp(connection.db, "flows", { "flows.csv": FLOWS });
    await imp(connection.db, "flows", { "flows.csv": FLOWS.replace("1234.56", "2234.56") });
    const before = await snapshot(connection.db);
    const undo = await undoImport(connection.db, first.importId!, { actor: "cli:undoer" });
    expect(undo.undone).toBe(false);
    expect(undo.conflicts).toHaveLength(1);
    expect(undo.conflicts[0]!.reason).toMatch(/changed since the import by cli:test/);
    // Coded too, for the web app's languages: who changed it and when are values, not words.
    expect(undo.conflicts[0]).toMatchObject({
      code: "undo_changed_by",
      params: { who: "cli:test", at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) as unknown },
    });
    expect(await snapshot(connection.db)).toEqual(before);
  });

  it("imports requirements, crosswalk and scales idempotently, and undoes them", async () => {
    const before = await dataSnapshot(connection.db);
    const r = await imp(connection.db, "requirements", { "requirements.csv": REQUIREMENTS });
    const c = await imp(connection.db, "crosswalk", { "crosswalk.csv": CROSSWALK });
    const s = await imp(connection.db, "scales", { "scales.csv": SCALES });
    expect([r.counts.created, c.counts.created, s.counts.created]).toEqual([3, 3, 3]);
    const gbp = await connection.db
      .selectFrom("requirements")
      .selectAll()
      .where("external_ref", "=", "R-2")
      .executeTakeFirstOrThrow();
    expect(gbp).toMatchObject({ amount_usd_cents: 129_032_258, units_per_usd: "0.775" });
    expect(
      (await imp(connection.db, "crosswalk", { "crosswalk.csv": CROSSWALK })).counts.unchanged,
    ).toBe(3);
    expect((await imp(connection.db, "scales", { "scales.csv": SCALES })).counts.unchanged).toBe(3);
    for (const id of [s.importId!, c.importId!, r.importId!]) {
      expect((await undoImport(connection.db, id, { actor: "cli:undoer" })).undone).toBe(true);
    }
    const after = await dataSnapshot(connection.db);
    expect(after.crosswalk_shares).toEqual(before.crosswalk_shares);
    expect(after.scale_rates).toEqual(before.scale_rates);
    expect(after.taxonomies).toEqual(before.taxonomies);
    expect(
      (after.requirements as { deleted_at: string | null }[]).every((x) => x.deleted_at !== null),
    ).toBe(true);
  });

  it("refuses a scale change that would leave the stored scale not summing to 100", async () => {
    await imp(connection.db, "scales", { "scales.csv": SCALES });
    const before = await snapshot(connection.db);
    const partial = `scale,member_state,period_start,period_end,rate_percent\npk-2024,USA,2024-01-01,2024-12-31,100\n`;
    const outcome = await imp(connection.db, "scales", { "s.csv": partial }, { mode: "partial" });
    expect(outcome.committed).toBe(false);
    expect(outcome.problems.map(formatProblem)[0]).toMatch(
      /would sum to 140 in the database, not 100/,
    );
    expect(await snapshot(connection.db)).toEqual(before);
  });

  it("updates a mandate's tasks as a whole and keeps the supersession order", async () => {
    const next = `operation,country,resolution,adopted_on,period_start,period_end,task_code,task_title,rank
MINUSCA,CAF,S/RES/2759 (2024),2024-11-14,2024-11-15,2025-11-15,CIV-PROTECT,Protection of civilians,1
MINUSCA,CAF,S/RES/2759 (2024),2024-11-14,2024-11-15,2025-11-15,PEACE-PROC,Support to the peace process,2
`;
    const created = await imp(connection.db, "mandates", { "m.csv": next });
    expect(created.counts.byTable.mandates).toMatchObject({ created: 1 });
    const mandates = await connection.db
      .selectFrom("mandates")
      .selectAll()
      .orderBy("adopted_on")
      .execute();
    expect(mandates[0]!.superseded_by_id).toBe(mandates[1]!.id);
    const reordered = next
      .replace("Protection of civilians,1", "Protection of civilians,2")
      .replace("peace process,2", "peace process,1");
    const updated = await imp(connection.db, "mandates", { "m.csv": reordered });
    expect(updated.counts.byTable.mandates).toMatchObject({ updated: 1 });
    const undo = await undoImport(connection.db, updated.importId!, { actor: "cli:undoer" });
    expect(undo.undone).toBe(true);
    const tasks = await connection.db
      .selectFrom("priority_tasks")
      .select(["code", "rank"])
      .where("mandate_id", "=", mandates[1]!.id)
      .orderBy("rank")
      .execute();
    expect(tasks).toEqual([
      { code: "CIV-PROTECT", rank: 1 },
      { code: "PEACE-PROC", rank: 2 },
    ]);
  });
});
