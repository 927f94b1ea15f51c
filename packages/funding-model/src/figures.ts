import { ratioOf } from "./ratio";
import type { Ratio } from "./ratio";

/**
 * The figures of any group of cells (a task in a period, a donor's share of it, ...), in USD
 * cents, as BRIEF item 8 defines them.
 */
export interface Figures {
  /** Sum of each budget line's highest-stage amount. */
  requirement: number;
  /** Approved amount (revised, else appropriated); tracked beside the requirement. */
  appropriated: number;
  expended: number;
  /** Pledged and not yet committed: shown, never counted as funding. */
  pledged: number;
  committed: number;
  paid: number;
  /** committed + paid */
  funded: number;
  /** max(0, requirement − funded) */
  gap: number;
  /** max(0, funded − requirement) */
  surplus: number;
  /** funded ÷ requirement for display; null when the requirement is 0. */
  coverage: number | null;
  /** The same, exact: use `ratioToDecimalString` to print it. */
  coverageRatio: Ratio | null;
  /** The part of pledged/committed/paid/funded that is assessed money attributed to this task. */
  attributed: { pledged: number; committed: number; paid: number; funded: number };
}

/** The raw sums a {@link Figures} is derived from. @internal */
export interface FigureSums {
  requirement: number;
  appropriated: number;
  expended: number;
  pledged: number;
  committed: number;
  paid: number;
  attributedPledged: number;
  attributedCommitted: number;
  attributedPaid: number;
}

/** @internal */
export function emptySums(): FigureSums {
  return {
    requirement: 0,
    appropriated: 0,
    expended: 0,
    pledged: 0,
    committed: 0,
    paid: 0,
    attributedPledged: 0,
    attributedCommitted: 0,
    attributedPaid: 0,
  };
}

/**
 * Derives funded, gap, surplus and coverage from raw sums.
 * @example deriveFigures({ ...emptySums(), requirement: 1000, committed: 200, paid: 150 }).gap // → 650
 */
export function deriveFigures(s: FigureSums): Figures {
  const funded = s.committed + s.paid;
  const coverageRatio = ratioOf(funded, s.requirement);
  return {
    requirement: s.requirement,
    appropriated: s.appropriated,
    expended: s.expended,
    pledged: s.pledged,
    committed: s.committed,
    paid: s.paid,
    funded,
    gap: Math.max(0, s.requirement - funded),
    surplus: Math.max(0, funded - s.requirement),
    coverage: coverageRatio ? funded / s.requirement : null,
    coverageRatio,
    attributed: {
      pledged: s.attributedPledged,
      committed: s.attributedCommitted,
      paid: s.attributedPaid,
      funded: s.attributedCommitted + s.attributedPaid,
    },
  };
}
