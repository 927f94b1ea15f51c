// What can be wrong with a record's codes, amount or conversion, as a code with its parameters.
// The importers and the API word these with their own message codes (interchange's reasons,
// the API's messages) and name different fields, so each caller turns a problem into its own
// message; the checks themselves are written once.
import type { FundingModelError } from "@coherence/funding-model";

export type RecordProblem =
  /** `column`: the canonical column the code was read from (source, recipient, entity, ...). */
  | { code: "unknown_organization"; column: string; organization: string }
  | { code: "unknown_operation"; column: string; operation: string }
  | { code: "unknown_task"; operation: string; taskCode: string }
  | { code: "task_without_operation"; taskCode: string }
  /** An amount typed as a decimal that funding-model refused (too many decimals, too large). */
  | { code: "invalid_amount"; amount: string; currency: string; error: FundingModelError }
  | { code: "missing_rate"; currency: string; date: string }
  | {
      code: "conversion_failed";
      amountMinor: number;
      currency: string;
      /** The date whose rate was used. */
      date: string;
      error: FundingModelError;
    };
