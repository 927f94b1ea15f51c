// The SQLite fast path of flow imports: statements prepared once per import on the
// better-sqlite3 handle under Kysely (they join the import's transaction: one connection), new
// flows inserted row by row with their ids taken from `lastInsertRowid`, and their status-history
// rows and audit entries written set-based from the rows just inserted (the audit `after` is
// built by SQLite's json_object from the stored row: the same full record the general path
// writes). PostgreSQL, and any Kysely instance not opened by `connect`, take the general path.
import { FLOW_COLUMNS } from "@coherence/db";
import type { Flow, SqliteHandle } from "@coherence/db";
import type { ImportContext, RowRef } from "../context";
import type { ImportFlowColumns } from "./flows";

/** A prepared statement taking positional parameters. */
interface Statement {
  run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
  all(...params: unknown[]): unknown[];
}

export interface SqliteFlowStatements {
  lookup: Statement;
  insertFlow: Statement;
  history: Statement;
  audit: Statement;
}

export function prepareFlowStatements(sqlite: SqliteHandle): SqliteFlowStatements {
  const prepare = (text: string) => sqlite.prepare(text) as unknown as Statement;
  return {
    lookup: prepare("select * from flows where external_ref in (select value from json_each(?))"),
    insertFlow: prepare(
      `insert into flows (external_ref, source_id, recipient_id, operation_id, task_code,
         funding_type, status, status_date, amount, currency, amount_usd_cents, units_per_usd,
         rate_origin, period_start, period_end, earmarking, category, notes, source_version,
         provenance, updated_by, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    history: prepare(
      `insert into flow_status_history (flow_id, status, status_date, amount, currency,
         amount_usd_cents, recorded_at, import_id)
       select id, status, status_date, amount, currency, amount_usd_cents, ?, ?
       from flows where id between ? and ? order by id`,
    ),
    audit: prepare(
      `insert into audit_log (at, actor, user_id, action, table_name, record_id, before_json,
         after_json, import_id)
       select ?, ?, ?, 'create', 'flows', cast(id as text), null,
         json_object(${FLOW_COLUMNS.map((c) => `'${c}', ${c}`).join(", ")}), ?
       from flows where id between ? and ? order by id`,
    ),
  };
}

/** The stored flows with these external refs. */
export function lookupFlows(statements: SqliteFlowStatements, refs: readonly string[]): Flow[] {
  return statements.lookup.all(JSON.stringify(refs)) as Flow[];
}

/** Write the status-history rows and audit entries of the flows with ids first..last. */
function recordRange(
  ctx: ImportContext,
  statements: SqliteFlowStatements,
  first: number,
  last: number,
): void {
  const expected = last - first + 1;
  const history = statements.history.run(ctx.nowIso, ctx.importId, first, last);
  const audit = statements.audit.run(ctx.nowIso, ctx.actor, ctx.userId, ctx.importId, first, last);
  if (history.changes !== expected || audit.changes !== expected)
    throw new Error(
      `flows ${first}..${last}: ${history.changes} history rows and ${audit.changes} audit entries for ${expected} flows`,
    );
}

/** Insert new flows, their first status-history entry and their audit entry. */
export function createFlowsSqlite(
  ctx: ImportContext,
  statements: SqliteFlowStatements,
  creates: readonly { row: RowRef<"flows">; columns: ImportFlowColumns }[],
  provenance: string,
  ids: Map<string, number> | undefined,
): void {
  const now = ctx.nowIso;
  const actor = ctx.actor;
  const insert = statements.insertFlow;
  let first = -1;
  let last = -1;
  for (const { row, columns: c } of creates) {
    const id = Number(
      insert.run(
        c.external_ref,
        c.source_id,
        c.recipient_id,
        c.operation_id ?? null,
        c.task_code ?? null,
        c.funding_type,
        c.status,
        c.status_date,
        c.amount,
        c.currency,
        c.amount_usd_cents,
        c.units_per_usd,
        c.rate_origin,
        c.period_start,
        c.period_end,
        c.earmarking ?? null,
        c.category ?? null,
        c.notes ?? null,
        c.source_version ?? null,
        provenance,
        actor,
        now,
        now,
      ).lastInsertRowid,
    );
    // Ids are consecutive inside the import's write transaction; a gap starts a new range.
    if (first < 0) first = id;
    else if (id !== last + 1) {
      recordRange(ctx, statements, first, last);
      first = id;
    }
    last = id;
    ids?.set(c.external_ref, id);
    ctx.count("flows", "create", c.external_ref, row);
  }
  if (first >= 0) recordRange(ctx, statements, first, last);
}
