// How an import words a record problem: the column and value of the file it points at, and the
// reason, coded as interchange's reasons are (the rejects file and the CLI print its English).
import { InvalidAmountError } from "@coherence/funding-model";
import type { FundingModelError } from "@coherence/funding-model";
import { amountReason, reason } from "@coherence/interchange";
import type { Reason } from "@coherence/interchange";
import type { RecordProblem } from "./record-columns/record-problem";

export interface ProblemCell {
  column: string;
  value: string;
  why: Reason;
}

/** A conversion the funding model refused: too large once in USD, or not possible at that rate. */
function conversionReason(error: FundingModelError, currency: string, date: string): Reason {
  if (error.code === "MONEY_OVERFLOW") return reason("conversion_too_large");
  return reason("conversion_failed", { currency, date });
}

export function importProblemCell(problem: RecordProblem): ProblemCell {
  switch (problem.code) {
    case "unknown_organization":
      return {
        column: problem.column,
        value: problem.organization,
        why: reason("unknown_organization", { code: problem.organization }),
      };
    case "unknown_operation":
      return {
        column: problem.column,
        value: problem.operation,
        why: reason("unknown_operation", { code: problem.operation }),
      };
    case "unknown_task":
      return {
        column: "task_code",
        value: problem.taskCode,
        why: reason("no_task_in_mandates", {
          task: problem.taskCode,
          operation: problem.operation,
        }),
      };
    case "task_without_operation":
      return { column: "task_code", value: problem.taskCode, why: reason("task_needs_operation") };
    case "invalid_amount":
      // Files' amounts arrive parsed (interchange reports bad ones): only the API's typed ones.
      return {
        column: "amount",
        value: problem.amount,
        why:
          problem.error instanceof InvalidAmountError
            ? amountReason(problem.error)
            : reason("unknown_currency"),
      };
    case "missing_rate":
      return {
        column: "currency",
        value: problem.currency,
        why: reason("missing_rate", { currency: problem.currency, date: problem.date }),
      };
    case "conversion_failed":
      return {
        column: "amount",
        value: String(problem.amountMinor),
        why: conversionReason(problem.error, problem.currency, problem.date),
      };
  }
}
