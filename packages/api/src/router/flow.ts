import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { EARMARKING_LEVELS, FLOW_STATUSES, FUNDING_TYPES } from "@coherence/funding-model";
import type { FlowStatus } from "@coherence/funding-model";
import {
  RecordNotFoundError,
  appendFlowHistory,
  createFlow,
  flowHistory,
  listFlows,
  writeAudit,
} from "@coherence/db";
import type { Flow } from "@coherence/db";
import { resolveFlowColumns } from "@coherence/imports";
import { actorOf } from "../auth/principal";
import { auditedUpdate, setDeleted } from "../audited";
import { rowProblemsOf } from "../row-errors";
import type { RowResult } from "../row-errors";
import { readAmount, toUsd } from "../money-input";
import { loadRecordReferences, resolved } from "../record-references";
import { apiMessage } from "../messages";
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

const flowFields = z.object({
  externalRef: text(100).trim().min(1).nullable().default(null),
  source: code,
  recipient: code,
  operation: code.nullable(),
  taskCode: code.nullable(),
  fundingType: z.enum(FUNDING_TYPES),
  status: z.enum(FLOW_STATUSES),
  date: isoDate,
  amount: amountText,
  currency,
  periodStart: isoDate,
  periodEnd: isoDate,
  earmarking: z.enum(EARMARKING_LEVELS).nullable().default(null),
  category: code.nullable().default(null),
  notes: text(2000).nullable().default(null),
});

const STATUS_ORDER: Record<FlowStatus, number> = { pledged: 0, committed: 1, paid: 2 };

type Ctx = Parameters<Parameters<typeof writerProcedure.mutation>[0]>[0]["ctx"];

/** Validate references and convert the amount: the stored columns of a flow. */
async function flowColumns(ctx: Ctx, input: z.infer<typeof flowFields>) {
  const refs = await loadRecordReferences(ctx.db, {
    organizations: [input.source, input.recipient],
    operation: input.operation,
    taskCode: input.taskCode,
    currency: input.currency,
    date: input.date,
  });
  return resolved(resolveFlowColumns(refs, null, input));
}

async function loadFlow(ctx: Ctx, flowId: number): Promise<Flow> {
  const flow = await ctx.db
    .selectFrom("flows")
    .selectAll()
    .where("id", "=", flowId)
    .executeTakeFirst();
  if (!flow) throw new RecordNotFoundError("flows", flowId);
  return flow;
}

/** The refusal of a flow outside the caller's assignments, naming where it would go. */
const notAssignedTo = (flow: { operation: string | null; recipient: string }) =>
  flow.operation === null
    ? apiMessage("not_assigned_flow_no_operation", { recipient: flow.recipient })
    : apiMessage("not_assigned_flow_of", { operation: flow.operation, recipient: flow.recipient });

const scopeOf = (flow: Pick<Flow, "operation_id" | "recipient_id">) => ({
  operationId: flow.operation_id,
  entityId: flow.recipient_id,
});

