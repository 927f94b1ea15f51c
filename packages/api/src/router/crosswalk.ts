import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import {
  COMMON_CATEGORIES,
  compareBigRatios,
  parseRational,
  validateCrosswalk,
} from "@coherence/funding-model";
import type { CrosswalkIssue } from "@coherence/funding-model";
import { writeAudit } from "@coherence/db";
import { actorOf } from "../auth/principal";
import { canWrite } from "../scope";
import { apiMessage } from "../messages";
import type { ApiMessage } from "../messages";
import {
  adminProcedure,
  codedError,
  conflictError,
  fieldError,
  protectedProcedure,
  writerProcedure,
} from "../trpc";
import { code, text } from "../validators";

const commonCode = z.enum(COMMON_CATEGORIES.map((c) => c.code) as [string, ...string[]]);
const shareList = z
  .array(z.object({ commonCategory: commonCode, share: z.string().trim().max(30) }))
  .max(8);

interface Share {
  commonCategory: string;
  share: string;
}

/** Same common categories with equal shares ("0.30" equals "0.3" and "3/10"). */
function sameShares(a: readonly Share[], b: readonly Share[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x) => {
    const y = b.find((s) => s.commonCategory === x.commonCategory);
    const rx = parseRational(x.share);
    const ry = y && parseRational(y.share);
    return rx && ry ? compareBigRatios(rx, ry) === 0 : x.share === y?.share;
  });
}

/** One issue of the shares, as a message of the shares field. */
function issueMessage(issue: CrosswalkIssue): ApiMessage {
  switch (issue.problem) {
    case "sum":
      return apiMessage("crosswalk_sum", { sum: issue.sum ?? "" });
    case "share_range":
      return apiMessage("crosswalk_share_range", { share: issue.share ?? "" });
    case "listed_twice":
      return apiMessage("crosswalk_listed_twice", { common: issue.commonCode ?? "" });
    case "unknown_common":
      return apiMessage("crosswalk_unknown_common", { common: issue.commonCode ?? "" });
  }
}

