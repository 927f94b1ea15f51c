import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { listAudit } from "@coherence/db";
import { protectedProcedure } from "../trpc";
import { pagination, text } from "../validators";

/**
 * The audit trail: who changed what, when, before and after, filtered by table, record, user or
 * import, paged newest first by cursor (or offset). Read-only by construction.
 */
export const auditRouter = {
  list: protectedProcedure
    .input(
      z.object({
        table: text(50).optional(),
        recordId: text(100).optional(),
        actor: text(200).optional(),
        importId: z.number().int().positive().optional(),
        /** The previous page's nextCursor: entries older than it (keyset paging). */
        cursor: z.number().int().positive().nullish(),
        ...pagination,
      }),
    )
    .query(async ({ ctx, input }) => {
      const { items, total, nextCursor } = await listAudit(ctx.db, {
        ...input,
        cursor: input.cursor ?? undefined,
      });
      return {
        total,
        nextCursor,
        items: items.map((entry) => ({
          id: entry.id,
          at: entry.at,
          actor: entry.actor,
          action: entry.action,
          table: entry.table_name,
          recordId: entry.record_id,
          importId: entry.import_id,
          before: entry.before_json === null ? null : (JSON.parse(entry.before_json) as unknown),
          after: entry.after_json === null ? null : (JSON.parse(entry.after_json) as unknown),
        })),
      };
    }),
} satisfies TRPCRouterRecord;
