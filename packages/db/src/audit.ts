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
  offset: number;
}

export async function listAudit(
  db: Kysely<Database>,
  filter: AuditFilter,
): Promise<{ items: AuditEntry[]; total: number }> {
  let query = db.selectFrom("audit_log");
  if (filter.table) query = query.where("table_name", "=", filter.table);
  if (filter.recordId) query = query.where("record_id", "=", filter.recordId);
  if (filter.actor) query = query.where("actor", "=", filter.actor);
  if (filter.importId !== undefined) query = query.where("import_id", "=", filter.importId);
  const [items, total] = await Promise.all([
    query.selectAll().orderBy("id", "desc").limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}
