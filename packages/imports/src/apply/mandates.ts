// Mandates, keyed by (operation, resolution), one row per ranked priority task. The operation is
// created when new. A mandate whose dates, ceilings or tasks differ is updated as a whole (its
// task list replaced, the old one kept in the audit entry). Which mandate supersedes which is
// derived from the adoption dates of an operation's mandates and recomputed after each change.
import type { ImportContext, RowRef } from "../context";
import { createVersioned, differsFrom, updateVersionedRow } from "./versioned";
import { reason } from "@coherence/interchange";

interface TaskValues {
  code: string;
  title: string;
  rank: number;
}

const taskKey = (tasks: readonly TaskValues[]) =>
  JSON.stringify([...tasks].sort((a, b) => a.rank - b.rank).map((t) => [t.code, t.title, t.rank]));

/** Recompute `superseded_by_id` of the operations' mandates from their adoption order. */
export async function relinkMandates(
  trx: ImportContext["trx"],
  operationIds: Iterable<number>,
): Promise<void> {
  for (const operationId of new Set(operationIds)) {
    const mandates = await trx
      .selectFrom("mandates")
      .select(["id", "superseded_by_id"])
      .where("operation_id", "=", operationId)
      .orderBy("adopted_on")
      .orderBy("id")
      .execute();
    for (const [i, m] of mandates.entries()) {
      const next = mandates[i + 1]?.id ?? null;
      if (m.superseded_by_id !== next)
        await trx
          .updateTable("mandates")
          .set({ superseded_by_id: next })
          .where("id", "=", m.id)
          .execute();
    }
  }
}

/**
 * @param rejectedGroups "operation\u0000resolution" of mandates with a row the parser rejected:
 * the rest of such a mandate is rejected too, never stored with tasks missing.
 */
export async function applyMandates(
  ctx: ImportContext,
  rows: readonly RowRef<"mandates">[],
  rejectedGroups: ReadonlyMap<string, number>,
): Promise<void> {
  const groups = new Map<string, RowRef<"mandates">[]>();
  for (const row of rows) {
    const key = `${row.record.operation}\u0000${row.record.resolution}`;
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  const touched = new Set<number>();
  for (const [key, group] of groups) {
    const first = group[0]!;
    const m = first.record;
    const rejectedLine = rejectedGroups.get(key);
    if (rejectedLine !== undefined) {
      for (const row of group)
        ctx.fail(
          row,
          "resolution",
          m.resolution,
          reason("mandate_row_rejected", { line: rejectedLine }),
        );
      continue;
    }
    let operation = ctx.operations.get(m.operation);
    if (!operation) {
      if (!ctx.canWrite({ table: "operations", operationId: null, entityId: null })) {
        for (const row of group)
          ctx.fail(
            row,
            "operation",
            m.operation,
            reason("admin_only_operations", { operation: m.operation }),
          );
        continue;
      }
      const created = await createVersioned(ctx, "operations", {
        code: m.operation,
        name: m.operationName ?? m.operation,
        country: m.country,
      });
      operation = created as unknown as { id: number; code: string; name: string; country: string };
      ctx.operations.set(m.operation, operation);
      ctx.count("operations", "create", m.operation, first);
    } else if (operation.country !== m.country) {
      for (const row of group)
        ctx.fail(
          row,
          "country",
          row.record.country,
          reason("operation_country_database", {
            operation: m.operation,
            country: operation.country,
          }),
        );
      continue;
    } else if (m.operationName !== null && m.operationName !== operation.name) {
      if (!ctx.canWrite({ table: "operations", operationId: operation.id, entityId: null })) {
        ctx.fail(first, "operation_name", m.operationName, reason("rename_operation"));
        continue;
      }
      const current = await ctx.trx
        .selectFrom("operations")
        .selectAll()
        .where("id", "=", operation.id)
        .executeTakeFirstOrThrow();
      const after = await updateVersionedRow(ctx, "operations", first, "operation", current, {
        name: m.operationName,
      });
      if (!after) continue;
      operation = { ...operation, name: m.operationName };
      ctx.operations.set(m.operation, operation);
      ctx.count("operations", "update", m.operation, first);
    }
    if (!ctx.canWrite({ table: "mandates", operationId: operation.id, entityId: null })) {
      for (const row of group)
        ctx.fail(
          row,
          "operation",
          m.operation,
          reason("not_assigned_mandates", { operation: m.operation }),
        );
      continue;
    }
    const values = {
      operation_id: operation.id,
      resolution: m.resolution,
      adopted_on: m.adoptedOn,
      period_start: m.periodStart,
      period_end: m.periodEnd,
      military_ceiling: m.militaryCeiling,
      police_ceiling: m.policeCeiling,
    };
    const tasks: TaskValues[] = group
      .map((row) => ({
        code: row.record.taskCode,
        title: row.record.taskTitle,
        rank: row.record.rank,
      }))
      .sort((a, b) => a.rank - b.rank);
    const label = `${m.operation} ${m.resolution}`;
    const current = await ctx.trx
      .selectFrom("mandates")
      .selectAll()
      .where("operation_id", "=", operation.id)
      .where("resolution", "=", m.resolution)
      .executeTakeFirst();
    if (!current) {
      const created = await createVersioned(ctx, "mandates", values);
      await ctx.trx
        .insertInto("priority_tasks")
        .values(tasks.map((t) => ({ ...t, mandate_id: created.id })))
        .execute();
      // The creation's audit entry carries the tasks (the generic one was queued just before).
      ctx.replaceLastAuditAfter({ ...created, tasks });
      ctx.count("mandates", "create", label, first);
      touched.add(operation.id);
      continue;
    }
    const storedTasks = await ctx.trx
      .selectFrom("priority_tasks")
      .select(["code", "title", "rank"])
      .where("mandate_id", "=", current.id)
      .orderBy("rank")
      .execute();
    if (!differsFrom(current, values) && taskKey(storedTasks) === taskKey(tasks)) {
      ctx.count("mandates", "unchanged", label, first);
      continue;
    }
    const after = await updateVersionedRow(ctx, "mandates", first, "resolution", current, values, {
      before: { tasks: storedTasks },
      after: { tasks },
    });
    if (!after) continue;
    await ctx.trx.deleteFrom("priority_tasks").where("mandate_id", "=", current.id).execute();
    await ctx.trx
      .insertInto("priority_tasks")
      .values(tasks.map((t) => ({ ...t, mandate_id: current.id })))
      .execute();
    ctx.count("mandates", "update", label, first);
    touched.add(operation.id);
  }
  await relinkMandates(ctx.trx, touched);
  await ctx.flushAudit();
  await ctx.reloadTasks();
}
