import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { writeAudit } from "@coherence/db";
import type { Organization } from "@coherence/db";
import { actorOf } from "../auth/principal";
import { auditedUpdate, removeUnreferenced } from "../audited";
import { API_MESSAGES } from "../messages";
import { adminProcedure, protectedProcedure } from "../trpc";
import { code, currency, id, text, version } from "../validators";

const ORGANIZATION_KINDS = [
  "member_state",
  "un_entity",
  "pooled_fund",
  "other_donor",
  "partner",
] as const;

const organizationFields = z.object({
  code,
  name: text(200).trim().min(1, { error: API_MESSAGES.required }),
  kind: z.enum(ORGANIZATION_KINDS),
  fiscalYearStartMonth: z
    .number()
    .int()
    .min(1, { error: API_MESSAGES.month_range })
    .max(12, { error: API_MESSAGES.month_range }),
  currency,
  taxonomy: code.nullable().default(null),
});

const columns = (input: z.infer<typeof organizationFields>) => ({
  code: input.code,
  name: input.name,
  kind: input.kind,
  fiscal_year_start_month: input.fiscalYearStartMonth,
  currency: input.currency,
  taxonomy: input.taxonomy,
});

/** Member states, UN entities, pooled funds, other donors and partners: reference data. */
export const organizationRouter = {
  list: protectedProcedure
    .input(z.object({ kind: z.enum(ORGANIZATION_KINDS).optional() }).default({}))
    .query(async ({ ctx, input }) => {
      let query = ctx.db.selectFrom("organizations").selectAll();
      if (input.kind) query = query.where("kind", "=", input.kind);
      return query.orderBy("code").execute();
    }),

  create: adminProcedure.input(organizationFields).mutation(async ({ ctx, input }) => {
    const actor = actorOf(ctx.principal);
    return ctx.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("organizations")
        .values({ ...columns(input), updated_by: actor })
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, {
        actor,
        userId: ctx.principal.userId,
        action: "create",
        table: "organizations",
        recordId: row.id,
        before: null,
        after: row,
      });
      return row;
    });
  }),

  update: adminProcedure
    .input(organizationFields.extend({ id, version }))
    .mutation(({ ctx, input }) =>
      auditedUpdate<Organization>(ctx, "organizations", input.id, input.version, columns(input)),
    ),

  /** Remove an organization entered by mistake; refused while any record still refers to it. */
  remove: adminProcedure
    .input(z.object({ id, version }))
    .mutation(({ ctx, input }) =>
      removeUnreferenced(ctx, "organizations", input.id, input.version),
    ),
} satisfies TRPCRouterRecord;
