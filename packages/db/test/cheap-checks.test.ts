// Migration 0004 rewrites SQLite's in-list checks as equalities: same meaning, data and ids kept.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { Migrator } from "kysely/migration";
import { afterEach, describe, expect, it } from "vitest";
import { connect, migrateToLatest } from "../src/index";
import type { Connection } from "../src/index";
import { migrations } from "../src/migrations";
import { inListsAsEqualities } from "../src/migrations/0004-sqlite-cheap-checks";

describe("inListsAsEqualities", () => {
  it("rewrites quoted and bare columns, keeping the surrounding condition", () => {
    expect(inListsAsEqualities(`"status" text not null check (status in ('pledged','paid'))`)).toBe(
      `"status" text not null check ((status = 'pledged' or status = 'paid'))`,
    );
    expect(inListsAsEqualities(`check (e is null or e in ('a', 'b'))`)).toBe(
      `check (e is null or (e = 'a' or e = 'b'))`,
    );
    expect(inListsAsEqualities(`check (amount >= 0)`)).toBe(`check (amount >= 0)`);
  });
});

describe("migration 0004 on SQLite", () => {
  let dir: string;
  let connection: Connection | undefined;
  afterEach(async () => {
    await connection?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function migratedTo(name: string) {
    dir = mkdtempSync(path.join(tmpdir(), "coherence-0004-"));
    connection = connect(path.join(dir, "db.sqlite"));
    const migrator = new Migrator({
      db: connection.db,
      provider: { getMigrations: () => Promise.resolve(migrations) },
    });
    const { error } = await migrator.migrateTo(name);
    if (error) throw error instanceof Error ? error : new Error(JSON.stringify(error));
    return connection;
  }

  it("keeps every row, id and reference, and AUTOINCREMENT's high-water mark", async () => {
    const { db, sqlite } = await migratedTo("0003-import-sources-and-mappings");
    sqlite!.exec(`
      insert into organizations (code, name, kind, fiscal_year_start_month, currency)
        values ('DEU', 'Germany', 'member_state', 1, 'EUR'), ('UNDP', 'UNDP', 'un_entity', 1, 'USD');
      insert into flows (external_ref, source_id, recipient_id, funding_type, status, status_date,
          amount, currency, amount_usd_cents, units_per_usd, rate_origin, period_start, period_end,
          earmarking, provenance)
        values ('F-1', 1, 2, 'voluntary_core', 'paid', '2024-03-01', 100, 'EUR', 108, '0.925',
          'rate_table', '2024-01-01', '2024-12-31', null, 'test'),
          ('F-2', 1, 2, 'pooled', 'pledged', '2024-03-01', 5, 'EUR', 5, '0.925', 'rate_table',
          '2024-01-01', '2024-12-31', 'earmarked', 'test');
      insert into flow_status_history (flow_id, status, status_date, amount, currency, amount_usd_cents)
        values (1, 'paid', '2024-03-01', 100, 'EUR', 108);
      insert into audit_log (actor, action, table_name, record_id, after_json)
        values ('test', 'create', 'flows', '1', '{}');
      delete from flows where id = 2;`);
    const before = sqlite!.prepare("select * from flows order by id").all();

    // 0004 runs next (later migrations after it).
    expect((await migrateToLatest(db))[0]).toBe("0004-sqlite-cheap-checks");

    expect(sqlite!.prepare("select * from flows order by id").all()).toEqual(before);
    expect(sqlite!.prepare("select flow_id from flow_status_history").all()).toEqual([
      { flow_id: 1 },
    ]);
    // A new flow does not take the id of the one deleted before the migration.
    const { lastInsertRowid } = sqlite!
      .prepare(
        `insert into flows (external_ref, source_id, recipient_id, funding_type, status, status_date,
          amount, currency, amount_usd_cents, units_per_usd, rate_origin, period_start, period_end,
          provenance)
        values ('F-3', 1, 2, 'assessed', 'committed', '2024-03-01', 1, 'USD', 1, '1', 'identity',
          '2024-01-01', '2024-12-31', 'test')`,
      )
      .run();
    expect(lastInsertRowid).toBe(3);
    expect(sqlite!.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(sqlite!.pragma("foreign_key_check")).toEqual([]);
  });

  it("still refuses what the in-lists refused, and the audit log stays append-only", async () => {
    const { db, sqlite } = await migratedTo("0004-sqlite-cheap-checks");
    const { rows } = await sql<{ sql: string }>`
      select sql from sqlite_master where type = 'table'
        and name in ('flows', 'flow_status_history', 'requirements', 'audit_log', 'fts_flows')`.execute(
      db,
    );
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row.sql).not.toMatch(/\bin\s*\(/i);

    sqlite!.exec(`insert into organizations (code, name, kind, fiscal_year_start_month, currency)
      values ('DEU', 'Germany', 'member_state', 1, 'EUR')`);
    const flow = (status: string, earmarking: string | null) =>
      sqlite!
        .prepare(
          `insert into flows (source_id, recipient_id, funding_type, status, status_date, amount,
            currency, amount_usd_cents, units_per_usd, rate_origin, period_start, period_end,
            earmarking, provenance)
          values (1, 1, 'assessed', ?, '2024-01-01', 1, 'USD', 1, '1', 'identity', '2024-01-01',
            '2024-12-31', ?, 'test')`,
        )
        .run(status, earmarking);
    expect(() => flow("promised", null)).toThrow(/CHECK constraint failed/);
    expect(() => flow("paid", "loosely")).toThrow(/CHECK constraint failed/);
    expect(() => flow("paid", null)).not.toThrow();
    expect(() => flow("pledged", "tightly_earmarked")).not.toThrow();

    sqlite!.exec(`insert into audit_log (actor, action, table_name, record_id)
      values ('test', 'create', 'flows', '1')`);
    expect(() =>
      sqlite!.exec(`insert into audit_log (actor, action, table_name, record_id)
        values ('test', 'erase', 'flows', '1')`),
    ).toThrow(/CHECK constraint failed/);
    expect(() => sqlite!.exec("delete from audit_log")).toThrow(/append-only/);
    expect(() => sqlite!.exec("update audit_log set actor = 'x'")).toThrow(/append-only/);
  });
});
