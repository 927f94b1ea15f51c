// Undo a whole import: every record it touched goes back to its state before the import —
// records it created are deleted (soft delete for flows and budget lines, which stay visible in
// the history), records it updated are restored from the audit log's `before` — unless a record
// it touched has changed since, in which case nothing changes and the records are listed.
// The undo itself is audited (entries without import id, by the undoing actor) and marks the
// imports row as undone.
import type { Kysely } from "kysely";
import type { AuditAction, AuditEntry, Database } from "@coherence/db";
import { reason } from "@coherence/interchange";
import type { Reason, ReasonCode, ReasonParams } from "@coherence/interchange";
import type { Trx } from "./context";
import { relinkMandates } from "./apply/mandates";
import type { ImportScope } from "./types";

export interface UndoConflict {
  table: string;
  recordId: string;
  /** Why, in English; `code` and `params` word it in another language (interchange's REASONS). */
  reason: string;
  code: ReasonCode;
  params: ReasonParams;
}

/** A conflict of one record, with its coded reason. */
function conflictOf(table: string, recordId: string, why: Reason): UndoConflict {
  return { table, recordId, reason: why.text, code: why.code, params: why.params };
}

export interface UndoOutcome {
  importId: number;
  undone: boolean;
  /** Records changed since the import (or outside the caller's assignments): nothing was undone. */
  conflicts: UndoConflict[];
  deleted: number;
  restored: number;
  /** Created reference records kept because deleted financial records still refer to them. */
  kept: UndoConflict[];
}

/** Why an import cannot be undone at all; `problem` and its values word it in any language. */
export class UndoError extends Error {
  constructor(
    message: string,
    readonly problem: "no_such_import" | "already_undone",
    readonly params: Record<string, string | number>,
  ) {
    super(message);
    this.name = "UndoError";
  }
}

export interface UndoOptions {
  actor: string;
  userId?: number | null;
  now?: () => Date;
  canWrite?: (scope: ImportScope) => boolean;
}

interface Touched {
  table: string;
  recordId: string;
  first: AuditEntry;
  last: AuditEntry;
}

const VERSIONED = new Set(["flows", "requirements", "mandates", "operations", "organizations"]);
const SOFT_DELETED = new Set(["flows", "requirements"]);
/** Undo order: dependants before what they depend on. */
const ORDER = [
  "flows",
  "fts_flows",
  "requirements",
  "scale_rates",
  "crosswalk_shares",
  "categories",
  "taxonomies",
  "exchange_rates",
  "mandates",
  "operations",
  "organizations",
];

const parse = (json: string | null) =>
  json === null ? null : (JSON.parse(json) as Record<string, unknown>);

type AnyRow = Record<string, unknown>;
/** Kysely cannot type a table chosen at run time; callers pass only tables listed above. */
const anyDb = (trx: Trx) => trx as unknown as Kysely<Record<string, AnyRow>>;

function scopeOf(table: string, row: AnyRow | null): ImportScope {
  const n = (v: unknown) => (typeof v === "number" ? v : null);
  if (!row) return { table, operationId: null, entityId: null };
  if (table === "flows")
    return { table, operationId: n(row.operation_id), entityId: n(row.recipient_id) };
  if (table === "requirements")
    return { table, operationId: n(row.operation_id), entityId: n(row.entity_id) };
  if (table === "mandates") return { table, operationId: n(row.operation_id), entityId: null };
  return { table, operationId: null, entityId: null };
}

async function currentRow(trx: Trx, t: Touched): Promise<AnyRow | undefined> {
  const db = anyDb(trx);
  if (t.table === "exchange_rates") {
    const [currency, date] = t.recordId.split("@");
    return db
      .selectFrom("exchange_rates")
      .selectAll()
      .where("currency", "=", currency!)
      .where("effective_date", "=", date!)
      .executeTakeFirst();
  }
  if (t.table === "crosswalk_shares") return undefined;
  return db.selectFrom(t.table).selectAll().where("id", "=", Number(t.recordId)).executeTakeFirst();
}

/** Columns that change without the record's data changing. */
const IGNORED = new Set([
  "version",
  "updated_at",
  "updated_by",
  "created_at",
  "superseded_by_id",
  "tasks",
  "recorded_at",
]);

function sameState(table: string, current: unknown, left: unknown): boolean {
  if (table === "crosswalk_shares") {
    const norm = (v: unknown) =>
      JSON.stringify(
        ((v ?? []) as { common_category: string; share: string }[])
          .map((s) => [s.common_category, s.share])
          .sort(),
      );
    return norm(current) === norm(left);
  }
  if (current === null || left === null || typeof left !== "object" || typeof current !== "object")
    return current === left;
  const now = current as AnyRow;
  return Object.entries(left as AnyRow).every(([k, v]) => IGNORED.has(k) || now[k] === v);
}

async function sharesOf(trx: Trx, key: string) {
  const category = await categoryOf(trx, key);
  if (!category) return null;
  return trx
    .selectFrom("crosswalk_shares")
    .select(["common_category", "share"])
    .where("category_id", "=", category.id)
    .execute();
}

