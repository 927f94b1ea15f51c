// Pure maths of the small-multiple gap bar: one operation's requirement against its funding on
// a scale shared by every bar of the set, so bars compare by length across operations.

export interface GapBarLayout {
  requirementWidth: number;
  fundedWidth: number;
  /** Unfunded part of the requirement (0 when fully funded). */
  gapX: number;
  gapWidth: number;
  /** Funding beyond the requirement (0 when none). */
  surplusX: number;
  surplusWidth: number;
}

/**
 * @example
 * gapBarLayout({ requirementCents: 100, fundedCents: 25 }, { width: 80, domainMaxCents: 200 });
 * // → { requirementWidth: 40, fundedWidth: 10, gapX: 10, gapWidth: 30, surplusX: 40, surplusWidth: 0 }
 */
export function gapBarLayout(
  datum: { requirementCents: number; fundedCents: number },
  size: { width: number; domainMaxCents: number },
): GapBarLayout {
  const scale = (cents: number) =>
    size.domainMaxCents > 0 ? (Math.max(0, cents) / size.domainMaxCents) * size.width : 0;
  const requirementWidth = scale(datum.requirementCents);
  const fundedWidth = scale(datum.fundedCents);
  const covered = Math.min(requirementWidth, fundedWidth);
  return {
    requirementWidth,
    fundedWidth,
    gapX: covered,
    gapWidth: Math.max(0, requirementWidth - fundedWidth),
    surplusX: requirementWidth,
    surplusWidth: Math.max(0, fundedWidth - requirementWidth),
  };
}

/** The shared domain of a set of small multiples: the largest requirement or funded amount. */
export function gapBarDomain(
  data: readonly { requirementCents: number; fundedCents: number }[],
): number {
  return data.reduce((m, d) => Math.max(m, d.requirementCents, d.fundedCents), 0);
}