/** Entity budget taxonomies and their crosswalk to the UNSDG common categories. */
export const crosswalkRouter = {
  /** Every taxonomy with the entities that use it (a finance officer of one of them maintains it). */
  taxonomies: protectedProcedure.query(async ({ ctx }) => {
    const [taxonomies, entities] = await Promise.all([
      ctx.db.selectFrom("taxonomies").select(["code", "name"]).orderBy("code").execute(),
      ctx.db
        .selectFrom("organizations")
        .select(["id", "code", "taxonomy"])
        .where("taxonomy", "is not", null)
        .orderBy("code")
        .execute(),
    ]);
    return taxonomies.map((t) => ({
      ...t,
      entities: entities
        .filter((e) => e.taxonomy === t.code)
        .map((e) => ({ id: e.id, code: e.code })),
    }));
  }),

  list: protectedProcedure.input(z.object({ taxonomy: code })).query(async ({ ctx, input }) => {
    const taxonomy = await ctx.db
      .selectFrom("taxonomies")
      .selectAll()
      .where("code", "=", input.taxonomy)
      .executeTakeFirst();
    if (!taxonomy)
      throw codedError("NOT_FOUND", apiMessage("unknown_taxonomy", { code: input.taxonomy }));
    const categories = await ctx.db
      .selectFrom("categories")
      .selectAll()
      .where("taxonomy_id", "=", taxonomy.id)
      .orderBy("code")
      .execute();
    const shares = categories.length
      ? await ctx.db
          .selectFrom("crosswalk_shares")
          .selectAll()
          .where(
            "category_id",
            "in",
            categories.map((c) => c.id),
          )
          .execute()
      : [];
    return {
      taxonomy,
      categories: categories.map((c) => ({
        code: c.code,
        name: c.name,
        shares: shares
          .filter((s) => s.category_id === c.id)
          .map((s) => ({ commonCategory: s.common_category, share: s.share })),
      })),
    };
  }),

  createTaxonomy: adminProcedure
    .input(z.object({ code, name: text(200).trim().min(1) }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db.insertInto("taxonomies").values(input).returningAll().executeTakeFirstOrThrow();
    }),

  /**
   * Set one category's crosswalk: its shares must sum to exactly 1 (checked with exact decimal
   * arithmetic), and replace the previous shares as a whole.
   */
  setCategory: writerProcedure
    .input(
      z.object({
        taxonomy: code,
        category: code,
        name: text(200).trim().min(1),
        shares: shareList.min(1),
        /**
         * The shares the caller started from ([] for a new category). When given and the stored
         * shares differ, the save is refused with CONFLICT carrying the current shares: nobody's
         * change is overwritten unseen.
         */
        expected: shareList.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const taxonomy = await ctx.db
        .selectFrom("taxonomies")
        .selectAll()
        .where("code", "=", input.taxonomy)
        .executeTakeFirst();
      if (!taxonomy)
        throw fieldError("taxonomy", apiMessage("unknown_taxonomy", { code: input.taxonomy }));
      // Finance officers may maintain the taxonomy of an entity they are assigned to.
      const entities = await ctx.db
        .selectFrom("organizations")
        .select("id")
        .where("taxonomy", "=", input.taxonomy)
        .execute();
      const allowed =
        ctx.principal.role === "admin" ||
        entities.some((e) => canWrite(ctx.principal, { operationId: null, entityId: e.id }));
      if (!allowed)
        throw codedError(
          "FORBIDDEN",
          apiMessage("not_assigned_taxonomy", { taxonomy: input.taxonomy }),
        );
      const issues = validateCrosswalk(
        input.shares.map((s) => ({
          taxonomy: input.taxonomy,
          categoryCode: input.category,
          commonCode: s.commonCategory,
          share: s.share,
        })),
      );
      if (issues.length > 0) throw fieldError("shares", issues.map(issueMessage));
      const actor = actorOf(ctx.principal);
      return ctx.db.transaction().execute(async (trx) => {
        let category = await trx
          .selectFrom("categories")
          .selectAll()
          .where("taxonomy_id", "=", taxonomy.id)
          .where("code", "=", input.category)
          .executeTakeFirst();
        category ??= await trx
          .insertInto("categories")
          .values({ taxonomy_id: taxonomy.id, code: input.category, name: input.name })
          .returningAll()
          .executeTakeFirstOrThrow();
        const before = await trx
          .selectFrom("crosswalk_shares")
          .select(["common_category", "share"])
          .where("category_id", "=", category.id)
          .orderBy("common_category")
          .execute();
        const current = before.map((s) => ({ commonCategory: s.common_category, share: s.share }));
        if (input.expected !== undefined && !sameShares(current, input.expected)) {
          const last = await trx
            .selectFrom("audit_log")
            .select(["actor", "at"])
            .where("table_name", "=", "crosswalk_shares")
            .where("record_id", "=", `${input.taxonomy}/${input.category}`)
            .orderBy("id", "desc")
            .executeTakeFirst();
          const where = { taxonomy: input.taxonomy, category: input.category };
          throw conflictError(
            last
              ? apiMessage("crosswalk_changed", { ...where, who: last.actor })
              : apiMessage("crosswalk_changed_unknown", where),
            {
              current: {
                category: category.code,
                name: category.name,
                shares: current,
                updated_by: last?.actor ?? null,
                updated_at: last?.at ?? null,
              },
            },
          );
        }
        await trx.deleteFrom("crosswalk_shares").where("category_id", "=", category.id).execute();
        await trx
          .insertInto("crosswalk_shares")
          .values(
            input.shares.map((s) => ({
              category_id: category.id,
              common_category: s.commonCategory,
              share: s.share,
            })),
          )
          .execute();
        await writeAudit(trx, {
          actor,
          userId: ctx.principal.userId,
          action: before.length ? "update" : "create",
          table: "crosswalk_shares",
          recordId: `${input.taxonomy}/${input.category}`,
          before: before.length ? before : null,
          after: input.shares,
        });
        return { ok: true };
      });
    }),
} satisfies TRPCRouterRecord;
