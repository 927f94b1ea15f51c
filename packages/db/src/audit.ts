// The audit trail: one row per change to financial or reference data, written in the same
// transaction as the change. The table is append-only (database triggers refuse UPDATE and
// DELETE on both engines).
import type { Kysely } from "kysely";
import type { AuditAction, AuditEntry, Database } from "./schema";

export interface AuditInput {
  actor: string;
  userId: number | null;
  action: AuditAction;
  table: string;
  recordId: number | string;
  before: unknown;
  after: unknown;
  importId?: number | null;
}

export async function writeAudit(db: Kysely<Database>, entry: AuditInput): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      actor: entry.actor,
      user_id: entry.userId,
      action: entry.action,
      table_name: entry.table,
      record_id: String(entry.recordId),
      before_json:
        entry.before === null || entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json:
        entry.after === null || entry.after === undefined ? null : JSON.stringify(entry.after),
      import_id: entry.importId ?? null,
    })
    .execute();
}

export interface AuditFilter {
  table?: string | undefined;
  recordId?: string | undefined;
  actor?: string | undefined;
  importId?: number | undefined;
  limit: number;
  offset?: number | undefined;
  /**
   * Keyset paging: entries older than this id (the previous page's `nextCursor`). Unlike an
   * offset, a page stays right while new entries arrive, and costs the same however deep.
   */
  cursor?: number | undefined;
}

/**
 * Audit entries, newest first, filtered by table, record, user or import; `total` counts every
 * matching entry, `nextCursor` fetches the next (older) page, null on the last one.
 * @example
 * const first = await listAudit(db, { table: "flows", limit: 100 });
 * const next = await listAudit(db, { table: "flows", limit: 100, cursor: first.nextCursor! });
 */
export async function listAudit(
  db: Kysely<Database>,
  filter: AuditFilter,
): Promise<{ items: AuditEntry[]; total: number; nextCursor: number | null }> {
  let query = db.selectFrom("audit_log");
  if (filter.table) query = query.where("table_name", "=", filter.table);
  if (filter.recordId) query = query.where("record_id", "=", filter.recordId);
  if (filter.actor) query = query.where("actor", "=", filter.actor);
  if (filter.importId !== undefined) query = query.where("import_id", "=", filter.importId);
  let page = query
    .selectAll()
    .orderBy("id", "desc")
    .limit(filter.limit + 1);
  if (filter.cursor !== undefined) page = page.where("id", "<", filter.cursor);
  else if (filter.offset) page = page.offset(filter.offset);
  const [rows, total] = await Promise.all([
    page.execute(),
    query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  // One row more than asked tells whether an older page exists.
  const items = rows.slice(0, filter.limit);
  const nextCursor = rows.length > filter.limit ? items[items.length - 1]!.id : null;
  return { items, total: total.n, nextCursor };
}
