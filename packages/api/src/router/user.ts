import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { ROLES } from "@coherence/db";
import { hashPassword } from "../auth/password";
import { API_MESSAGES, apiMessage } from "../messages";
import { adminProcedure, codedError, fieldError } from "../trpc";
import { code, id, version } from "../validators";

const assignment = z
  .object({ operation: code.nullable(), entity: code.nullable() })
  .refine((a) => a.operation !== null || a.entity !== null, {
    error: API_MESSAGES.assignment_empty,
  });

const password = z
  .string()
  .min(10, { error: apiMessage("too_short", { minimum: 10 }).text })
  .max(1000);

async function resolveAssignments(
  db: Parameters<Parameters<typeof adminProcedure.query>[0]>[0]["ctx"]["db"],
  assignments: { operation: string | null; entity: string | null }[],
) {
  const rows = [];
  for (const [index, a] of assignments.entries()) {
    const operation = a.operation
      ? await db
          .selectFrom("operations")
          .select("id")
          .where("code", "=", a.operation)
          .executeTakeFirst()
      : null;
    const entity = a.entity
      ? await db
          .selectFrom("organizations")
          .select("id")
          .where("code", "=", a.entity)
          .executeTakeFirst()
      : null;
    if (a.operation && !operation)
      throw fieldError(
        "assignments",
        apiMessage("assignment_unknown_operation", { index: index + 1, code: a.operation }),
      );
    if (a.entity && !entity)
      throw fieldError(
        "assignments",
        apiMessage("assignment_unknown_entity", { index: index + 1, code: a.entity }),
      );
    rows.push({ operation_id: operation?.id ?? null, entity_id: entity?.id ?? null });
  }
  return rows;
}

/** Administration of accounts, roles and finance officers' assignments. */
export const userRouter = {
  list: adminProcedure.query(async ({ ctx }) => {
    const users = await ctx.db
      .selectFrom("users")
      .select(["id", "username", "display_name", "role", "active", "version", "created_at"])
      .orderBy("username")
      .execute();
    const assignments = await ctx.db
      .selectFrom("user_assignments")
      .leftJoin("operations", "operations.id", "user_assignments.operation_id")
      .leftJoin("organizations", "organizations.id", "user_assignments.entity_id")
      .select([
        "user_assignments.user_id",
        "operations.code as operation",
        "organizations.code as entity",
      ])
      .execute();
    return users.map((u) => ({
      ...u,
      active: u.active === 1,
      assignments: assignments
        .filter((a) => a.user_id === u.id)
        .map(({ operation, entity }) => ({ operation, entity })),
    }));
  }),

  create: adminProcedure
    .input(
      z.object({
        username: z
          .string()
          .trim()
          .toLowerCase()
          .min(2)
          .max(100)
          .regex(/^[a-z0-9._@-]+$/, { error: API_MESSAGES.username_characters }),
        displayName: z.string().trim().min(1).max(200),
        role: z.enum(ROLES),
        password,
        assignments: z.array(assignment).max(100).default([]),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const passwordHash = await hashPassword(input.password);
      return ctx.db.transaction().execute(async (trx) => {
        const rows = await resolveAssignments(trx, input.assignments);
        const { id: userId } = await trx
          .insertInto("users")
          .values({
            username: input.username,
            display_name: input.displayName,
            role: input.role,
            password_hash: passwordHash,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        if (rows.length > 0) {
          await trx
            .insertInto("user_assignments")
            .values(rows.map((r) => ({ ...r, user_id: userId })))
            .execute();
        }
        return { id: userId };
      });
    }),

  update: adminProcedure
    .input(
      z.object({
        id,
        version,
        displayName: z.string().trim().min(1).max(200).optional(),
        role: z.enum(ROLES).optional(),
        active: z.boolean().optional(),
        password: password.optional(),
        assignments: z.array(assignment).max(100).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const passwordHash = input.password ? await hashPassword(input.password) : undefined;
      return ctx.db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable("users")
          .set({
            ...(input.displayName !== undefined && { display_name: input.displayName }),
            ...(input.role !== undefined && { role: input.role }),
            ...(input.active !== undefined && { active: input.active ? 1 : 0 }),
            ...(passwordHash !== undefined && { password_hash: passwordHash }),
            version: input.version + 1,
            updated_at: ctx.now().toISOString(),
          })
          .where("id", "=", input.id)
          .where("version", "=", input.version)
          .executeTakeFirst();
        if (result.numUpdatedRows === 0n) {
          throw codedError("CONFLICT", apiMessage("account_changed"));
        }
        if (input.assignments) {
          const rows = await resolveAssignments(trx, input.assignments);
          await trx.deleteFrom("user_assignments").where("user_id", "=", input.id).execute();
          if (rows.length > 0) {
            await trx
              .insertInto("user_assignments")
              .values(rows.map((r) => ({ ...r, user_id: input.id })))
              .execute();
          }
        }
        if (input.active === false || passwordHash !== undefined) {
          await trx.deleteFrom("sessions").where("user_id", "=", input.id).execute();
        }
        return { id: input.id, version: input.version + 1 };
      });
    }),
} satisfies TRPCRouterRecord;
