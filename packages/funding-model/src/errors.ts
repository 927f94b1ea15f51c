/**
 * Every error the library throws is a {@link FundingModelError} with a stable `code`, so that
 * callers (importers, the API) can map it to a row/column message without parsing text.
 */
export class FundingModelError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A decimal string that is not a valid amount for its currency (syntax or too many decimals). */
export class InvalidAmountError extends FundingModelError {
  constructor(
    readonly input: string,
    readonly currency: string,
    reason: string,
    /** What is wrong, for callers that word it themselves: its syntax, its decimals, its size. */
    readonly problem: "syntax" | "decimals" | "too_large" = "syntax",
    /** The decimals the currency allows (problem "decimals"). */
    readonly allowedDecimals: number | null = null,
  ) {
    super("INVALID_AMOUNT", `Invalid ${currency} amount "${input}": ${reason}`);
  }
}

/** An ISO 4217 code the library does not know. An input error, never defaulted. */
export class UnknownCurrencyError extends FundingModelError {
  constructor(readonly currency: string) {
    super("UNKNOWN_CURRENCY", `Unknown currency code "${currency}" (expected an ISO 4217 code)`);
  }
}

/** No rate in force for a currency on a date. Never replaced by a silent 1.0. */
export class MissingRateError extends FundingModelError {
  constructor(
    readonly currency: string,
    readonly date: string,
  ) {
    super("MISSING_RATE", `No exchange rate for ${currency} in force on ${date}`);
  }
}

/** A rate record that cannot be used (not a positive decimal, or conflicting duplicates). */
export class InvalidRateError extends FundingModelError {
  constructor(message: string) {
    super("INVALID_RATE", message);
  }
}

/** A result outside the JS safe-integer range: raised instead of losing a cent. */
export class MoneyOverflowError extends FundingModelError {
  constructor(operation: string) {
    super("MONEY_OVERFLOW", `Amount overflow in ${operation}: result is not a safe integer`);
  }
}

/** Two amounts in different currencies were combined. */
export class CurrencyMismatchError extends FundingModelError {
  constructor(a: string, b: string) {
    super("CURRENCY_MISMATCH", `Cannot combine ${a} with ${b}`);
  }
}

/** Not an ISO `YYYY-MM-DD` civil date, or a range whose end precedes its start. */
export class InvalidDateError extends FundingModelError {
  constructor(
    readonly input: string,
    reason = "expected an ISO date YYYY-MM-DD",
  ) {
    super("INVALID_DATE", `Invalid date "${input}": ${reason}`);
  }
}

/** A period scheme or period range that cannot be used. */
export class InvalidPeriodError extends FundingModelError {
  constructor(message: string) {
    super("INVALID_PERIOD", message);
  }
}

/** A crosswalk whose shares for a category do not sum to exactly 1, or are malformed. */
export class CrosswalkError extends FundingModelError {
  constructor(message: string) {
    super("INVALID_CROSSWALK", message);
  }
}

/** Weights that cannot allocate (negative, non-integer, or all zero). */
export class AllocationError extends FundingModelError {
  constructor(message: string) {
    super("INVALID_ALLOCATION", message);
  }
}

/** A record that breaks an invariant of the stored data (e.g. a negative stored amount). */
export class InvalidRecordError extends FundingModelError {
  constructor(
    readonly recordId: string,
    message: string,
  ) {
    super("INVALID_RECORD", `Record ${recordId}: ${message}`);
  }
}

/** Two partial totals built with different settings (period scheme, as-of date) were merged. */
export class IncompatibleTotalsError extends FundingModelError {
  constructor(message: string) {
    super("INCOMPATIBLE_TOTALS", message);
  }
}

/** A fixed internal capacity (e.g. number of distinct operations) was exceeded. */
export class CapacityError extends FundingModelError {
  constructor(message: string) {
    super("CAPACITY_EXCEEDED", message);
  }
}
