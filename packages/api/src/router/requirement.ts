import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { REQUIREMENT_STAGES } from "@coherence/funding-model";
import { RecordNotFoundError, writeAudit } from "@coherence/db";
import type { Requirement } from "@coherence/db";
import { resolveRequirementColumns } from "@coherence/imports";
import { actorOf } from "../auth/principal";
import { auditedUpdate, setDeleted } from "../audited";
import { ledgersOf } from "../reports/ledgers";
import { periodInput, resolvePeriod } from "../reports/period";
import { requirementTotals } from "../reports/requirement-totals";
import { apiMessage, API_MESSAGES } from "../messages";
import { loadRecordReferences, resolved } from "../record-references";
import { assertCanWrite } from "../scope";
import { fieldError, protectedProcedure, writerProcedure } from "../trpc";
import {
  amountText,
  code,
  currency,
  id,
  isoDate,
  pagination,
  periodInOrder,
  periodOrderMessage,
  text,
  version,
} from "../validators";

const REQUIREMENT_SORTS = [
  "external_ref",
  "period_start",
  "stage",
  "amount_usd_cents",
  "id",
] as const;

const requirementFields = z.object({
  externalRef: text(100).trim().min(1, { error: API_MESSAGES.required }),
  operation: code,
  entity: code,
  taskCode: code.nullable(),
  category: code.nullable().default(null),
  periodStart: isoDate,
  periodEnd: isoDate,
  stage: z.enum(REQUIREMENT_STAGES),
  amount: amountText,
  currency,
  document: text(100).nullable().default(null),
});

type Ctx = Parameters<Parameters<typeof writerProcedure.mutation>[0]>[0]["ctx"];

async function requirementColumns(ctx: Ctx, input: z.infer<typeof requirementFields>) {
  const refs = await loadRecordReferences(ctx.db, {
    organizations: [input.entity],
    operation: input.operation,
    taskCode: input.taskCode,
    currency: input.currency,
    // A budget line is converted at the rate in force on the first day of its period (BRIEF item 1).
    date: input.periodStart,
  });
  return resolved(resolveRequirementColumns(refs, null, input));
}

async function loadRequirement(ctx: Ctx, requirementId: number): Promise<Requirement> {
  const row = await ctx.db
    .selectFrom("requirements")
    .selectAll()
    .where("id", "=", requirementId)
    .executeTakeFirst();
  if (!row) throw new RecordNotFoundError("requirements", requirementId);
  return row;
}

/** The refusal of a budget line outside the caller's assignments, naming where it would go. */
const notAssignedTo = (line: { operation: string; entity: string }) =>
  apiMessage("not_assigned_budget_line_of", { operation: line.operation, entity: line.entity });

const scopeOf = (r: Pick<Requirement, "operation_id" | "entity_id">) => ({
  operationId: r.operation_id,
  entityId: r.entity_id,
});

