import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { RateTable } from "@coherence/funding-model";
import { writeAudit } from "@coherence/db";
import { actorOf } from "../auth/principal";
import { API_MESSAGES, apiMessage } from "../messages";
import { reconvertCurrency } from "../reconvert";
import { adminProcedure, codedError, fieldError, protectedProcedure } from "../trpc";
import { currency, isoDate, pagination } from "../validators";

const unitsPerUsd = z
  .string()
  .trim()
  .max(30)
  .regex(/^\d+(\.\d+)?$/, { error: API_MESSAGES.units_per_usd_format })
  .refine((v) => /[1-9]/.test(v), { error: API_MESSAGES.rate_positive });

/** UN operational rates of exchange: units of currency per 1 USD, in force from a date. */
export const rateRouter = {
  list: protectedProcedure
    .input(
      z.object({ currency: currency.optional(), ...pagination }).default({ limit: 50, offset: 0 }),
    )
    .query(async ({ ctx, input }) => {
      let query = ctx.db.selectFrom("exchange_rates");
      if (input.currency) query = query.where("currency", "=", input.currency);
      const [items, total] = await Promise.all([
        query
          .selectAll()
          .orderBy("currency")
          .orderBy("effective_date", "desc")
          .limit(input.limit)
          .offset(input.offset)
          .execute(),
        query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return { items, total: total.n };
    }),

  /** The rate in force for a currency on a date (the latest whose effective date ≤ the date). */
  inForce: protectedProcedure
    .input(z.object({ currency, date: isoDate }))
    .query(async ({ ctx, input }) => {
      const rate = await ctx.db
        .selectFrom("exchange_rates")
        .selectAll()
        .where("currency", "=", input.currency)
        .where("effective_date", "<=", input.date)
        .orderBy("effective_date", "desc")
        .limit(1)
        .executeTakeFirst();
      return rate ?? null;
    }),

  set: adminProcedure
    .input(z.object({ currency, effectiveDate: isoDate, unitsPerUsd }))
    .mutation(async ({ ctx, input }) => {
      if (input.currency === "USD") throw fieldError("currency", apiMessage("usd_needs_no_rate"));
      // Validates the decimal exactly as conversions will read it.
      new RateTable([
        {
          currency: input.currency,
          effectiveFrom: input.effectiveDate,
          unitsPerUsd: input.unitsPerUsd,
        },
      ]);
      const actor = actorOf(ctx.principal);
      return ctx.db.transaction().execute(async (trx) => {
        const before = await trx
          .selectFrom("exchange_rates")
          .selectAll()
          .where("currency", "=", input.currency)
          .where("effective_date", "=", input.effectiveDate)
          .executeTakeFirst();
        const after = {
          currency: input.currency,
          effective_date: input.effectiveDate,
          units_per_usd: input.unitsPerUsd,
        };
        if (before) {
          await trx
            .updateTable("exchange_rates")
            .set({ units_per_usd: input.unitsPerUsd })
            .where("currency", "=", input.currency)
            .where("effective_date", "=", input.effectiveDate)
            .execute();
        } else {
          await trx.insertInto("exchange_rates").values(after).execute();
        }
        const reconverted = await reconvertCurrency(trx, input.currency);
        await writeAudit(trx, {
          actor,
          userId: ctx.principal.userId,
          action: before ? "update" : "create",
          table: "exchange_rates",
          recordId: `${input.currency}@${input.effectiveDate}`,
          before: before ?? null,
          after: { ...after, reconverted },
        });
        return { ...after, reconverted };
      });
    }),

  remove: adminProcedure
    .input(z.object({ currency, effectiveDate: isoDate }))
    .mutation(async ({ ctx, input }) => {
      const actor = actorOf(ctx.principal);
      return ctx.db.transaction().execute(async (trx) => {
        const before = await trx
          .selectFrom("exchange_rates")
          .selectAll()
          .where("currency", "=", input.currency)
          .where("effective_date", "=", input.effectiveDate)
          .executeTakeFirst();
        if (!before) throw codedError("NOT_FOUND", apiMessage("rate_not_found"));
        await trx
          .deleteFrom("exchange_rates")
          .where("currency", "=", input.currency)
          .where("effective_date", "=", input.effectiveDate)
          .execute();
        // Refused (and rolled back) if a record would be left without a rate in force.
        const reconverted = await reconvertCurrency(trx, input.currency);
        await writeAudit(trx, {
          actor,
          userId: ctx.principal.userId,
          action: "delete",
          table: "exchange_rates",
          recordId: `${input.currency}@${input.effectiveDate}`,
          before,
          after: { reconverted },
        });
        return { ok: true, reconverted };
      });
    }),
} satisfies TRPCRouterRecord;
