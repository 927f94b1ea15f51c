// The donor, entity or task an analytic figure is narrowed to (a node selected in the flow
// diagram), as the predictability panel, its explanations and the timeline take it.
import { z } from "zod";
import type { Flow } from "@coherence/funding-model";
import { code, isoDate } from "../validators";

/** The predictability panel's input: an operation, the review date and an optional filter. */
export const predictabilityInput = z.object({
  operation: code,
  asOf: isoDate,
  donor: code.optional(),
  entity: code.optional(),
  task: code.optional(),
});

/** The flows one donor gives, one entity receives or one task is given (any that are set). */
export function filterFlows(
  flows: readonly Flow[],
  by: { donor?: string | undefined; entity?: string | undefined; task?: string | undefined },
): Flow[] {
  return flows.filter(
    (f) =>
      (!by.donor || f.donorCode === by.donor) &&
      (!by.entity || f.recipientEntityCode === by.entity) &&
      (!by.task || f.taskCode === by.task),
  );
}

/** The filter as echoed back to the client (null where not set). */
export function filterOut(by: { donor?: string; entity?: string; task?: string }) {
  return { donor: by.donor ?? null, entity: by.entity ?? null, task: by.task ?? null };
}
