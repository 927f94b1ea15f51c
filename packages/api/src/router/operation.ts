import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { OPERATION_KINDS } from "@coherence/funding-model";
import { listOperations, writeAudit } from "@coherence/db";
import type { Operation } from "@coherence/db";
import { actorOf } from "../auth/principal";
import { auditedUpdate, removeUnreferenced } from "../audited";
import { API_MESSAGES, apiMessage } from "../messages";
import { adminProcedure, codedError, protectedProcedure } from "../trpc";
import { code, id, text, version } from "../validators";

const operationFields = z.object({
  code,
  name: text(300).trim().min(1, { error: API_MESSAGES.required }),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, { error: API_MESSAGES.country_code }),
  kind: z.enum(OPERATION_KINDS).default("peacekeeping"),
});

export const operationRouter = {
  list: protectedProcedure.query(async ({ ctx }) => {
    const operations = await listOperations(ctx.db);
    return operations.map(({ id: operationId, code: c, name, country, kind, version: v }) => ({
      id: operationId,
      code: c,
      name,
      country,
      kind,
      version: v,
    }));
  }),

  get: protectedProcedure.input(z.object({ code })).query(async ({ ctx, input }) => {
    const operation = await ctx.db
      .selectFrom("operations")
      .selectAll()
      .where("code", "=", input.code)
      .executeTakeFirst();
    if (!operation)
      throw codedError("NOT_FOUND", apiMessage("unknown_operation", { code: input.code }));
    return operation;
  }),

  create: adminProcedure.input(operationFields).mutation(async ({ ctx, input }) => {
    const actor = actorOf(ctx.principal);
    return ctx.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("operations")
        .values({ ...input, updated_by: actor })
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, {
        actor,
        userId: ctx.principal.userId,
        action: "create",
        table: "operations",
        recordId: row.id,
        before: null,
        after: row,
      });
      return row;
    });
  }),

  update: adminProcedure
    .input(operationFields.extend({ id, version }))
    .mutation(({ ctx, input }) => {
      const { id: operationId, version: expected, ...changes } = input;
      return auditedUpdate<Operation>(ctx, "operations", operationId, expected, changes);
    }),

  /** Remove an operation entered by mistake; refused while any record still refers to it. */
  remove: adminProcedure
    .input(z.object({ id, version }))
    .mutation(({ ctx, input }) => removeUnreferenced(ctx, "operations", input.id, input.version)),
} satisfies TRPCRouterRecord;