export const flowRouter = {
  list: protectedProcedure
    .input(
      z.object({
        operation: code.optional(),
        taskCode: code.nullable().optional(),
        status: z.enum(FLOW_STATUSES).optional(),
        fundingType: z.enum(FUNDING_TYPES).optional(),
        source: code.optional(),
        recipient: code.optional(),
        search: text(100).optional(),
        includeDeleted: z.boolean().default(false),
        sort: z
          .enum(["status_date", "amount_usd_cents", "external_ref", "id"])
          .default("status_date"),
        direction: z.enum(["asc", "desc"]).default("desc"),
        ...pagination,
      }),
    )
    .query(({ ctx, input }) =>
      listFlows(ctx.db, input, {
        limit: input.limit,
        offset: input.offset,
        sort: input.sort,
        direction: input.direction,
      }),
    ),

  get: protectedProcedure.input(z.object({ id })).query(async ({ ctx, input }) => {
    const flow = await loadFlow(ctx, input.id);
    return { flow, history: await flowHistory(ctx.db, input.id) };
  }),

  create: writerProcedure
    .input(flowFields.refine(periodInOrder, periodOrderMessage))
    .mutation(async ({ ctx, input }) => {
      const columns = await flowColumns(ctx, input);
      assertCanWrite(ctx.principal, scopeOf(columns), notAssignedTo(input));
      const actor = actorOf(ctx.principal);
      return ctx.db.transaction().execute(async (trx) => {
        const flow = await createFlow(trx, { ...columns, provenance: "manual", updated_by: actor });
        await writeAudit(trx, {
          actor,
          userId: ctx.principal.userId,
          action: "create",
          table: "flows",
          recordId: flow.id,
          before: null,
          after: flow,
        });
        return flow;
      });
    }),

  /**
   * Validate (and, unless `dryRun`, save) a block of pasted rows: all or nothing. Every row's
   * problems come back by field; nothing is written while any row has one.
   */
  createMany: writerProcedure
    .input(
      z.object({ rows: z.array(z.unknown()).min(1).max(1000), dryRun: z.boolean().default(false) }),
    )
    .mutation(async ({ ctx, input }) => {
      const parsed = flowFields.refine(periodInOrder, periodOrderMessage);
      const results: RowResult[] = [];
      const valid: Awaited<ReturnType<typeof flowColumns>>[] = [];
      const refs = new Set<string>();
      for (const [index, raw] of input.rows.entries()) {
        try {
          const row = parsed.parse(raw);
          const columns = await flowColumns(ctx, row);
          assertCanWrite(ctx.principal, scopeOf(columns), notAssignedTo(row));
          if (row.externalRef !== null) {
            if (refs.has(row.externalRef))
              throw fieldError(
                "externalRef",
                apiMessage("ref_twice_in_rows", { ref: row.externalRef }),
              );
            refs.add(row.externalRef);
            const existing = await ctx.db
              .selectFrom("flows")
              .select("id")
              .where("external_ref", "=", row.externalRef)
              .executeTakeFirst();
            if (existing)
              throw fieldError("externalRef", apiMessage("ref_exists", { ref: row.externalRef }));
          }
          valid.push(columns);
          results.push({ index, errors: {}, codes: {} });
        } catch (error) {
          results.push({ index, ...rowProblemsOf(error) });
        }
      }
      const ok = results.every((r) => Object.keys(r.errors).length === 0);
      if (!ok || input.dryRun) return { ok, saved: 0, rows: results };
      const actor = actorOf(ctx.principal);
      await ctx.db.transaction().execute(async (trx) => {
        for (const columns of valid) {
          const flow = await createFlow(trx, {
            ...columns,
            provenance: "paste",
            updated_by: actor,
          });
          await writeAudit(trx, {
            actor,
            userId: ctx.principal.userId,
            action: "create",
            table: "flows",
            recordId: flow.id,
            before: null,
            after: flow,
          });
        }
      });
      return { ok, saved: valid.length, rows: results };
    }),

  /** Change any field; refused with CONFLICT if the record moved past `version`. */
  update: writerProcedure
    .input(flowFields.extend({ id, version }).refine(periodInOrder, periodOrderMessage))
    .mutation(async ({ ctx, input }) => {
      const current = await loadFlow(ctx, input.id);
      assertCanWrite(ctx.principal, scopeOf(current), apiMessage("not_assigned_flow"));
      const columns = await flowColumns(ctx, input);
      assertCanWrite(ctx.principal, scopeOf(columns), notAssignedTo(input));
      return auditedUpdate<Flow>(ctx, "flows", input.id, input.version, columns, {
        then: async (trx, before, after) => {
          const moved =
            before.status !== after.status ||
            before.status_date !== after.status_date ||
            before.amount !== after.amount ||
            before.currency !== after.currency;
          if (moved) await appendFlowHistory(trx, after);
        },
      });
    }),

  /** Move a contribution forward (pledged → committed → paid) on a date, keeping one record. */
  advanceStatus: writerProcedure
    .input(
      z.object({
        id,
        version,
        status: z.enum(FLOW_STATUSES),
        date: isoDate,
        amount: amountText.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const current = await loadFlow(ctx, input.id);
      assertCanWrite(ctx.principal, scopeOf(current), apiMessage("not_assigned_flow"));
      if (STATUS_ORDER[input.status] <= STATUS_ORDER[current.status]) {
        throw fieldError("status", apiMessage("status_forward_only", { status: current.status }));
      }
      if (input.date < current.status_date) {
        throw fieldError("date", apiMessage("status_date_before", { date: current.status_date }));
      }
      const amount =
        input.amount === undefined
          ? current.amount
          : readAmount("amount", input.amount, current.currency);
      // A source's own conversion (e.g. FTS's amountUSD) stays as given while the amount does.
      const keepSource = current.rate_origin === "source" && amount === current.amount;
      const usd = keepSource ? null : await toUsd(ctx.db, amount, current.currency, input.date);
      return auditedUpdate<Flow>(
        ctx,
        "flows",
        input.id,
        input.version,
        { status: input.status, status_date: input.date, amount, ...usd },
        { action: "status", then: (trx, _before, after) => appendFlowHistory(trx, after) },
      );
    }),

  /** Soft delete: the record leaves every figure but stays in the history and audit log. */
  remove: writerProcedure.input(z.object({ id, version })).mutation(async ({ ctx, input }) => {
    const current = await loadFlow(ctx, input.id);
    assertCanWrite(ctx.principal, scopeOf(current), apiMessage("not_assigned_flow"));
    return setDeleted(ctx, "flows", current, input.version, true);
  }),

  restore: writerProcedure.input(z.object({ id, version })).mutation(async ({ ctx, input }) => {
    const current = await loadFlow(ctx, input.id);
    assertCanWrite(ctx.principal, scopeOf(current), apiMessage("not_assigned_flow"));
    return setDeleted(ctx, "flows", current, input.version, false);
  }),
} satisfies TRPCRouterRecord;