async function sameTasks(trx: Trx, mandateId: number, after: AnyRow | null): Promise<boolean> {
  if (!after || !Array.isArray(after.tasks)) return true;
  const tasks = await trx
    .selectFrom("priority_tasks")
    .select(["code", "title", "rank"])
    .where("mandate_id", "=", mandateId)
    .orderBy("rank")
    .execute();
  const norm = (list: { code: string; title: string; rank: number }[]) =>
    JSON.stringify([...list].sort((a, b) => a.rank - b.rank).map((t) => [t.code, t.title, t.rank]));
  return norm(tasks) === norm(after.tasks as { code: string; title: string; rank: number }[]);
}

async function isReferenced(trx: Trx, table: string, id: number): Promise<boolean> {
  const db = anyDb(trx);
  const refs: [string, string][] =
    table === "organizations"
      ? [
          ["flows", "source_id"],
          ["flows", "recipient_id"],
          ["requirements", "entity_id"],
          ["scale_rates", "member_state_id"],
          ["user_assignments", "entity_id"],
        ]
      : table === "operations"
        ? [
            ["mandates", "operation_id"],
            ["flows", "operation_id"],
            ["requirements", "operation_id"],
            ["user_assignments", "operation_id"],
          ]
        : table === "taxonomies"
          ? [["categories", "taxonomy_id"]]
          : [];
  for (const [refTable, column] of refs) {
    const row = await db
      .selectFrom(refTable)
      .select(column)
      .where(column, "=", id)
      .executeTakeFirst();
    if (row) return true;
  }
  return false;
}

async function categoryOf(trx: Trx, key: string) {
  const slash = key.indexOf("/");
  return trx
    .selectFrom("categories")
    .innerJoin("taxonomies", "taxonomies.id", "categories.taxonomy_id")
    .select("categories.id")
    .where("taxonomies.code", "=", key.slice(0, slash))
    .where("categories.code", "=", key.slice(slash + 1))
    .executeTakeFirst();
}

/**
 * Undo import `importId`.
 * @example const outcome = await undoImport(db, 12, { actor: "cli:ana" }); // outcome.conflicts lists what changed since
 * @throws UndoError for an unknown import or one already undone
 */
