import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { hashPassword, UNUSABLE_HASH, verifyPassword } from "../auth/password";
import { createSession, endSession } from "../auth/sessions";
import { isThrottled, recordAttempt } from "../auth/throttle";
import { API_MESSAGES, apiMessage } from "../messages";
import { codedError, fieldError, protectedProcedure, publicProcedure } from "../trpc";

const credentials = z.object({
  username: z.string().trim().toLowerCase().min(1, { error: API_MESSAGES.enter_username }).max(100),
  password: z.string().min(1, { error: API_MESSAGES.enter_password }).max(1000),
});

const MIN_PASSWORD_LENGTH = 10;

export const authRouter = {
  /** Sign in with username and password; sets the httpOnly session cookie. */
  login: publicProcedure.input(credentials).mutation(async ({ ctx, input }) => {
    const now = ctx.now();
    if (await isThrottled(ctx.db, input.username, ctx.client, now)) {
      throw codedError("TOO_MANY_REQUESTS", apiMessage("too_many_sign_ins"));
    }
    const user = await ctx.db
      .selectFrom("users")
      .select(["id", "password_hash", "active", "display_name", "role"])
      .where("username", "=", input.username)
      .executeTakeFirst();
    // Same work for unknown users, so response time does not reveal which usernames exist.
    const ok = await verifyPassword(input.password, user?.password_hash ?? UNUSABLE_HASH);
    await recordAttempt(ctx.db, input.username, ctx.client, now, ok && user?.active === 1);
    if (!user || !ok || user.active !== 1) {
      throw codedError("UNAUTHORIZED", apiMessage("wrong_credentials"));
    }
    const session = await createSession(ctx.db, user.id, now);
    ctx.cookies.set(session.token, session.expiresAt);
    return { username: input.username, displayName: user.display_name, role: user.role };
  }),

  /** End the current session and clear its cookie. */
  logout: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.cookies.current) await endSession(ctx.db, ctx.cookies.current);
    ctx.cookies.clear();
    return { ok: true };
  }),

  /** Who is signed in (null when nobody), with what they may write. */
  me: publicProcedure.query(({ ctx }) => {
    const p = ctx.principal;
    if (!p) return null;
    return {
      username: p.username,
      displayName: p.displayName,
      role: p.role,
      assignments: p.assignments,
    };
  }),

  changePassword: protectedProcedure
    .input(
      z.object({
        current: z.string().min(1).max(1000),
        next: z
          .string()
          .min(MIN_PASSWORD_LENGTH, {
            error: apiMessage("too_short", { minimum: MIN_PASSWORD_LENGTH }).text,
          })
          .max(1000),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.principal.userId;
      if (userId === null) throw codedError("FORBIDDEN", apiMessage("no_user_account"));
      const user = await ctx.db
        .selectFrom("users")
        .select("password_hash")
        .where("id", "=", userId)
        .executeTakeFirstOrThrow();
      if (!(await verifyPassword(input.current, user.password_hash))) {
        throw fieldError("current", apiMessage("current_password_wrong"));
      }
      await ctx.db
        .updateTable("users")
        .set({ password_hash: await hashPassword(input.next), updated_at: ctx.now().toISOString() })
        .where("id", "=", userId)
        .execute();
      return { ok: true };
    }),
} satisfies TRPCRouterRecord;
