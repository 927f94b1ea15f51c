import type { CellValue } from "exceljs";
import { numberToDecimalString } from "../decimal";
import { reason } from "../reasons";
import type { Reason } from "../reasons";

/** A cell as text, or the reason it cannot be read. */
export type CellText = { text: string; error?: undefined } | { text?: undefined; error: Reason };

function isoDate(date: Date): CellText {
  if (Number.isNaN(date.getTime())) return { error: reason("cell_not_a_date") };
  const iso = date.toISOString();
  if (!iso.endsWith("T00:00:00.000Z")) return { error: reason("cell_date_with_time") };
  return { text: iso.slice(0, 10) };
}

/**
 * The text of an XLSX cell as the canonical readers see it. A number becomes its shortest exact
 * decimal string (12.345 stays "12.345", so a USD amount with 3 decimals is refused, never
 * rounded); a date cell becomes YYYY-MM-DD; a formula its cached result.
 * @example cellText(12.345) // → { text: "12.345" }
 * @example cellText({ error: "#N/A" }).error?.text // → "the cell holds the error #N/A"
 */
export function cellText(value: CellValue): CellText {
  if (value === null || value === undefined) return { text: "" };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { error: reason("cell_not_finite") };
    return { text: numberToDecimalString(value) };
  }
  if (typeof value === "string") return { text: value };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE" };
  if (value instanceof Date) return isoDate(value);
  if ("error" in value) return { error: reason("cell_error", { error: value.error }) };
  if ("richText" in value) return { text: value.richText.map((r) => r.text).join("") };
  if ("hyperlink" in value) return { text: value.text };
  if ("formula" in value || "sharedFormula" in value) {
    const result = value.result;
    if (result === undefined) return { error: reason("cell_formula_no_value") };
    return cellText(result);
  }
  return { error: reason("cell_unknown_type") };
}
