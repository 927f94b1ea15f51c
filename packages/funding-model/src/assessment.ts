import { allocateLargestRemainder } from "./allocate";
import type { IsoDate } from "./dates";
import { MoneyOverflowError } from "./errors";
import { addRatios, parseRational } from "./fraction";
import type { BigRatio } from "./fraction";
import { ratioToDecimalString } from "./ratio";
import type { Flow, ScaleOfAssessmentRow } from "./types";

/** One member state's share of an appropriation. */
export interface MemberAssessment {
  memberState: string;
  ratePercent: string;
  amountCents: number;
}

/** Result of {@link assessAppropriation}: assessments only when the scale is valid. */
export interface AssessmentResult {
  ok: boolean;
  /** Sum of the scale's rates, exact ("100" when valid). */
  scaleTotalPercent: string;
  /** What is wrong with the scale (rates not summing to 100, duplicates, bad numbers). */
  issues: string[];
  /** Sums exactly to the appropriation; empty when the scale has issues. */
  assessments: MemberAssessment[];
}

/**
 * Assesses an appropriation (USD cents) on member states by a scale of assessment (BRIEF item
 * 11), by largest remainder so the assessments sum exactly to the appropriation. Equal
 * remainders go to the larger rate, then to the member state code that sorts first, so the
 * result does not depend on the order of the scale's rows. A scale whose rates do not sum to
 * exactly 100 is reported and nothing is assessed (normalising it would silently change rates).
 *
 * @example
 * assessAppropriation(100_00, [
 *   { memberState: "A", ratePercent: "50" }, { memberState: "B", ratePercent: "25" }, { memberState: "C", ratePercent: "25" },
 * ]).assessments.map((a) => a.amountCents); // → [5000, 2500, 2500]
 */
export function assessAppropriation(
  appropriationCents: number,
  scale: readonly ScaleOfAssessmentRow[],
): AssessmentResult {
  if (!Number.isSafeInteger(appropriationCents)) throw new MoneyOverflowError("assessment");
  const issues: string[] = [];
  const seen = new Set<string>();
  const rows: { memberState: string; ratePercent: string; rate: BigRatio }[] = [];
  let total: BigRatio = { numerator: 0n, denominator: 1n };
  for (const row of scale) {
    if (seen.has(row.memberState)) issues.push(`${row.memberState} appears twice in the scale`);
    seen.add(row.memberState);
    const rate = parseRational(row.ratePercent);
    if (!rate || row.ratePercent.includes("/")) {
      issues.push(`${row.memberState}: rate "${row.ratePercent}" is not a decimal percentage`);
      continue;
    }
    total = addRatios(total, rate);
    rows.push({ memberState: row.memberState, ratePercent: row.ratePercent, rate });
  }
  const scaleTotalPercent = ratioToDecimalString(total, 6).replace(/\.?0+$/, "");
  if (total.numerator !== 100n * total.denominator)
    issues.push(`rates sum to ${scaleTotalPercent}, not 100`);
  if (issues.length > 0) return { ok: false, scaleTotalPercent, issues, assessments: [] };

  rows.sort((a, b) => {
    const l = a.rate.numerator * b.rate.denominator;
    const r = b.rate.numerator * a.rate.denominator;
    return l > r ? -1 : l < r ? 1 : a.memberState < b.memberState ? -1 : 1;
  });
  // Integer weights: every rate over the common denominator 100·10^k.
  const scaleDen = rows.reduce((d, r) => (d > r.rate.denominator ? d : r.rate.denominator), 1n);
  const weights = rows.map((r) => (r.rate.numerator * (scaleDen * 100n)) / r.rate.denominator);
  const parts = allocateLargestRemainder(appropriationCents, weights);
  return {
    ok: true,
    scaleTotalPercent,
    issues,
    assessments: rows.map((r, i) => ({
      memberState: r.memberState,
      ratePercent: r.ratePercent,
      amountCents: parts[i]!,
    })),
  };
}

/**
 * Each member state's assessment as a committed assessed contribution (no task: the
 * reconciliation attributes it), ready to store as flows.
 * @example assessmentFlows(result, { idPrefix: "MINUSCA-2024/25", operationCode: "MINUSCA", entityCode: "UN-DPO", assessedOn: "2024-07-01", usageStart: "2024-07-01", usageEnd: "2025-06-30" })
 */
export function assessmentFlows(
  result: AssessmentResult,
  target: {
    idPrefix: string;
    operationCode: string;
    entityCode: string;
    assessedOn: IsoDate;
    usageStart: IsoDate;
    usageEnd: IsoDate;
  },
): Flow[] {
  return result.assessments.map((a) => ({
    id: `${target.idPrefix}-${a.memberState}`,
    operationCode: target.operationCode,
    taskCode: null,
    donorCode: a.memberState,
    recipientEntityCode: target.entityCode,
    fundingType: "assessed",
    status: "committed",
    statusDate: target.assessedOn,
    amountMinor: a.amountCents,
    currency: "USD",
    usageStart: target.usageStart,
    usageEnd: target.usageEnd,
    history: [{ status: "committed", date: target.assessedOn }],
  }));
}
