import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { writeAudit } from "@coherence/db";
import { actorOf } from "../auth/principal";
import { organizationId } from "../lookups";
import { API_MESSAGES } from "../messages";
import { adminProcedure, protectedProcedure } from "../trpc";
import { code, isoDate, periodInOrder, periodOrderMessage, text } from "../validators";

const ratePercent = z
  .string()
  .trim()
  .max(20)
  .regex(/^\d{1,3}(\.\d{1,6})?$/, { error: API_MESSAGES.rate_percent_format });

/** Scales of assessment: a percentage per member state per period. */
export const scaleRouter = {
  list: protectedProcedure
    .input(z.object({ scale: text(100).optional() }).default({}))
    .query(async ({ ctx, input }) => {
      let query = ctx.db
        .selectFrom("scale_rates")
        .innerJoin("organizations", "organizations.id", "scale_rates.member_state_id")
        .selectAll("scale_rates")
        .select("organizations.code as member_state");
      if (input.scale) query = query.where("scale_rates.scale", "=", input.scale);
      return query.orderBy("scale_rates.scale").orderBy("organizations.code").execute();
    }),

  set: adminProcedure
    .input(
      z
        .object({
          scale: text(100).trim().min(1),
          memberState: code,
          periodStart: isoDate,
          periodEnd: isoDate,
          ratePercent,
        })
        .refine(periodInOrder, periodOrderMessage),
    )
    .mutation(async ({ ctx, input }) => {
      const memberStateId = await organizationId(ctx.db, "memberState", input.memberState);
      const actor = actorOf(ctx.principal);
      return ctx.db.transaction().execute(async (trx) => {
        const before = await trx
          .selectFrom("scale_rates")
          .selectAll()
          .where("scale", "=", input.scale)
          .where("member_state_id", "=", memberStateId)
          .where("period_start", "=", input.periodStart)
          .executeTakeFirst();
        const values = {
          scale: input.scale,
          member_state_id: memberStateId,
          period_start: input.periodStart,
          period_end: input.periodEnd,
          rate_percent: input.ratePercent,
        };
        const after = before
          ? await trx
              .updateTable("scale_rates")
              .set(values)
              .where("id", "=", before.id)
              .returningAll()
              .executeTakeFirstOrThrow()
          : await trx
              .insertInto("scale_rates")
              .values(values)
              .returningAll()
              .executeTakeFirstOrThrow();
        await writeAudit(trx, {
          actor,
          userId: ctx.principal.userId,
          action: before ? "update" : "create",
          table: "scale_rates",
          recordId: after.id,
          before: before ?? null,
          after,
        });
        return after;
      });
    }),
} satisfies TRPCRouterRecord;
