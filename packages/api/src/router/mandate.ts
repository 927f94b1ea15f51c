import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { RecordNotFoundError, updateVersioned, writeAudit } from "@coherence/db";
import { actorOf } from "../auth/principal";
import { operationId } from "../lookups";
import { recordChanged } from "../errors";
import { apiMessage, API_MESSAGES } from "../messages";
import { assertCanWrite } from "../scope";
import { conflictError, fieldError, protectedProcedure, writerProcedure } from "../trpc";
import { code, id, isoDate, periodInOrder, periodOrderMessage, text, version } from "../validators";

const task = z.object({
  code,
  title: text(300).trim().min(1, { error: API_MESSAGES.required }),
  rank: z.number().int().min(1).max(100),
});

const ceiling = z.number().int().min(0).max(1_000_000).nullable().default(null);

const tasks = z.array(task).min(1, { error: API_MESSAGES.mandate_needs_task }).max(100);

function assertDistinctTasks(list: z.infer<typeof tasks>): void {
  const ranks = list.map((t) => t.rank);
  if (new Set(ranks).size !== ranks.length)
    throw fieldError("tasks", apiMessage("tasks_share_rank"));
  const codes = list.map((t) => t.code);
  if (new Set(codes).size !== codes.length)
    throw fieldError("tasks", apiMessage("tasks_share_code"));
}

type Ctx = Parameters<Parameters<typeof writerProcedure.mutation>[0]>[0]["ctx"];

async function loadMandate(ctx: Ctx, mandateId: number) {
  const mandate = await ctx.db
    .selectFrom("mandates")
    .selectAll()
    .where("id", "=", mandateId)
    .executeTakeFirst();
  if (!mandate) throw new RecordNotFoundError("mandates", mandateId);
  const mandateTasks = await ctx.db
    .selectFrom("priority_tasks")
    .select(["code", "title", "rank"])
    .where("mandate_id", "=", mandateId)
    .orderBy("rank")
    .execute();
  return { ...mandate, tasks: mandateTasks };
}

