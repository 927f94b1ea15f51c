// The analytic views' own arithmetic, pure and tested: exact shares, which records make up a
// timeline figure, which API filter explains a flow link or a heatmap cell.
import { sharePermille } from "@coherence/charts";
import type { Period } from "../url-state";
import type { CoverageSettings } from "./analytics-state";

/** A ratio of two integers as a percentage with one decimal, exactly (half-up on the 2nd decimal). */
export function ratioPercentText(
  r: { numerator: number; denominator: number } | null,
  locale: string,
): string | null {
  if (!r || r.denominator === 0) return null;
  const n = BigInt(r.numerator);
  const d = BigInt(r.denominator);
  const tenths = (n * 1000n * 2n + d) / (2n * d); // round half up, in tenths of a percent
  return new Intl.NumberFormat(locale, {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(Number(tenths) / 1000);
}

/** Tenths of a percent (456) as "45.6 %" in the locale. */
export function permilleText(permille: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(permille / 1000);
}

export interface EntityTaskCell {
  funded: number;
  requirement: number;
  /** The entity's own unfunded requirement on the task: max(0, requirement − funded). */
  gap: number;
  /** Share of the task's funding, tenths of a percent; the entities of a task sum to 1000. */
  fundedPermille: number | null;
  /** Share of the task's entity gaps (who carries the unfunded need), tenths of a percent. */
  gapPermille: number | null;
}

/**
 * Each entity's share of each task's funding and of its gaps, from the drill-down by entity.
 * Shares are by largest remainder so a task's column sums to exactly 100.0%.
 */
export function entityTaskShares(
  rows: readonly {
    bucket: string;
    taskCode: string | null;
    value: string | null;
    figures: { funded: number; requirement: number };
  }[],
  taskCodes: readonly string[],
): Map<string, Map<string, EntityTaskCell>> {
  const entities = [...new Set(rows.filter((r) => r.value !== null).map((r) => r.value!))].sort();
  const out = new Map<string, Map<string, EntityTaskCell>>(entities.map((e) => [e, new Map()]));
  for (const task of taskCodes) {
    const figures = entities.map((entity) => {
      const own = rows.filter(
        (r) => r.bucket === "task" && r.taskCode === task && r.value === entity,
      );
      const funded = own.reduce((s, r) => s + r.figures.funded, 0);
      const requirement = own.reduce((s, r) => s + r.figures.requirement, 0);
      return { funded, requirement, gap: Math.max(0, requirement - funded) };
    });
    const fundedShares = sharePermille(
      figures.map((f, i) => ({ key: entities[i]!, cents: f.funded })),
    );
    const gapShares = sharePermille(figures.map((f, i) => ({ key: entities[i]!, cents: f.gap })));
    const anyFunded = figures.some((f) => f.funded > 0);
    const anyGap = figures.some((f) => f.gap > 0);
    entities.forEach((entity, i) => {
      out.get(entity)!.set(task, {
        ...figures[i]!,
        fundedPermille: anyFunded ? fundedShares[i]! : null,
        gapPermille: anyGap ? gapShares[i]! : null,
      });
    });
  }
  return out;
}

export interface TimelineEventLike {
  date: string;
  status: "pledged" | "committed" | "paid";
  cents: number;
  flowId: string;
}

/** The events that make up a cumulative figure at the end of a month ("2025-03"). */
export function eventsUpTo<T extends TimelineEventLike>(
  events: readonly T[],
  month: string,
  status: TimelineEventLike["status"],
): T[] {
  return events.filter((e) => e.status === status && e.date.slice(0, 7) <= month);
}

/** The period a heatmap column stands for, as the report API takes it. */
export function cellPeriod(
  settings: CoverageSettings,
  column: { from: string; to: string },
): Period {
  if (settings.granularity === "year")
    return { kind: settings.kind, year: Number(column.from.slice(0, 4)) };
  return { kind: "custom", from: column.from, to: column.to };
}

export interface ExplainFilter {
  taskCode?: string;
  bucket?: "task" | "not_specified" | "unallocated";
  entityCode?: string;
  donorCode?: string;
}

/** report.explain's input for an analytic view's figure: task and bucket apart from the filter. */
export function explainInput({ taskCode, bucket, ...filter }: ExplainFilter): {
  taskCode?: string;
  bucket?: "task" | "not_specified" | "unallocated";
  filter: { entityCode?: string; donorCode?: string };
} {
  return {
    ...(taskCode !== undefined ? { taskCode } : {}),
    ...(bucket !== undefined ? { bucket } : {}),
    filter,
  };
}

/** The explain filter that reproduces one flow-diagram link (as the API built it). */
export function linkExplainFilter(link: {
  source: string;
  target: string;
  kind: string;
}): ExplainFilter {
  const [, sourceCode = ""] = link.source.split(":");
  const [targetKind, targetCode = ""] = link.target.split(":");
  if (link.kind !== "allocation") return { donorCode: sourceCode, entityCode: targetCode };
  if (targetKind === "unallocated") return { entityCode: sourceCode, bucket: "unallocated" };
  if (targetCode === "not-specified") return { entityCode: sourceCode, bucket: "not_specified" };
  return { entityCode: sourceCode, bucket: "task", taskCode: targetCode };
}

/**
 * A decimal string of cents ("12345.678901", e.g. a mean) rounded half to even to whole cents,
 * on integers: exact for any size a safe integer of cents can hold.
 */
export function decimalCentsToCents(decimal: string): number {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal);
  if (!match) throw new RangeError(`not a decimal: ${decimal}`);
  const [, sign = "", whole = "0", fraction = ""] = match;
  let cents = BigInt(whole);
  const first = fraction.charAt(0);
  const rest = fraction.slice(1);
  if (first > "5" || (first === "5" && (/[1-9]/.test(rest) || cents % 2n === 1n))) cents += 1n;
  const value = Number(cents);
  if (!Number.isSafeInteger(value)) throw new RangeError(`too many cents: ${decimal}`);
  return sign === "-" ? -value : value;
}
