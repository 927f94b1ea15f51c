import { TRPCError } from "@trpc/server";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { computeTaskGaps } from "@coherence/funding-model";
import { findOperationByCode, loadOperationLedger } from "@coherence/db";
import { protectedProcedure } from "../trpc";

export const gapsRouter = {
  /** Requirement, funded and gap per priority task of an operation, in USD cents. */
  byTask: protectedProcedure
    .input(z.object({ operation: z.string().min(1).max(32) }))
    .query(async ({ ctx, input }) => {
      const operation = await findOperationByCode(ctx.db, input.operation);
      if (!operation) {
        throw new TRPCError({
          code: "NOT_FOUND",
          message: `No operation with code ${input.operation}`,
        });
      }
      const ledger = await loadOperationLedger(ctx.db, operation.id);
      return {
        operation: { code: operation.code, name: operation.name, country: operation.country },
        currency: "USD" as const,
        tasks: computeTaskGaps(ledger.tasks, ledger.requirements, ledger.flows),
      };
    }),
} satisfies TRPCRouterRecord;
