import { column } from "../spec";
import type { KindSpec } from "../spec";

/** rates: `currency,units_per_usd,effective_date`; key: (currency, effective_date). */
export const ratesSpec: KindSpec<"rates"> = {
  kind: "rates",
  columns: [
    column("currency", "enum"),
    column("units_per_usd", "decimal"),
    column("effective_date", "date"),
  ],
  parse(row) {
    const currency = row.currency("currency");
    const unitsPerUsd = row.decimal("units_per_usd", true);
    const effectiveDate = row.date("effective_date");
    if (!row.ok) return null;
    return {
      line: row.line,
      currency: currency!,
      unitsPerUsd: unitsPerUsd!,
      effectiveDate: effectiveDate!,
    };
  },
  key: (r) => `${r.currency}\u0000${r.effectiveDate}`,
  keyColumns: ["currency", "effective_date"],
  cells: (r) => [r.currency, r.unitsPerUsd, r.effectiveDate],
};