export const mandateRouter = {
  /** An operation's mandates, newest first, each with its ranked tasks. */
  list: protectedProcedure.input(z.object({ operation: code })).query(async ({ ctx, input }) => {
    const opId = await operationId(ctx.db, "operation", input.operation);
    const mandates = await ctx.db
      .selectFrom("mandates")
      .selectAll()
      .where("operation_id", "=", opId)
      .orderBy("adopted_on", "desc")
      .execute();
    const tasks = mandates.length
      ? await ctx.db
          .selectFrom("priority_tasks")
          .selectAll()
          .where(
            "mandate_id",
            "in",
            mandates.map((m) => m.id),
          )
          .orderBy("rank")
          .execute()
      : [];
    return mandates.map((m) => ({ ...m, tasks: tasks.filter((t) => t.mandate_id === m.id) }));
  }),

  /**
   * Record a mandate (a resolution) with its ranked tasks. A renewal is a new mandate; the one
   * it renews is marked superseded.
   */
  create: writerProcedure
    .input(
      z
        .object({
          operation: code,
          resolution: text(100).trim().min(1, { error: API_MESSAGES.required }),
          adoptedOn: isoDate,
          periodStart: isoDate,
          periodEnd: isoDate,
          militaryCeiling: ceiling,
          policeCeiling: ceiling,
          supersedes: text(100).nullable().default(null),
          tasks,
        })
        .refine(periodInOrder, periodOrderMessage),
    )
    .mutation(async ({ ctx, input }) => {
      const opId = await operationId(ctx.db, "operation", input.operation);
      assertCanWrite(
        ctx.principal,
        { operationId: opId, entityId: null },
        apiMessage("not_assigned_operation", { operation: input.operation }),
      );
      assertDistinctTasks(input.tasks);
      const actor = actorOf(ctx.principal);
      return ctx.db.transaction().execute(async (trx) => {
        const mandate = await trx
          .insertInto("mandates")
          .values({
            operation_id: opId,
            resolution: input.resolution,
            adopted_on: input.adoptedOn,
            period_start: input.periodStart,
            period_end: input.periodEnd,
            military_ceiling: input.militaryCeiling,
            police_ceiling: input.policeCeiling,
            updated_by: actor,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await trx
          .insertInto("priority_tasks")
          .values(input.tasks.map((t) => ({ ...t, mandate_id: mandate.id })))
          .execute();
        if (input.supersedes) {
          const result = await trx
            .updateTable("mandates")
            .set({
              superseded_by_id: mandate.id,
              updated_by: actor,
              updated_at: ctx.now().toISOString(),
            })
            .where("operation_id", "=", opId)
            .where("resolution", "=", input.supersedes)
            .executeTakeFirst();
          if (result.numUpdatedRows === 0n) {
            throw fieldError(
              "supersedes",
              apiMessage("unknown_mandate", {
                resolution: input.supersedes,
                operation: input.operation,
              }),
            );
          }
        }
        await writeAudit(trx, {
          actor,
          userId: ctx.principal.userId,
          action: "create",
          table: "mandates",
          recordId: mandate.id,
          before: null,
          after: { ...mandate, tasks: input.tasks },
        });
        return mandate;
      });
    }),

  /** Correct a mandate: its dates, ceilings and the ranked task list (replaced as a whole). */
  update: writerProcedure
    .input(
      z
        .object({
          id,
          version,
          resolution: text(100).trim().min(1, { error: API_MESSAGES.required }),
          adoptedOn: isoDate,
          periodStart: isoDate,
          periodEnd: isoDate,
          militaryCeiling: ceiling,
          policeCeiling: ceiling,
          tasks,
        })
        .refine(periodInOrder, periodOrderMessage),
    )
    .mutation(async ({ ctx, input }) => {
      const current = await loadMandate(ctx, input.id);
      assertCanWrite(
        ctx.principal,
        { operationId: current.operation_id, entityId: null },
        apiMessage("not_assigned_mandate"),
      );
      assertDistinctTasks(input.tasks);
      const actor = actorOf(ctx.principal);
      return ctx.db.transaction().execute(async (trx) => {
        const { after } = await updateVersioned(
          trx,
          "mandates",
          input.id,
          input.version,
          {
            resolution: input.resolution,
            adopted_on: input.adoptedOn,
            period_start: input.periodStart,
            period_end: input.periodEnd,
            military_ceiling: input.militaryCeiling,
            police_ceiling: input.policeCeiling,
          },
          actor,
          ctx.now(),
        );
        await trx.deleteFrom("priority_tasks").where("mandate_id", "=", input.id).execute();
        await trx
          .insertInto("priority_tasks")
          .values(input.tasks.map((t) => ({ ...t, mandate_id: input.id })))
          .execute();
        await writeAudit(trx, {
          actor,
          userId: ctx.principal.userId,
          action: "update",
          table: "mandates",
          recordId: input.id,
          before: current,
          after: { ...after, tasks: input.tasks },
        });
        return after;
      });
    }),

  /** Remove a mandate entered by mistake (the one it superseded is in force again). */
  remove: writerProcedure.input(z.object({ id, version })).mutation(async ({ ctx, input }) => {
    const current = await loadMandate(ctx, input.id);
    assertCanWrite(
      ctx.principal,
      { operationId: current.operation_id, entityId: null },
      apiMessage("not_assigned_mandate"),
    );
    // Changed since the remover opened it: nothing is removed unseen; the client shows both.
    if (current.version !== input.version) throw conflictError(recordChanged(current), { current });
    const actor = actorOf(ctx.principal);
    return ctx.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("mandates")
        .set({ superseded_by_id: null })
        .where("superseded_by_id", "=", input.id)
        .execute();
      await trx.deleteFrom("priority_tasks").where("mandate_id", "=", input.id).execute();
      await trx
        .deleteFrom("mandates")
        .where("id", "=", input.id)
        .where("version", "=", input.version)
        .execute();
      await writeAudit(trx, {
        actor,
        userId: ctx.principal.userId,
        action: "delete",
        table: "mandates",
        recordId: input.id,
        before: current,
        after: null,
      });
      return { ok: true };
    });
  }),
} satisfies TRPCRouterRecord;