export async function undoImport(
  db: Kysely<Database>,
  importId: number,
  options: UndoOptions,
): Promise<UndoOutcome> {
  const now = (options.now ?? (() => new Date()))().toISOString();
  return db.transaction().execute(async (trx) => {
    const imp = await trx
      .selectFrom("imports")
      .selectAll()
      .where("id", "=", importId)
      .executeTakeFirst();
    if (!imp) throw new UndoError(`No import #${importId}`, "no_such_import", { id: importId });
    if (imp.undone_at !== null)
      throw new UndoError(
        `Import #${importId} was already undone at ${imp.undone_at} by ${imp.undone_by ?? "?"}`,
        "already_undone",
        { id: importId, at: imp.undone_at, who: imp.undone_by ?? "?" },
      );
    const entries = await trx
      .selectFrom("audit_log")
      .selectAll()
      .where("import_id", "=", importId)
      .orderBy("id")
      .execute();
    const touched = new Map<string, Touched>();
    for (const e of entries) {
      const key = `${e.table_name}\u0000${e.record_id}`;
      const t = touched.get(key);
      if (t) t.last = e;
      else touched.set(key, { table: e.table_name, recordId: e.record_id, first: e, last: e });
    }
    const outcome: UndoOutcome = {
      importId,
      undone: false,
      conflicts: [],
      deleted: 0,
      restored: 0,
      kept: [],
    };

    // Changed since? The record's state now differs from the state the import left (its
    // version, stamps and derived links aside: a later import that was itself undone leaves no
    // trace). The latest audit entry of the record names who changed it.
    for (const t of touched.values()) {
      const current = await currentRow(trx, t);
      const after = parse(t.last.after_json);
      const state = t.table === "crosswalk_shares" ? await sharesOf(trx, t.recordId) : current;
      const left =
        t.table === "crosswalk_shares"
          ? (JSON.parse(t.last.after_json ?? "null") as unknown)
          : after;
      if (
        !sameState(t.table, state ?? null, left) ||
        (t.table === "mandates" && current && !(await sameTasks(trx, Number(t.recordId), after)))
      ) {
        const latest = await trx
          .selectFrom("audit_log")
          .select(["actor", "at"])
          .where("table_name", "=", t.table)
          .where("record_id", "=", t.recordId)
          .where("id", ">", t.last.id)
          .orderBy("id", "desc")
          .executeTakeFirst();
        outcome.conflicts.push(
          conflictOf(
            t.table,
            t.recordId,
            latest
              ? reason("undo_changed_by", { who: latest.actor, at: latest.at })
              : state
                ? reason("undo_changed")
                : reason("undo_deleted"),
          ),
        );
        continue;
      }
      if (options.canWrite && !options.canWrite(scopeOf(t.table, current ?? after))) {
        outcome.conflicts.push(conflictOf(t.table, t.recordId, reason("undo_not_assigned")));
      }
    }
    if (outcome.conflicts.length > 0) return outcome;

    const audit = async (action: AuditAction, t: Touched, before: unknown, after: unknown) => {
      await trx
        .insertInto("audit_log")
        .values({
          at: now,
          actor: options.actor,
          user_id: options.userId ?? null,
          action,
          table_name: t.table,
          record_id: t.recordId,
          before_json: before === null ? null : JSON.stringify(before),
          after_json: after === null ? null : JSON.stringify(after),
          import_id: null,
        })
        .execute();
    };
    const db2 = anyDb(trx);
    const relink = new Set<number>();
    const ordered = [...touched.values()].sort(
      (a, b) => ORDER.indexOf(a.table) - ORDER.indexOf(b.table) || b.first.id - a.first.id,
    );
    for (const t of ordered) {
      const created = t.first.action === "create";
      const before = parse(t.first.before_json);
      const current = await currentRow(trx, t);
      if (t.table === "crosswalk_shares") {
        const category = await categoryOf(trx, t.recordId);
        const shares = await trx
          .selectFrom("crosswalk_shares")
          .select(["common_category", "share"])
          .where("category_id", "=", category?.id ?? -1)
          .execute();
        if (category) {
          await trx.deleteFrom("crosswalk_shares").where("category_id", "=", category.id).execute();
          const restore = created
            ? []
            : (JSON.parse(t.first.before_json ?? "[]") as {
                common_category: string;
                share: string;
              }[]);
          if (restore.length > 0)
            await trx
              .insertInto("crosswalk_shares")
              .values(restore.map((s) => ({ ...s, category_id: category.id })))
              .execute();
        }
        await audit(created ? "delete" : "restore", t, shares, created ? null : before);
        if (created) outcome.deleted++;
        else outcome.restored++;
        continue;
      }
      if (!current) continue;
      if (created && SOFT_DELETED.has(t.table)) {
        const after = {
          deleted_at: now,
          version: Number(current.version) + 1,
          updated_at: now,
          updated_by: options.actor,
        };
        await db2.updateTable(t.table).set(after).where("id", "=", Number(t.recordId)).execute();
        await audit("delete", t, current, { ...current, ...after });
        outcome.deleted++;
        continue;
      }
      if (created) {
        if (t.table === "organizations" || t.table === "operations" || t.table === "taxonomies") {
          if (await isReferenced(trx, t.table, Number(t.recordId))) {
            outcome.kept.push(conflictOf(t.table, t.recordId, reason("undo_kept_referenced")));
            continue;
          }
        }
        if (t.table === "mandates") {
          await trx
            .deleteFrom("priority_tasks")
            .where("mandate_id", "=", Number(t.recordId))
            .execute();
          await trx
            .updateTable("mandates")
            .set({ superseded_by_id: null })
            .where("superseded_by_id", "=", Number(t.recordId))
            .execute();
          relink.add(Number(current.operation_id));
        }
        if (t.table === "exchange_rates") {
          await trx
            .deleteFrom("exchange_rates")
            .where("currency", "=", String(current.currency))
            .where("effective_date", "=", String(current.effective_date))
            .execute();
        } else {
          await db2.deleteFrom(t.table).where("id", "=", Number(t.recordId)).execute();
        }
        await audit("delete", t, current, null);
        outcome.deleted++;
        continue;
      }
      // Updated: back to the state before the import.
      if (!before) continue;
      const { tasks, id: _id, created_at: _created, ...columns } = before;
      if (t.table === "exchange_rates") {
        await trx
          .updateTable("exchange_rates")
          .set({ units_per_usd: String(before.units_per_usd) })
          .where("currency", "=", String(current.currency))
          .where("effective_date", "=", String(current.effective_date))
          .execute();
      } else {
        const restored: AnyRow = { ...columns };
        if (VERSIONED.has(t.table)) {
          restored.version = Number(current.version) + 1;
          restored.updated_at = now;
          restored.updated_by = options.actor;
        }
        if (t.table === "mandates") {
          delete restored.superseded_by_id;
          relink.add(Number(current.operation_id));
        }
        await db2.updateTable(t.table).set(restored).where("id", "=", Number(t.recordId)).execute();
        if (t.table === "mandates" && Array.isArray(tasks)) {
          await trx
            .deleteFrom("priority_tasks")
            .where("mandate_id", "=", Number(t.recordId))
            .execute();
          if (tasks.length > 0)
            await trx
              .insertInto("priority_tasks")
              .values(
                (tasks as { code: string; title: string; rank: number }[]).map((task) => ({
                  ...task,
                  mandate_id: Number(t.recordId),
                })),
              )
              .execute();
        }
        if (t.table === "flows")
          await trx
            .deleteFrom("flow_status_history")
            .where("flow_id", "=", Number(t.recordId))
            .where("import_id", "=", importId)
            .execute();
      }
      await audit("restore", t, current, before);
      outcome.restored++;
    }
    await relinkMandates(trx, relink);
    await trx
      .updateTable("imports")
      .set({ undone_at: now, undone_by: options.actor })
      .where("id", "=", importId)
      .execute();
    outcome.undone = true;
    return outcome;
  });
}
