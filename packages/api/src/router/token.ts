import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { issueApiToken } from "../auth/api-tokens";
import { apiMessage } from "../messages";
import { codedError, protectedProcedure } from "../trpc";
import { id, isoDate } from "../validators";

/** API tokens for scripts and non-TypeScript clients: each user manages their own. */
export const tokenRouter = {
  list: protectedProcedure.query(async ({ ctx }) => {
    if (ctx.principal.userId === null) return [];
    return ctx.db
      .selectFrom("api_tokens")
      .select(["id", "name", "created_at", "expires_at", "last_used_at", "revoked_at"])
      .where("user_id", "=", ctx.principal.userId)
      .orderBy("id", "desc")
      .execute();
  }),

  /** Issue a token; its value is shown once, in this answer only. */
  create: protectedProcedure
    .input(
      z.object({
        name: z.string().trim().min(1).max(100),
        expiresOn: isoDate.nullable().default(null),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      if (ctx.principal.userId === null)
        throw codedError("FORBIDDEN", apiMessage("no_user_account"));
      if (ctx.principal.via === "token")
        throw codedError("FORBIDDEN", apiMessage("token_needs_password"));
      const expires = input.expiresOn ? new Date(`${input.expiresOn}T23:59:59Z`) : null;
      return issueApiToken(ctx.db, ctx.principal.userId, input.name, ctx.now(), expires);
    }),

  revoke: protectedProcedure.input(z.object({ id })).mutation(async ({ ctx, input }) => {
    const result = await ctx.db
      .updateTable("api_tokens")
      .set({ revoked_at: ctx.now().toISOString() })
      .where("id", "=", input.id)
      .where("user_id", "=", ctx.principal.userId ?? -1)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw codedError("NOT_FOUND", apiMessage("token_not_found"));
    return { ok: true };
  }),
} satisfies TRPCRouterRecord;
