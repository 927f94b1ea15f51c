// How the API words a record problem found by @coherence/imports' record-columns helpers: the
// input field it is shown next to and the coded message (messages.ts) the client words in its
// language.
import type { TRPCError } from "@trpc/server";
import type { RecordProblem } from "@coherence/imports";
import { fundingModelMessage } from "./funding-model-messages";
import { apiMessage } from "./messages";
import { fieldError } from "./trpc";

/**
 * The field error of a record problem; the helpers' code columns are named as the API's inputs.
 * @example recordProblemError({ code: "unknown_operation", column: "operation", operation: "X" }).message // → "Unknown operation X"
 */
export function recordProblemError(problem: RecordProblem): TRPCError {
  switch (problem.code) {
    case "unknown_organization":
      return fieldError(
        problem.column,
        apiMessage("unknown_organization", { code: problem.organization }),
      );
    case "unknown_operation":
      return fieldError(
        problem.column,
        apiMessage("unknown_operation", { code: problem.operation }),
      );
    case "unknown_task":
      return fieldError("taskCode", apiMessage("unknown_task", { task: problem.taskCode }));
    case "task_without_operation":
      return fieldError("taskCode", apiMessage("task_needs_operation"));
    case "invalid_amount":
      return fieldError("amount", fundingModelMessage(problem.error));
    case "missing_rate":
      return fieldError(
        "currency",
        apiMessage("no_rate", { currency: problem.currency, date: problem.date }),
      );
    case "conversion_failed":
      return fieldError("currency", fundingModelMessage(problem.error));
  }
}
