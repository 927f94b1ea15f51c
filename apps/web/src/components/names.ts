import { WHOLE_OPERATION } from "../url-state";
// Display names for the codes the reports carry: tasks, organisations, categories, funding types.
import type { OperationReport } from "../api-types";
import type { Messages } from "../i18n/messages";
import type { DrillBy } from "../url-state";

export const NOT_SPECIFIED_KEY = "_not-specified";

export function taskName(report: OperationReport, taskCode: string | null, m: Messages): string {
  if (taskCode === null) return m.notSpecified;
  if (taskCode === WHOLE_OPERATION) return m.wholeOperation(report.operation.code);
  const task = report.tasks.find((t) => t.taskCode === taskCode);
  return task ? `${task.rank}. ${task.title}` : taskCode;
}

export function valueName(
  by: DrillBy,
  value: string | null,
  m: Messages,
  organizations: ReadonlyMap<string, string>,
): string {
  if (value === null) return m.unknownValue;
  switch (by) {
    case "fundingType":
      return m.fundingTypes[value] ?? value;
    case "category":
      return m.categories[value] ?? value;
    case "entity":
    case "donor": {
      const name = organizations.get(value);
      return name && name !== value ? `${name} (${value})` : value;
    }
  }
}
