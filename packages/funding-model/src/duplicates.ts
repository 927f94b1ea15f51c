import { toDayNumber } from "./dates";
import type { Flow, SourceRef } from "./types";

/** A pair of flows that look like the same money reported twice. Nothing is dropped. */
export interface DuplicateCandidate {
  flowIds: [string, string];
  reason: "similar_amount_and_date" | "republished";
  detail: string;
}

export interface DuplicateOptions {
  /** Largest relative difference of amounts, as a fraction of the larger (default 1/200 = 0.5 %). */
  tolerance?: { numerator: number; denominator: number };
  /** Largest distance between the flows' status dates, in days (default 30). */
  maxDays?: number;
}

function refKey(ref: SourceRef): string {
  return `${ref.system}\u0000${ref.id}`;
}

/**
 * Flows that look like the same money reported twice: same donor, recipient and currency with
 * amounts within 0.5 % and status dates within 30 days; or one source's flow republished by
 * another (a flow's `alsoReportedAs` names another flow's `source`, or two flows name the same
 * reference). Each pair is reported once per reason, ids in ascending order, for a person to
 * decide; the reconciliation never drops anything by itself.
 *
 * @example findDuplicates(flows) // → [{ flowIds: ["fts-1", "iati-9"], reason: "republished", detail: "iati:XM-1 reported as fts:1" }]
 */
export function findDuplicates(
  flows: readonly Flow[],
  options: DuplicateOptions = {},
): DuplicateCandidate[] {
  const tol = options.tolerance ?? { numerator: 1, denominator: 200 };
  const maxDays = options.maxDays ?? 30;
  const out: DuplicateCandidate[] = [];
  const seen = new Set<string>();
  const report = (a: Flow, b: Flow, reason: DuplicateCandidate["reason"], detail: string) => {
    if (a.id === b.id) return;
    const ids: [string, string] = a.id < b.id ? [a.id, b.id] : [b.id, a.id];
    const key = `${ids[0]}\u0000${ids[1]}\u0000${reason}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ flowIds: ids, reason, detail });
  };

  const groups = new Map<string, Flow[]>();
  for (const f of flows) {
    const key = `${f.donorCode}\u0000${f.recipientEntityCode}\u0000${f.currency}`;
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  for (const list of groups.values()) {
    list.sort((a, b) => a.amountMinor - b.amountMinor);
    for (let i = 0; i < list.length; i++) {
      const a = list[i]!;
      const dayA = toDayNumber(a.statusDate);
      for (let j = i + 1; j < list.length; j++) {
        const b = list[j]!;
        // b ≥ a: within tolerance iff (b − a)·den ≤ b·num (integer maths, no floats).
        if ((b.amountMinor - a.amountMinor) * tol.denominator > b.amountMinor * tol.numerator)
          break;
        const days = Math.abs(toDayNumber(b.statusDate) - dayA);
        if (days <= maxDays)
          report(
            a,
            b,
            "similar_amount_and_date",
            `same donor, recipient and currency; amounts ${a.amountMinor} and ${b.amountMinor} ${a.currency}; ${days} days apart`,
          );
      }
    }
  }

  const bySource = new Map<string, Flow>();
  for (const f of flows) if (f.source) bySource.set(refKey(f.source), f);
  const byAlso = new Map<string, Flow>();
  for (const f of flows)
    for (const ref of f.alsoReportedAs ?? []) {
      const original = bySource.get(refKey(ref));
      if (original)
        report(
          f,
          original,
          "republished",
          `${ref.system}:${ref.id} reported again as ${f.source ? `${f.source.system}:${f.source.id}` : f.id}`,
        );
      const other = byAlso.get(refKey(ref));
      if (other) report(f, other, "republished", `both republish ${ref.system}:${ref.id}`);
      else byAlso.set(refKey(ref), f);
    }
  return out;
}
