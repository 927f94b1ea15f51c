import { ORGANIZATION_KINDS } from "../../records";
import { column } from "../spec";
import type { KindSpec } from "../spec";

/** organizations: `code,name,kind,fiscal_year_start_month,currency[,taxonomy]`; key: code. */
export const organizationsSpec: KindSpec<"organizations"> = {
  kind: "organizations",
  columns: [
    column("code", "text"),
    column("name", "text"),
    column("kind", "enum"),
    column("fiscal_year_start_month", "integer"),
    column("currency", "enum"),
    column("taxonomy", "text", false),
  ],
  parse(row) {
    const code = row.code("code");
    const name = row.text("name");
    const kind = row.enumOf("kind", ORGANIZATION_KINDS);
    const fiscalYearStartMonth = row.integer("fiscal_year_start_month", 1, 12);
    const currency = row.currency("currency");
    const taxonomy = row.optionalCode("taxonomy");
    if (!row.ok) return null;
    return {
      line: row.line,
      code: code!,
      name: name!,
      kind: kind!,
      fiscalYearStartMonth: fiscalYearStartMonth!,
      currency: currency!,
      taxonomy,
    };
  },
  key: (r) => r.code,
  keyColumns: ["code"],
  cells: (r) => [
    r.code,
    r.name,
    r.kind,
    String(r.fiscalYearStartMonth),
    r.currency,
    r.taxonomy ?? "",
  ],
};
