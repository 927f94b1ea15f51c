// A record's amount as its caller has it: minor units (a parsed file) or the decimal a user typed.
import { FundingModelError, parseAmount } from "@coherence/funding-model";
import type { RecordReferences } from "./record-references";

/**
 * Either minor units of the record's currency, or a decimal string that is parsed only after the
 * record's codes were checked, so a bad code is reported before a bad amount.
 */
export type AmountInput =
  { amountMinor: number; amount?: undefined } | { amount: string; amountMinor?: undefined };

/** The amount in minor units, or undefined after reporting `invalid_amount`. */
export function amountMinorOf<At>(
  refs: Pick<RecordReferences<At>, "reportProblem">,
  at: At,
  input: AmountInput & { currency: string },
): number | undefined {
  if (input.amount === undefined) return input.amountMinor;
  try {
    return parseAmount(input.amount, input.currency);
  } catch (error) {
    if (!(error instanceof FundingModelError)) throw error;
    refs.reportProblem(at, {
      code: "invalid_amount",
      amount: input.amount,
      currency: input.currency,
      error,
    });
    return undefined;
  }
}
