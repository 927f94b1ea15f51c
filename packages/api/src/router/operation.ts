import type { TRPCRouterRecord } from "@trpc/server";
import { listOperations } from "@coherence/db";
import { publicProcedure } from "../trpc";

export const operationRouter = {
  list: publicProcedure.query(async ({ ctx }) => {
    const operations = await listOperations(ctx.db);
    return operations.map(({ code, name, country }) => ({ code, name, country }));
  }),
} satisfies TRPCRouterRecord;
