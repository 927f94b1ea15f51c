import {
  InvalidAmountError,
  UnknownCurrencyError,
  isKnownCurrency,
  parseAmount,
  toDayNumber,
} from "@coherence/funding-model";
import type { IsoDate } from "@coherence/funding-model";
import { unneutralise } from "../neutralise";
import type { Problem } from "../problem";
import { reason, reasonFields } from "../reasons";
import type { Reason } from "../reasons";

/**
 * An amount refused by the funding model, as a reason of the import's own.
 * @example amountReason(new InvalidAmountError("1.005", "USD", "…", "decimals", 2)).code // → "amount_decimals"
 */
export function amountReason(error: InvalidAmountError): Reason {
  if (error.problem === "too_large") return reason("amount_too_large");
  if (error.problem === "decimals" && error.allowedDecimals !== null)
    return error.allowedDecimals === 1
      ? reason("amount_one_decimal", { currency: error.currency })
      : reason("amount_decimals", { currency: error.currency, decimals: error.allowedDecimals });
  return reason("not_a_decimal");
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^\d+(?:\.\d+)?$/;
const INTEGER = /^\d+$/;

/**
 * The cells of one data row with typed accessors. Every accessor reports its own problem
 * (`FILE:LINE: column "NAME": value "V": reason`) and returns `undefined`, so a row's every
 * problem is found in one pass; the caller drops the row when {@link RowContext.ok} is false.
 * Codes, enums, dates and numbers are trimmed; free text is kept as written.
 */
export class RowContext {
  line = 0;
  cells: readonly string[] = [];
  problems: Problem[] = [];

  constructor(
    readonly file: string,
    private readonly index: ReadonlyMap<string, number>,
    /** True in a semicolon-separated file, where the decimal mark may be a comma. */
    readonly decimalComma: boolean,
  ) {}

  /** Starts a new row. */
  reset(line: number, cells: readonly string[]): void {
    this.line = line;
    this.cells = cells;
    this.problems = [];
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }

  /** Reports a problem on this row. */
  report(column: string | null, value: string | null, why: Reason): undefined {
    this.problems.push({ file: this.file, line: this.line, column, value, ...reasonFields(why) });
    return undefined;
  }

  /** The raw cell ("" when the column is absent). */
  raw(name: string): string {
    const i = this.index.get(name);
    return i === undefined ? "" : (this.cells[i] ?? "");
  }

  /** Required free text, kept as written (formula neutralisation undone). */
  text(name: string): string | undefined {
    const raw = this.raw(name);
    if (raw.trim() === "") {
      this.report(name, raw, reason("required_empty"));
      return;
    }
    return unneutralise(raw);
  }

  /** Optional free text: null when empty. */
  optionalText(name: string): string | null {
    const raw = this.raw(name);
    return raw.trim() === "" ? null : unneutralise(raw);
  }

  /** Required code (trimmed). */
  code(name: string): string | undefined {
    const value = this.raw(name).trim();
    if (value === "") {
      this.report(name, this.raw(name), reason("required_empty"));
      return;
    }
    return unneutralise(value);
  }

  /** Optional code: null when empty. */
  optionalCode(name: string): string | null {
    const value = this.raw(name).trim();
    return value === "" ? null : unneutralise(value);
  }

  /** One of `values`, exactly. */
  enumOf<T extends string>(name: string, values: readonly T[]): T | undefined {
    const value = this.raw(name).trim();
    if (value === "") {
      this.report(name, this.raw(name), reason("required_empty"));
      return;
    }
    if ((values as readonly string[]).includes(value)) return value as T;
    this.report(name, this.raw(name), reason("unknown_value", { values: values.join(", ") }));
  }

  /** One of `values`, or null when empty. */
  optionalEnum<T extends string>(name: string, values: readonly T[]): T | null | undefined {
    if (this.raw(name).trim() === "") return null;
    return this.enumOf(name, values);
  }

  /** A real calendar date YYYY-MM-DD. */
  date(name: string): IsoDate | undefined {
    const value = this.raw(name).trim();
    if (value === "") {
      this.report(name, this.raw(name), reason("required_empty"));
      return;
    }
    return this.checkDate(name, value);
  }

  /** A date, or null when empty. */
  optionalDate(name: string): IsoDate | null | undefined {
    const value = this.raw(name).trim();
    return value === "" ? null : this.checkDate(name, value);
  }

  private checkDate(name: string, value: string): IsoDate | undefined {
    if (!ISO_DATE.test(value)) {
      this.report(name, this.raw(name), reason("not_a_date"));
      return;
    }
    try {
      toDayNumber(value);
      return value;
    } catch {
      this.report(name, this.raw(name), reason("no_such_date"));
      return;
    }
  }

  /** Reports an end before its start (both already valid, or skipped). */
  checkRange(
    startName: string,
    start: IsoDate | null | undefined,
    endName: string,
    end: IsoDate | null | undefined,
  ): void {
    if (start && end && end < start)
      this.report(
        endName,
        this.raw(endName),
        reason("ends_before", { start_column: startName, start }),
      );
  }

  /** An ISO 4217 code. */
  currency(name: string): string | undefined {
    const value = this.raw(name).trim();
    if (value === "") {
      this.report(name, this.raw(name), reason("required_empty"));
      return;
    }
    if (isKnownCurrency(value)) return value;
    const upper = isKnownCurrency(value.toUpperCase());
    this.report(name, this.raw(name), reason(upper ? "unknown_currency_case" : "unknown_currency"));
  }

  /** The cell as a decimal string with `.` as the mark (a `,` is accepted in `;` files). */
  private decimalText(name: string): string | undefined {
    let value = this.raw(name).trim();
    if (value === "") {
      this.report(name, this.raw(name), reason("required_empty"));
      return;
    }
    if (value.startsWith("-")) {
      this.report(name, this.raw(name), reason("negative_amount"));
      return;
    }
    if (this.decimalComma && value.includes(",")) {
      if (value.includes(".") || value.indexOf(",") !== value.lastIndexOf(",")) {
        this.report(name, this.raw(name), reason("thousands_separator"));
        return;
      }
      value = value.replace(",", ".");
    } else if (value.includes(",")) {
      this.report(name, this.raw(name), reason("comma_in_number"));
      return;
    }
    if (!DECIMAL.test(value)) {
      if (/\s/.test(value)) {
        this.report(name, this.raw(name), reason("spaces_in_number"));
        return;
      }
      this.report(name, this.raw(name), reason("not_a_decimal"));
      return;
    }
    return value;
  }

  /**
   * An amount ≥ 0 in minor units of `currency` (when the currency itself is invalid, only the
   * syntax is checked). More decimals than the currency allows is an error, never rounded.
   */
  amount(name: string, currency: string | undefined): number | undefined {
    const value = this.decimalText(name);
    if (value === undefined || currency === undefined) return undefined;
    try {
      return parseAmount(value, currency);
    } catch (error) {
      if (error instanceof InvalidAmountError) {
        this.report(name, this.raw(name), amountReason(error));
        return;
      }
      if (error instanceof UnknownCurrencyError) {
        this.report(name, this.raw(name), reason("unknown_currency"));
        return;
      }
      throw error;
    }
  }

  /** An exact decimal string ≥ 0 (`positive`: > 0), normalised to `.` as the mark. */
  decimal(name: string, positive = false): string | undefined {
    const value = this.decimalText(name);
    if (value === undefined) return undefined;
    if (positive && !/[1-9]/.test(value)) {
      this.report(name, this.raw(name), reason("must_be_positive"));
      return;
    }
    return value;
  }

  /** A whole number in [min, max]. */
  integer(name: string, min: number, max: number): number | undefined {
    const value = this.raw(name).trim();
    if (value === "") {
      this.report(name, this.raw(name), reason("required_empty"));
      return;
    }
    return this.checkInteger(name, value, min, max);
  }

  /** A whole number in [min, max], or null when empty. */
  optionalInteger(name: string, min: number, max: number): number | null | undefined {
    const value = this.raw(name).trim();
    return value === "" ? null : this.checkInteger(name, value, min, max);
  }

  private checkInteger(name: string, value: string, min: number, max: number): number | undefined {
    if (!INTEGER.test(value)) {
      this.report(name, this.raw(name), reason("not_whole_number"));
      return;
    }
    const n = Number(value);
    if (n < min || n > max) {
      this.report(name, this.raw(name), reason("out_of_range", { min, max }));
      return;
    }
    return n;
  }
}
