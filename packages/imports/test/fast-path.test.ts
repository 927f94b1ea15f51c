// The SQLite fast path of flow imports (prepared better-sqlite3 statements, history and audit
// written set-based) must leave exactly what the general path (the one PostgreSQL takes) leaves:
// the same rows in every table, the same audit entries, the same undo.
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import type { Kysely } from "kysely";
import { sqliteHandleOf } from "@coherence/db";
import type { Connection, Database } from "@coherence/db";
import { freshDatabase } from "@coherence/db/testing";
import { formatProblem } from "@coherence/interchange";
import { undoImport } from "../src/index";
import { FLOWS, FLOWS_HEADER, MANDATES, ORGANIZATIONS, RATES, imp, snapshot } from "./support";

const NOW = () => new Date("2024-09-01T10:00:00.000Z");

const MOVED = `${FLOWS_HEADER}
F-1,GBR,UNDP,MINUSCA,STATE-AUTH,voluntary_earmarked,paid,5000000.00,GBP,2024-06-01,2024-01-01,2024-12-31,earmarked,,first
F-2,NOR,UNICEF,MINUSCA,CIV-PROTECT,voluntary_earmarked,pledged,1000000.00,NOK,2024-05-02,,,earmarked,,no period: UNICEF's calendar year
F-3,USA,UN-DPO,MINUSCA,,assessed,committed,1234.56,USD,2024-07-01,,,,,now with a note
F-4,DEU,UNDP,MINUSCA,PEACE-PROC,voluntary_core,committed,250.00,EUR,2024-02-10,,,,,new
F-5,GBR,UNICEF,,,voluntary_core,pledged,99.99,GBP,2024-08-01,,,,,
F-6,NOR,UNDP,MINUSCA,NO-SUCH-TASK,voluntary_core,pledged,10.00,NOK,2024-08-01,,,,,bad task
F-7,USA,UNDP,MINUSCA,CIV-PROTECT,voluntary_core,paid,7.00,USD,2024-08-02,,,,,
`;

/** The reference data, at a fixed time (so that both databases hold the same stamps). */
async function loadBasics(db: Kysely<Database>) {
  for (const [kind, text] of [
    ["organizations", ORGANIZATIONS],
    ["rates", RATES],
    ["mandates", MANDATES],
  ] as const) {
    const outcome = await imp(db, kind, { [`${kind}.csv`]: text }, { now: NOW });
    if (!outcome.committed) throw new Error(JSON.stringify(outcome.problems));
  }
}

/** Every table, audit entries with their JSON parsed (the same record, whoever serialised it). */
async function state(db: Kysely<Database>) {
  const all = await snapshot(db);
  all.audit_log = (all.audit_log as Record<string, unknown>[]).map((e) => ({
    ...e,
    before_json: e.before_json === null ? null : (JSON.parse(e.before_json as string) as unknown),
    after_json: e.after_json === null ? null : (JSON.parse(e.after_json as string) as unknown),
  }));
  return all;
}

describe("flows on SQLite: fast path = general path", () => {
  let fast: Connection;
  let general: Connection;
  beforeEach(async () => {
    fast = await freshDatabase("sqlite", inject("pgUrl"));
    general = await freshDatabase("sqlite", inject("pgUrl"));
    await loadBasics(fast.db);
    await loadBasics(general.db);
  });
  afterEach(async () => {
    await fast.close();
    await general.close();
  });

  /** The same import on both databases: the same outcome and the same tables afterwards. */
  async function both(files: Record<string, string>, options: Record<string, unknown> = {}) {
    const a = await imp(fast.db, "flows", files, { now: NOW, batchSize: 2, ...options });
    const b = await imp(general.db, "flows", files, {
      now: NOW,
      batchSize: 2,
      fastPath: false,
      ...options,
    });
    expect(a).toEqual(b);
    expect(await state(fast.db)).toEqual(await state(general.db));
    return a;
  }

  it("exposes the raw handle the fast path runs on", () => {
    expect(fast.sqlite).toBeDefined();
    expect(sqliteHandleOf(fast.db)).toBe(fast.sqlite);
  });

  it("creates, updates, moves status, refuses, re-imports and undoes identically", async () => {
    const first = await both({ "flows.csv": FLOWS });
    expect(first.counts).toMatchObject({ created: 3 });
    const entries = await fast.db
      .selectFrom("audit_log")
      .selectAll()
      .where("import_id", "=", first.importId)
      .orderBy("id")
      .execute();
    expect(entries.map((e) => [e.action, e.table_name])).toEqual([
      ["create", "flows"],
      ["create", "flows"],
      ["create", "flows"],
    ]);
    const after = JSON.parse(entries[0]!.after_json!) as Record<string, unknown>;
    expect(after).toMatchObject({ external_ref: "F-1", version: 1, deleted_at: null });
    expect(Object.keys(after)).toHaveLength(26);

    const dry = await both({ "flows.csv": MOVED }, { dryRun: true, mode: "partial" });
    expect(dry.committed).toBe(false);
    const atomic = await both({ "flows.csv": MOVED });
    expect(atomic.committed).toBe(false);
    expect(atomic.problems.map(formatProblem)).toEqual([
      'flows.csv:7: column "task_code": value "NO-SUCH-TASK": no priority task NO-SUCH-TASK in the mandates of MINUSCA',
    ]);
    const partial = await both({ "flows.csv": MOVED }, { mode: "partial" });
    expect(partial.counts).toMatchObject({ created: 3, updated: 2, unchanged: 1, rejected: 1 });
    const again = await both({ "flows.csv": MOVED }, { mode: "partial" });
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 6, rejected: 1 });

    for (const importId of [partial.importId!, first.importId!]) {
      const a = await undoImport(fast.db, importId, { actor: "cli:test", now: NOW });
      const b = await undoImport(general.db, importId, { actor: "cli:test", now: NOW });
      expect(a).toEqual(b);
      expect(a.undone).toBe(true);
      expect(await state(fast.db)).toEqual(await state(general.db));
    }
    const live = await fast.db
      .selectFrom("flows")
      .select("external_ref")
      .where("deleted_at", "is", null)
      .execute();
    expect(live).toEqual([]);
  });
});
