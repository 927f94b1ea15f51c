import { allocateLargestRemainder } from "./allocate";
import { RecordProcessor } from "./build-totals";
import type { ReconcileRecords, TraceEvent } from "./build-totals";
import type { UsdConversion } from "./rates";
import { OUTSIDE, compileScheme } from "./periods";
import { reconcile } from "./reconcile";
import type { Bucket, ReconcileOptions, RowFilter } from "./reconcile";

/** Which figure to explain: a measure (or "funded") of the cells matching a filter. */
export interface FigureSelector extends RowFilter {
  measure:
    "requirement" | "appropriated" | "expended" | "pledged" | "committed" | "paid" | "funded";
}

/** One record's direct contribution to a figure, with every step that produced it. */
export interface RecordContribution {
  recordKind: "flow" | "requirement";
  /** Flow id or budget line ref. */
  recordId: string;
  /** The flow's status, or the budget row's stage, that this amount counts as. */
  counted: string;
  /** "source" = the amount taken off the entity a transfer came from (counted once). */
  leg: "final" | "source";
  amountMinor: number;
  currency: string;
  conversion: UsdConversion;
  usage: [string, string];
  periodLabel: string | null;
  overlapDays: number;
  usageDays: number;
  periodCents: number;
  categoryCode: string;
  share: { numerator: number; denominator: number };
  cents: number;
  /** Where the money landed and why (e.g. "task not in the mandate in force"). */
  placement: Bucket | "attributed";
  reason: string | null;
}

/** Assessed money without a task that was attributed to a task: the split and its inputs. */
export interface AttributionContribution {
  taskCode: string;
  /** Sum of the source cell (one donor, category, period, entity, status) before attribution. */
  sourceCents: number;
  weightCents: number;
  totalWeightCents: number;
  cents: number;
  records: RecordContribution[];
}

/** The answer to "why this number?". `value` = Σ contributions + Σ attributions, always. */
export interface Explanation {
  value: number;
  contributions: RecordContribution[];
  attributions: AttributionContribution[];
}

function counts(measure: FigureSelector["measure"], eventMeasure: string): boolean {
  return measure === "funded"
    ? eventMeasure === "committed" || eventMeasure === "paid"
    : measure === eventMeasure;
}

/**
 * Explains one figure: every record that contributed to it, with the rate used, days of
 * overlap, category share and attribution. Runs the same pipeline as {@link reconcile} with a
 * tracer (slower: meant for one figure at a time, on the records of one operation).
 *
 * @example
 * const why = explainFigure(records, options, { operationCode: "MINUSCA", periodIndex: 2023, taskCode: "HUMANITARIAN", measure: "paid" });
 * why.contributions[0]; // → { recordId: "V-GBR-UNICEF", conversion: { rate: { unitsPerUsd: "0.775", … } }, overlapDays: 335, … }
 */
export function explainFigure(
  records: ReconcileRecords,
  options: ReconcileOptions,
  selector: FigureSelector,
): Explanation {
  const rec = reconcile(records, options);
  const compiled = compileScheme(options.scheme);
  const { measure, ...where } = selector;
  const figures = rec.total(where);
  const value = figures[measure];
  const contributions: RecordContribution[] = [];
  const sources = new Map<
    string,
    {
      cents: number;
      events: RecordContribution[];
      tasks: { taskCode: string; rank: number; weightCents: number }[];
      total: number;
    }
  >();

  const tracer = (e: TraceEvent) => {
    if (!counts(measure, e.measure)) return;
    const placement = rec.placement(
      e.operationCode,
      e.taskCode,
      e.entityCode,
      e.fundingType,
      e.periodIndex,
    );
    const base: RecordContribution = {
      recordKind: e.record.kind,
      recordId: e.record.kind === "flow" ? e.record.flow.id : e.record.line.lineRef,
      counted: e.measure,
      leg: e.leg,
      amountMinor: e.record.kind === "flow" ? e.record.flow.amountMinor : e.record.line.amountMinor,
      currency: e.record.kind === "flow" ? e.record.flow.currency : e.record.line.currency,
      conversion: e.conversion,
      usage: e.usage,
      periodLabel: e.periodIndex === OUTSIDE ? null : compiled.label(e.periodIndex),
      overlapDays: e.overlapDays,
      usageDays: e.usageDays,
      periodCents: e.periodCents,
      categoryCode: e.categoryCode,
      share: e.share,
      cents: e.cents,
      placement: placement.kind,
      reason: placement.kind === "not_specified" ? placement.reason : null,
    };
    const common =
      (where.operationCode === undefined || where.operationCode === e.operationCode) &&
      (where.periodIndex === undefined || where.periodIndex === e.periodIndex) &&
      (where.entityCode === undefined || where.entityCode === e.entityCode) &&
      (where.donorCode === undefined || where.donorCode === e.donorCode) &&
      (where.fundingType === undefined || where.fundingType === e.fundingType) &&
      (where.categoryCode === undefined || where.categoryCode === e.categoryCode);
    if (!common) return;
    if (placement.kind === "attributed") {
      const key = `${e.operationCode ?? ""}|${e.periodIndex}|${e.entityCode}|${e.donorCode ?? ""}|${e.categoryCode}|${e.measure}`;
      let source = sources.get(key);
      if (!source)
        sources.set(
          key,
          (source = { cents: 0, events: [], tasks: placement.tasks, total: placement.totalWeight }),
        );
      source.cents += e.cents;
      source.events.push(base);
      return;
    }
    const taskCode = placement.kind === "task" ? placement.taskCode : null;
    if (where.taskCode !== undefined && where.taskCode !== taskCode) return;
    if (where.bucket !== undefined && where.bucket !== placement.kind) return;
    if (where.attributed === true) return;
    contributions.push(base);
  };

  const processor = new RecordProcessor(options, tracer);
  if (records.requirementLines) processor.lines(records.requirementLines);
  for (const flow of records.flows ?? []) processor.flow(flow);

  const attributions: AttributionContribution[] = [];
  if (where.attributed !== false && (where.bucket === undefined || where.bucket === "task"))
    for (const source of sources.values()) {
      if (source.cents === 0) continue;
      const parts = allocateLargestRemainder(
        source.cents,
        source.tasks.map((t) => t.weightCents),
      );
      source.tasks.forEach((task, i) => {
        if (parts[i] === 0) return;
        if (where.taskCode !== undefined && where.taskCode !== task.taskCode) return;
        attributions.push({
          taskCode: task.taskCode,
          sourceCents: source.cents,
          weightCents: task.weightCents,
          totalWeightCents: source.total,
          cents: parts[i]!,
          records: source.events,
        });
      });
    }
  return { value, contributions, attributions };
}
