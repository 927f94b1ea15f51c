import { TRPCError } from "@trpc/server";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { FLOW_STATUSES, FUNDING_TYPES } from "@coherence/funding-model";
import { createFlow, findOperationByCode, findOrganizationByCode } from "@coherence/db";
import { publicProcedure } from "../trpc";
import { isoDate, usdAmount } from "../validators";

const createFlowInput = z
  .object({
    source: z.string().min(1).max(32),
    recipient: z.string().min(1).max(32),
    operation: z.string().min(1).max(32),
    taskCode: z.string().min(1).max(32).nullable(),
    fundingType: z.enum(FUNDING_TYPES),
    status: z.enum(FLOW_STATUSES),
    date: isoDate,
    amount: usdAmount,
    currency: z.literal("USD", { error: "Only USD is accepted until exchange rates land" }),
    periodStart: isoDate,
    periodEnd: isoDate,
    earmarking: z
      .enum(["unearmarked", "softly_earmarked", "earmarked", "tightly_earmarked"])
      .nullable(),
    notes: z.string().max(2000).nullable(),
  })
  .refine((v) => v.periodStart <= v.periodEnd, {
    path: ["periodEnd"],
    error: "The period must not end before it starts",
  });

export const flowRouter = {
  create: publicProcedure.input(createFlowInput).mutation(async ({ ctx, input }) => {
    const [source, recipient, operation] = await Promise.all([
      findOrganizationByCode(ctx.db, input.source),
      findOrganizationByCode(ctx.db, input.recipient),
      findOperationByCode(ctx.db, input.operation),
    ]);
    const unknown = [
      !source && `source organization ${input.source}`,
      !recipient && `recipient organization ${input.recipient}`,
      !operation && `operation ${input.operation}`,
    ].filter(Boolean);
    if (!source || !recipient || !operation) {
      throw new TRPCError({ code: "BAD_REQUEST", message: `Unknown ${unknown.join(", ")}` });
    }
    const flow = await createFlow(ctx.db, {
      source_id: source.id,
      recipient_id: recipient.id,
      operation_id: operation.id,
      task_code: input.taskCode,
      funding_type: input.fundingType,
      status: input.status,
      status_date: input.date,
      amount: input.amount,
      currency: input.currency,
      amount_usd_cents: input.amount,
      units_per_usd: "1",
      rate_origin: "identity",
      period_start: input.periodStart,
      period_end: input.periodEnd,
      earmarking: input.earmarking,
      category: null,
      notes: input.notes,
      provenance: "api",
    });
    return { id: flow.id, amountUsdCents: flow.amount_usd_cents };
  }),
} satisfies TRPCRouterRecord;
