import type { RequirementRow, RequirementStage } from "./types";

/** Stages that count as requirement, strongest first. Expended is tracked beside it, never as it. */
const REQUIREMENT_PRECEDENCE: readonly RequirementStage[] = [
  "revised",
  "appropriated",
  "recommended",
  "proposed",
];

/**
 * The requirement of each budget line: the amount at its highest stage present
 * (revised > appropriated > recommended > proposed). Lines with only `expended` rows have none.
 *
 * @example
 * requirementByLine([
 *   { lineRef: "L1", taskCode: "POC", stage: "proposed", amountUsdCents: 100 },
 *   { lineRef: "L1", taskCode: "POC", stage: "appropriated", amountUsdCents: 90 },
 * ]); // → [{ lineRef: "L1", taskCode: "POC", stage: "appropriated", amountUsdCents: 90 }]
 */
export function requirementByLine(rows: readonly RequirementRow[]): RequirementRow[] {
  const best = new Map<string, RequirementRow>();
  for (const row of rows) {
    const rank = REQUIREMENT_PRECEDENCE.indexOf(row.stage);
    if (rank < 0) continue;
    const current = best.get(row.lineRef);
    if (!current || rank < REQUIREMENT_PRECEDENCE.indexOf(current.stage))
      best.set(row.lineRef, row);
  }
  return [...best.values()];
}
