import { isKnownCurrency } from "@coherence/funding-model";
import type { ByteSource } from "../bytes";
import { compareDecimals } from "../decimal";
import type { TableFormat } from "../canonical/parse";
import type { Problem } from "../problem";
import { reason, reasonFields } from "../reasons";
import type { Reason } from "../reasons";
import type { RateRecord } from "../records";
import { readTable } from "../table";
import { normaliseRateDate } from "./date-forms";

/** The columns of a UN operational rates of exchange file (matched case- and space-insensitively). */
export const UN_RATES_COLUMNS = [
  "country",
  "currency name",
  "currency code",
  "operational rate",
  "effective date",
] as const;
const REQUIRED = ["currency code", "operational rate", "effective date"] as const;

/** The outcome of {@link parseUnRates}. */
export interface UnRatesResult {
  rates: RateRecord[];
  problems: Problem[];
  /** Rows that repeat a currency and date with the same rate (countries sharing a currency). */
  sameRateRepeats: number;
  rowsRead: number;
}

function headerName(cell: string): string {
  return cell.trim().toLowerCase().replace(/\s+/g, " ");
}

/** A rate cell as an exact decimal string (thousands commas "1,310.5" accepted), or null. */
export function normaliseRate(text: string): string | null {
  let value = text.trim();
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(value)) value = value.replaceAll(",", "");
  return /^\d+(\.\d+)?$/.test(value) && /[1-9]/.test(value) ? value : null;
}

/**
 * Reads a UN operational rates of exchange file (CSV or XLSX; columns Country, Currency Name,
 * Currency Code, Operational Rate, Effective Date) into rate records: units per USD as exact
 * decimal strings, dates normalised to YYYY-MM-DD (see `normaliseRateDate` for the forms).
 * Countries that share a currency repeat it: equal repeats are merged, conflicting ones are
 * problems.
 * @example const { rates, problems } = await parseUnRates(bytes, "un-rates-2025-01.xlsx");
 */
export async function parseUnRates(
  source: ByteSource,
  file: string,
  format?: TableFormat,
): Promise<UnRatesResult> {
  const result: UnRatesResult = { rates: [], problems: [], sameRateRepeats: 0, rowsRead: 0 };
  const table = await readTable(source, file, format);
  result.problems.push(...table.problems);
  if (table.problems.length > 0) return result;
  const headerIndex = table.rows.findIndex((r) =>
    r.cells.some((c) => headerName(c) === "currency code"),
  );
  if (headerIndex < 0) {
    result.problems.push({
      file,
      line: table.rows[0]?.line ?? null,
      column: null,
      value: null,
      ...reasonFields(reason("un_rates_no_header", { columns: UN_RATES_COLUMNS.join(", ") })),
    });
    return result;
  }
  const header = table.rows[headerIndex]!;
  const index = new Map(header.cells.map((c, i) => [headerName(c), i]));
  for (const name of REQUIRED)
    if (!index.has(name))
      result.problems.push({
        file,
        line: header.line,
        column: name,
        value: null,
        ...reasonFields(reason("missing_column")),
      });
  if (result.problems.length > 0) return result;
  const seen = new Map<string, RateRecord>();
  for (const row of table.rows.slice(headerIndex + 1)) {
    if (row.cells.every((c) => c.trim() === "")) continue;
    result.rowsRead++;
    const cell = (name: string) => row.cells[index.get(name)!] ?? "";
    const before = result.problems.length;
    const report = (column: string | null, value: string | null, why: Reason) =>
      result.problems.push({ file, line: row.line, column, value, ...reasonFields(why) });
    if (row.issue) report(null, null, row.issue);
    for (const c of row.cellIssues)
      report(header.cells[c.index]?.trim() ?? null, c.value, c.reason);
    const currency = cell("currency code").trim();
    if (!isKnownCurrency(currency))
      report(
        "Currency Code",
        cell("currency code"),
        currency === "" ? reason("required_empty") : reason("unknown_currency"),
      );
    const rate = normaliseRate(cell("operational rate"));
    if (rate === null)
      report("Operational Rate", cell("operational rate"), reason("not_positive_decimal"));
    const date = normaliseRateDate(cell("effective date"));
    if (date === null) report("Effective Date", cell("effective date"), reason("un_rates_date"));
    if (result.problems.length > before) continue;
    const record: RateRecord = {
      line: row.line,
      currency,
      unitsPerUsd: rate!,
      effectiveDate: date!,
    };
    const key = `${currency}\u0000${date!}`;
    const earlier = seen.get(key);
    if (!earlier) {
      seen.set(key, record);
      result.rates.push(record);
    } else if (compareDecimals(earlier.unitsPerUsd, record.unitsPerUsd) === 0)
      result.sameRateRepeats++;
    else
      report(
        "Operational Rate",
        cell("operational rate"),
        reason("un_rates_conflict", {
          line: earlier.line,
          currency,
          date: date!,
          rate: earlier.unitsPerUsd,
        }),
      );
  }
  return result;
}
