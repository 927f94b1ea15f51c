// Stored USD amounts are a cache of "amount at the rate in force on the record's date". When a
// rate is added, corrected or removed, the records of that currency are converted again so
// that tables and totals keep matching the reports (which convert from the rate table).
import type { Transaction } from "kysely";
import { MissingRateError, RateTable } from "@coherence/funding-model";
import type { Database } from "@coherence/db";
import { apiMessage } from "./messages";
import { fieldError } from "./trpc";

/** Re-convert every table-converted flow and budget line in `currency`; returns how many changed. */
export async function reconvertCurrency(
  trx: Transaction<Database>,
  currency: string,
): Promise<number> {
  const rates = await trx
    .selectFrom("exchange_rates")
    .selectAll()
    .where("currency", "=", currency)
    .execute();
  const table = new RateTable(
    rates.map((r) => ({ currency, effectiveFrom: r.effective_date, unitsPerUsd: r.units_per_usd })),
  );
  const convert = (
    amount: number,
    date: string,
    record: { code: "flow_would_lose_rate" | "budget_line_would_lose_rate"; ref: string },
  ) => {
    try {
      return table.convert(amount, currency, date);
    } catch (error) {
      if (error instanceof MissingRateError)
        throw fieldError(
          "effectiveDate",
          apiMessage(record.code, { ref: record.ref, date, currency }),
        );
      throw error;
    }
  };
  let changed = 0;
  const flows = await trx
    .selectFrom("flows")
    .select(["id", "amount", "status_date", "amount_usd_cents", "units_per_usd", "external_ref"])
    .where("currency", "=", currency)
    .where("rate_origin", "=", "rate_table")
    .execute();
  for (const f of flows) {
    const converted = convert(f.amount, f.status_date, {
      code: "flow_would_lose_rate",
      ref: f.external_ref ?? `#${f.id}`,
    });
    const unitsPerUsd = converted.rate?.unitsPerUsd ?? "1";
    if (converted.amountUsdCents === f.amount_usd_cents && unitsPerUsd === f.units_per_usd)
      continue;
    await trx
      .updateTable("flows")
      .set({ amount_usd_cents: converted.amountUsdCents, units_per_usd: unitsPerUsd })
      .where("id", "=", f.id)
      .execute();
    changed += 1;
  }
  const lines = await trx
    .selectFrom("requirements")
    .select(["id", "amount", "period_start", "amount_usd_cents", "units_per_usd", "external_ref"])
    .where("currency", "=", currency)
    .where("rate_origin", "=", "rate_table")
    .execute();
  for (const r of lines) {
    const converted = convert(r.amount, r.period_start, {
      code: "budget_line_would_lose_rate",
      ref: r.external_ref,
    });
    const unitsPerUsd = converted.rate?.unitsPerUsd ?? "1";
    if (converted.amountUsdCents === r.amount_usd_cents && unitsPerUsd === r.units_per_usd)
      continue;
    await trx
      .updateTable("requirements")
      .set({ amount_usd_cents: converted.amountUsdCents, units_per_usd: unitsPerUsd })
      .where("id", "=", r.id)
      .execute();
    changed += 1;
  }
  return changed;
}
