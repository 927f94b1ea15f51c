// What the API sends for figures: integer cents, plus exact coverage as a decimal string so
// clients never have to trust a float for a figure they print.
import { ratioToDecimalString } from "@coherence/funding-model";
import type { Alignment, Figures, Predictability } from "@coherence/funding-model";

export interface FiguresOut {
  requirement: number;
  appropriated: number;
  expended: number;
  pledged: number;
  committed: number;
  paid: number;
  funded: number;
  gap: number;
  surplus: number;
  coverage: number | null;
  /** Exact coverage to 6 decimals, e.g. "0.930000"; null when the requirement is 0. */
  coverageDecimal: string | null;
  attributed: { pledged: number; committed: number; paid: number; funded: number };
}

export function figuresOut(f: Figures): FiguresOut {
  return {
    requirement: f.requirement,
    appropriated: f.appropriated,
    expended: f.expended,
    pledged: f.pledged,
    committed: f.committed,
    paid: f.paid,
    funded: f.funded,
    gap: f.gap,
    surplus: f.surplus,
    coverage: f.coverage,
    coverageDecimal: f.coverageRatio ? ratioToDecimalString(f.coverageRatio, 6) : null,
    attributed: { ...f.attributed },
  };
}

export interface AlignmentOut {
  score: number | null;
  scoreDecimal: string | null;
  tasksCounted: number;
  inversions: {
    higher: { taskCode: string; rank: number; coverage: number };
    lower: { taskCode: string; rank: number; coverage: number };
  }[];
}

export function alignmentOut(a: Alignment): AlignmentOut {
  return {
    score: a.score,
    scoreDecimal: a.exact ? ratioToDecimalString(a.exact, 6) : null,
    tasksCounted: a.tasksCounted,
    inversions: a.inversions,
  };
}

/**
 * Predictability as sent: Σ and Σ² behind volatility as decimal strings (Σ² of cents is past
 * 2^53, and a bigint would not read as plain JSON for a script).
 */
export function predictabilityOut(p: Predictability) {
  const { sum, sumOfSquares, ...rest } = p.volatilityInputs;
  return {
    ...p,
    volatilityInputs: { ...rest, sum: sum.toString(), sumOfSquares: sumOfSquares.toString() },
  };
}