export const requirementRouter = {
  /**
   * Budget lines' stage rows, filtered, sorted and paged; `totalUsdCents` sums every matching row
   * (all pages). With an operation and a period, only rows overlapping the period are listed and
   * `reportTotals` carries the requirement, appropriation and expenditure that `report.operation`
   * counts for them (entity and task filters applied; the stage filter does not change them).
   */
  list: protectedProcedure
    .input(
      z.object({
        operation: code.optional(),
        entity: code.optional(),
        taskCode: code.nullable().optional(),
        stage: z.enum(REQUIREMENT_STAGES).optional(),
        search: text(100).optional(),
        period: periodInput.optional(),
        includeDeleted: z.boolean().default(false),
        sort: z.enum(REQUIREMENT_SORTS).default("external_ref"),
        direction: z.enum(["asc", "desc"]).default("asc"),
        ...pagination,
      }),
    )
    .query(async ({ ctx, input }) => {
      let query = ctx.db
        .selectFrom("requirements")
        .innerJoin("operations", "operations.id", "requirements.operation_id")
        .innerJoin("organizations", "organizations.id", "requirements.entity_id");
      if (!input.includeDeleted) query = query.where("requirements.deleted_at", "is", null);
      if (input.operation) query = query.where("operations.code", "=", input.operation);
      if (input.entity) query = query.where("organizations.code", "=", input.entity);
      if (input.taskCode === null) query = query.where("requirements.task_code", "is", null);
      else if (input.taskCode) query = query.where("requirements.task_code", "=", input.taskCode);
      if (input.stage) query = query.where("requirements.stage", "=", input.stage);
      if (input.search) {
        const pattern = `%${input.search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
        query = query.where((eb) =>
          eb.or([
            eb("requirements.external_ref", "like", pattern),
            eb("requirements.document", "like", pattern),
          ]),
        );
      }
      const period = input.period ? resolvePeriod(input.period) : null;
      if (period)
        query = query
          .where("requirements.period_start", "<=", period.to)
          .where("requirements.period_end", ">=", period.from);
      const [items, totals, reportTotals] = await Promise.all([
        query
          .selectAll("requirements")
          .select(["operations.code as operation_code", "organizations.code as entity_code"])
          .orderBy(`requirements.${input.sort}`, input.direction)
          .orderBy("requirements.id", input.direction)
          .limit(input.limit)
          .offset(input.offset)
          .execute(),
        query
          .select((eb) => [
            eb.fn.countAll<number>().as("n"),
            eb.fn.sum<string | number | null>("requirements.amount_usd_cents").as("usd"),
          ])
          .executeTakeFirstOrThrow(),
        input.operation && input.period
          ? requirementTotals(
              ctx.db,
              input.operation,
              input.period,
              { entityCode: input.entity, taskCode: input.taskCode },
              ledgersOf(ctx),
            )
          : Promise.resolve(null),
      ]);
      return {
        items,
        total: totals.n,
        totalUsdCents: Number(totals.usd ?? 0),
        reportTotals,
      };
    }),

  /** One stage row of a budget line, with its operation's and entity's codes. */
  get: protectedProcedure.input(z.object({ id })).query(async ({ ctx, input }) => {
    const row = await ctx.db
      .selectFrom("requirements")
      .innerJoin("operations", "operations.id", "requirements.operation_id")
      .innerJoin("organizations", "organizations.id", "requirements.entity_id")
      .selectAll("requirements")
      .select(["operations.code as operation_code", "organizations.code as entity_code"])
      .where("requirements.id", "=", input.id)
      .executeTakeFirst();
    if (!row) throw new RecordNotFoundError("requirements", input.id);
    return row;
  }),

  create: writerProcedure
    .input(requirementFields.refine(periodInOrder, periodOrderMessage))
    .mutation(async ({ ctx, input }) => {
      const columns = await requirementColumns(ctx, input);
      assertCanWrite(ctx.principal, scopeOf(columns), notAssignedTo(input));
      const existing = await ctx.db
        .selectFrom("requirements")
        .select("id")
        .where("external_ref", "=", input.externalRef)
        .where("stage", "=", input.stage)
        .executeTakeFirst();
      if (existing)
        throw fieldError(
          "externalRef",
          apiMessage("budget_line_stage_exists", { ref: input.externalRef, stage: input.stage }),
        );
      const actor = actorOf(ctx.principal);
      return ctx.db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto("requirements")
          .values({ ...columns, updated_by: actor })
          .returningAll()
          .executeTakeFirstOrThrow();
        await writeAudit(trx, {
          actor,
          userId: ctx.principal.userId,
          action: "create",
          table: "requirements",
          recordId: row.id,
          before: null,
          after: row,
        });
        return row;
      });
    }),

  update: writerProcedure
    .input(requirementFields.extend({ id, version }).refine(periodInOrder, periodOrderMessage))
    .mutation(async ({ ctx, input }) => {
      const current = await loadRequirement(ctx, input.id);
      assertCanWrite(ctx.principal, scopeOf(current), apiMessage("not_assigned_budget_line"));
      const columns = await requirementColumns(ctx, input);
      assertCanWrite(ctx.principal, scopeOf(columns), notAssignedTo(input));
      return auditedUpdate<Requirement>(ctx, "requirements", input.id, input.version, columns);
    }),

  remove: writerProcedure.input(z.object({ id, version })).mutation(async ({ ctx, input }) => {
    const current = await loadRequirement(ctx, input.id);
    assertCanWrite(ctx.principal, scopeOf(current), apiMessage("not_assigned_budget_line"));
    return setDeleted(ctx, "requirements", current, input.version, true);
  }),
} satisfies TRPCRouterRecord;
