// Exchange rates, keyed by (currency, effective_date). The table has no version column: an
// update is made only if the stored rate is still the one read (the same optimistic check).
// Records already converted at a changed rate keep their stored USD amount (they are records of
// what was converted then); re-import them to convert again.
import { compareDecimals } from "@coherence/interchange";
import type { ImportContext, RowRef } from "../context";
import { reason } from "@coherence/interchange";

export async function applyRates(
  ctx: ImportContext,
  rows: readonly RowRef<"rates">[],
): Promise<void> {
  const stored = await ctx.trx.selectFrom("exchange_rates").selectAll().execute();
  const byKey = new Map(stored.map((r) => [`${r.currency}\u0000${r.effective_date}`, r]));
  for (const row of rows) {
    const r = row.record;
    const key = `${r.currency}@${r.effectiveDate}`;
    if (r.currency === "USD" && compareDecimals(r.unitsPerUsd, "1") !== 0) {
      ctx.fail(row, "units_per_usd", r.unitsPerUsd, reason("usd_rate_one"));
      continue;
    }
    const current = byKey.get(`${r.currency}\u0000${r.effectiveDate}`);
    if (current && compareDecimals(current.units_per_usd, r.unitsPerUsd) === 0) {
      ctx.count("exchange_rates", "unchanged", key, row);
      continue;
    }
    if (!ctx.canWrite({ table: "exchange_rates", operationId: null, entityId: null })) {
      ctx.fail(row, "currency", r.currency, reason("admin_only_rates"));
      continue;
    }
    const after = {
      currency: r.currency,
      effective_date: r.effectiveDate,
      units_per_usd: r.unitsPerUsd,
    };
    if (!current) {
      await ctx.trx.insertInto("exchange_rates").values(after).execute();
      ctx.audit({ action: "create", table: "exchange_rates", recordId: key, before: null, after });
      ctx.count("exchange_rates", "create", key, row);
    } else {
      const result = await ctx.trx
        .updateTable("exchange_rates")
        .set({ units_per_usd: r.unitsPerUsd })
        .where("currency", "=", r.currency)
        .where("effective_date", "=", r.effectiveDate)
        .where("units_per_usd", "=", current.units_per_usd)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) {
        ctx.fail(row, "units_per_usd", r.unitsPerUsd, reason("rate_changed_during_import"));
        continue;
      }
      ctx.audit({
        action: "update",
        table: "exchange_rates",
        recordId: key,
        before: current,
        after,
      });
      ctx.count("exchange_rates", "update", key, row);
    }
    byKey.set(`${r.currency}\u0000${r.effectiveDate}`, after);
  }
  await ctx.flushAudit();
  await ctx.reloadRates();
}
