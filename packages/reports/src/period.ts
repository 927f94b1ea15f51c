// The period a report covers, as the user chooses it: a calendar year, a peacekeeping year
// (July–June, named by the year it starts) or any custom range.
import type { PeriodScheme } from "@coherence/funding-model";

export type PeriodInput =
  | { kind: "calendar"; year: number }
  | { kind: "peacekeeping"; year: number }
  | { kind: "custom"; from: string; to: string };

export interface ResolvedPeriod {
  scheme: PeriodScheme;
  index: number;
  kind: PeriodInput["kind"];
  from: string;
  to: string;
  label: string;
}

/**
 * The funding-model scheme and period index of a report period.
 * @example resolvePeriod({ kind: "peacekeeping", year: 2024 }).label // → "2024/25"
 */
export function resolvePeriod(input: PeriodInput): ResolvedPeriod {
  switch (input.kind) {
    case "calendar":
      return {
        scheme: { kind: "calendar" },
        index: input.year,
        kind: "calendar",
        from: `${input.year}-01-01`,
        to: `${input.year}-12-31`,
        label: String(input.year),
      };
    case "peacekeeping":
      return {
        scheme: { kind: "peacekeeping" },
        index: input.year,
        kind: "peacekeeping",
        from: `${input.year}-07-01`,
        to: `${input.year + 1}-06-30`,
        label: `${input.year}/${String((input.year + 1) % 100).padStart(2, "0")}`,
      };
    case "custom": {
      const label = `${input.from}–${input.to}`;
      return {
        scheme: { kind: "custom", periods: [{ label, from: input.from, to: input.to }] },
        index: 0,
        kind: "custom",
        from: input.from,
        to: input.to,
        label,
      };
    }
  }
}
