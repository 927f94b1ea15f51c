// Crosswalks, keyed by (taxonomy, category): the shares of one category are replaced as a
// whole (the parser has checked that they sum to exactly 1). Taxonomies and categories are
// created when new (named by their code).
import type { ImportContext, RowRef } from "../context";
import { reason } from "@coherence/interchange";

const sharesKey = (shares: readonly { common_category: string; share: string }[]) =>
  JSON.stringify([...shares].map((s) => [s.common_category, s.share]).sort());

export async function applyCrosswalk(
  ctx: ImportContext,
  rows: readonly RowRef<"crosswalk">[],
): Promise<void> {
  const groups = new Map<string, RowRef<"crosswalk">[]>();
  for (const row of rows) {
    const key = `${row.record.taxonomy}/${row.record.category}`;
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  for (const [key, group] of groups) {
    const first = group[0]!;
    const { taxonomy, category } = first.record;
    const users = [...ctx.organizations.values()].filter(
      (o) => (o.taxonomy ?? o.code) === taxonomy,
    );
    const allowed =
      ctx.canWrite({ table: "crosswalk", operationId: null, entityId: null }) ||
      users.some((o) => ctx.canWrite({ table: "crosswalk", operationId: null, entityId: o.id }));
    const shares = group.map((row) => ({
      common_category: row.record.commonCategory,
      share: row.record.share,
    }));
    let tax = await ctx.trx
      .selectFrom("taxonomies")
      .selectAll()
      .where("code", "=", taxonomy)
      .executeTakeFirst();
    let cat = tax
      ? await ctx.trx
          .selectFrom("categories")
          .selectAll()
          .where("taxonomy_id", "=", tax.id)
          .where("code", "=", category)
          .executeTakeFirst()
      : undefined;
    const before = cat
      ? await ctx.trx
          .selectFrom("crosswalk_shares")
          .select(["common_category", "share"])
          .where("category_id", "=", cat.id)
          .execute()
      : [];
    if (cat && sharesKey(before) === sharesKey(shares)) {
      ctx.count("crosswalk_shares", "unchanged", key, first, group.length);
      continue;
    }
    if (!allowed) {
      for (const row of group)
        ctx.fail(row, "taxonomy", taxonomy, reason("not_assigned_taxonomy", { taxonomy }));
      continue;
    }
    if (!tax) {
      tax = await ctx.trx
        .insertInto("taxonomies")
        .values({ code: taxonomy, name: taxonomy })
        .returningAll()
        .executeTakeFirstOrThrow();
      ctx.audit({
        action: "create",
        table: "taxonomies",
        recordId: String(tax.id),
        before: null,
        after: tax,
      });
    }
    if (!cat) {
      cat = await ctx.trx
        .insertInto("categories")
        .values({ taxonomy_id: tax.id, code: category, name: category })
        .returningAll()
        .executeTakeFirstOrThrow();
      ctx.audit({
        action: "create",
        table: "categories",
        recordId: String(cat.id),
        before: null,
        after: cat,
      });
    }
    const categoryId = cat.id;
    await ctx.trx.deleteFrom("crosswalk_shares").where("category_id", "=", categoryId).execute();
    await ctx.trx
      .insertInto("crosswalk_shares")
      .values(shares.map((s) => ({ ...s, category_id: categoryId })))
      .execute();
    ctx.audit({
      action: before.length ? "update" : "create",
      table: "crosswalk_shares",
      recordId: key,
      before: before.length ? before : null,
      after: shares,
    });
    ctx.count("crosswalk_shares", before.length ? "update" : "create", key, first, group.length);
  }
  await ctx.flushAudit();
}
