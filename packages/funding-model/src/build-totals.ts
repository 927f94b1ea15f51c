import { commonCategoryCode } from "./crosswalk";
import type { Crosswalk } from "./crosswalk";
import { toDayNumber } from "./dates";
import type { IsoDate } from "./dates";
import { CrosswalkError, InvalidDateError, InvalidRecordError } from "./errors";
import { MEASURE_INDEX, PartialTotals, cellKeyA, cellKeyB, fundingTypeId } from "./partial-totals";
import type { Measure } from "./partial-totals";
import { OUTSIDE, compileScheme } from "./periods";
import type { CompiledScheme, PeriodScheme } from "./periods";
import type { RateTable, UsdConversion } from "./rates";
import { allocateNumbers } from "./allocate";
import { SpreadBuffer, spreadInto } from "./spread";
import { FUNDING_TYPES } from "./types";
import type {
  Entity,
  Flow,
  FlowStatus,
  FundingType,
  RequirementLine,
  RequirementStage,
} from "./types";

/** The stored records a reconciliation starts from. */
export interface ReconcileRecords {
  flows?: readonly Flow[];
  requirementLines?: readonly RequirementLine[];
}

/** Settings that turn records into partial totals. Totals to be merged must share them. */
export interface BuildOptions {
  /** How time is cut into periods (peacekeeping years, calendar years, ...). */
  scheme: PeriodScheme;
  rates: RateTable;
  /** Needed as soon as any record has a category that is not already a UNSDG code. */
  crosswalk?: Crosswalk | null;
  /** For taxonomies (default: the entity code). Unknown entity codes are allowed. */
  entities?: readonly Entity[];
  /** Figures as they stood on this date (status history); default: current status. */
  asOf?: IsoDate | null;
  /** A category without crosswalk: an error (default) or "Not categorised". */
  unmappedCategory?: "error" | "not_categorised";
}

/** The state of a flow that the figures use. @internal */
export interface FlowState {
  status: FlowStatus;
  date: IsoDate;
  amountMinor: number;
}

/**
 * The state of a flow on `asOf` (the latest history entry dated ≤ asOf; a history entry without
 * an amount uses the record's amount), its current state without `asOf`, or null if the flow did
 * not exist yet on that date.
 * @example flowStateAsOf(flow, "2024-01-31") // → { status: "committed", date: "2024-01-10", amountMinor: 500000 }
 */
export function flowStateAsOf(flow: Flow, asOf: IsoDate | null = null): FlowState | null {
  const current: FlowState = {
    status: flow.status,
    date: flow.statusDate,
    amountMinor: flow.amountMinor,
  };
  if (asOf === null) return current;
  const limit = toDayNumber(asOf);
  let best: FlowState | null = null;
  let bestDay = -Infinity;
  for (const change of flow.history ?? []) {
    const day = toDayNumber(change.date);
    if (day <= limit && day >= bestDay) {
      best = {
        status: change.status,
        date: change.date,
        amountMinor: change.amountMinor ?? flow.amountMinor,
      };
      bestDay = day;
    }
  }
  const currentDay = toDayNumber(flow.statusDate);
  if (currentDay <= limit && currentDay >= bestDay) best = current;
  return best;
}

/** The usage period of a flow: as given, else the single day it was first recorded. @internal */
export function flowUsage(flow: Flow): [IsoDate, IsoDate] {
  const first = flow.history?.[0]?.date ?? flow.statusDate;
  return [flow.usageStart ?? first, flow.usageEnd ?? flow.usageStart ?? first];
}

const REQUIREMENT_PRECEDENCE: Record<RequirementStage, number> = {
  revised: 4,
  appropriated: 3,
  recommended: 2,
  proposed: 1,
  expended: 0,
};

/** REQUIREMENT_PRECEDENCE[stage], with the usual stages by comparison (not a keyed look-up). */
function stageRank(stage: string): number | undefined {
  if (stage === "appropriated") return 3;
  if (stage === "proposed") return 1;
  if (stage === "revised") return 4;
  if (stage === "recommended") return 2;
  if (stage === "expended") return 0;
  return REQUIREMENT_PRECEDENCE[stage as RequirementStage];
}

/** One emitted amount, as seen by the explanation tracer. @internal */
export interface TraceEvent {
  record: { kind: "flow"; flow: Flow } | { kind: "requirement"; line: RequirementLine };
  measure: Measure;
  /** "final" = the record's own cell; "source" = the amount taken off a transfer's source entity. */
  leg: "final" | "source";
  operationCode: string | null;
  taskCode: string | null;
  entityCode: string;
  donorCode: string | null;
  fundingType: FundingType | null;
  conversion: UsdConversion;
  /** Amount before spreading (signed for the source leg). */
  usdCents: number;
  usage: [IsoDate, IsoDate];
  periodIndex: number;
  overlapDays: number;
  usageDays: number;
  periodCents: number;
  categoryCode: string;
  share: { numerator: number; denominator: number };
  cents: number;
}

/** @internal */
export type Tracer = (event: TraceEvent) => void;

/** What a tracer needs to know about the record being emitted (built only when tracing). */
interface TraceContext {
  record: TraceEvent["record"];
  conversion: UsdConversion;
  usage: [IsoDate, IsoDate];
  operationCode: string | null;
  taskCode: string | null;
  donorCode: string | null;
  fundingType: FundingType | null;
  fromEntity: string | null;
  fromTask: string | null;
}

const MAX_CATEGORIES = 9;

type CategoryMapping = NonNullable<ReturnType<Crosswalk["mapping"]>>;

/** Turns records into additions to partial totals. One instance per build; not reentrant. @internal */
export class RecordProcessor {
  readonly totals: PartialTotals;
  readonly #compiled: CompiledScheme;
  readonly #rates: RateTable;
  readonly #crosswalk: Crosswalk | null;
  readonly #taxonomy = new Map<string, string>();
  readonly #asOf: IsoDate | null;
  readonly #unmapped: "error" | "not_categorised";
  readonly #tracer: Tracer | null;
  readonly #spread = new SpreadBuffer();
  readonly #catParts = new Float64Array(MAX_CATEGORIES);

  constructor(
    options: BuildOptions,
    tracer: Tracer | null = null,
    totals?: PartialTotals,
    capacityHint = 1024,
  ) {
    this.#compiled = totals?.compiled ?? compileScheme(options.scheme);
    this.#asOf = options.asOf ?? null;
    if (this.#asOf !== null) toDayNumber(this.#asOf);
    this.totals = totals ?? PartialTotals.empty(this.#compiled, this.#asOf, capacityHint);
    this.#rates = options.rates;
    this.#crosswalk = options.crosswalk ?? null;
    for (const e of options.entities ?? []) this.#taxonomy.set(e.code, e.taxonomy ?? e.code);
    this.#unmapped = options.unmappedCategory ?? "error";
    this.#tracer = tracer;
  }

  // Day numbers per distinct date string: a million records carry a few thousand dates.
  readonly #days = new Map<string, number>();

  #day(date: IsoDate): number {
    let day = this.#days.get(date);
    if (day === undefined) {
      day = toDayNumber(date);
      this.#days.set(date, day);
    }
    return day;
  }

  /** Adds one flow (its final leg, and for a transfer the leg taken off its source entity). */
  flow(flow: Flow): void {
    const state = this.#asOf === null ? null : flowStateAsOf(flow, this.#asOf);
    if (this.#asOf !== null && state === null) return;
    const status = state ? state.status : flow.status;
    const date = state ? state.date : flow.statusDate;
    const amount = state ? state.amountMinor : flow.amountMinor;
    if (!Number.isSafeInteger(amount) || amount < 0)
      throw new InvalidRecordError(flow.id, `amount ${amount} is not a safe integer ≥ 0`);
    const type = fundingTypeId(flow.fundingType);
    if (type === 0 || FUNDING_TYPES[type - 1] !== flow.fundingType)
      throw new InvalidRecordError(flow.id, `unknown funding type "${flow.fundingType}"`);
    // The three statuses by comparison (a keyed look-up by a varying string is megamorphic);
    // anything else as before, through the table.
    const name: string = status;
    const measure =
      name === "paid"
        ? MEASURE_INDEX.paid
        : name === "committed"
          ? MEASURE_INDEX.committed
          : name === "pledged"
            ? MEASURE_INDEX.pledged
            : (MEASURE_INDEX[status] as number | undefined);
    if (measure === undefined) throw new InvalidRecordError(flow.id, `unknown status "${status}"`);

    // Conversion first, on the whole amount (BRIEF item 1); the source's own USD amount is kept.
    let cents: number;
    let conversion: UsdConversion | null = null;
    let dateDay = -1; // day number of `date`, once parsed
    const source = flow.sourceConversion;
    if (source && amount === flow.amountMinor) {
      if (!Number.isSafeInteger(source.amountUsdCents) || source.amountUsdCents < 0)
        throw new InvalidRecordError(flow.id, "source USD amount is not a safe integer ≥ 0");
      cents = source.amountUsdCents;
      if (this.#tracer)
        conversion = {
          amountUsdCents: cents,
          method: "source",
          rate:
            source.exchangeRate === null
              ? null
              : { currency: flow.currency, effectiveFrom: date, unitsPerUsd: source.exchangeRate },
        };
    } else if (this.#tracer) {
      conversion = this.#rates.convert(amount, flow.currency, date);
      cents = conversion.amountUsdCents;
    } else {
      dateDay = this.#day(date);
      cents = this.#rates.centsOnDay(amount, flow.currency, dateDay, date);
    }

    // Usage period: as given, else the day the flow was first recorded (see flowUsage).
    const first = flow.history?.[0]?.date ?? flow.statusDate;
    const usageFrom = flow.usageStart ?? first;
    const usageTo = flow.usageEnd ?? flow.usageStart ?? first;
    // Usually the status date itself (the same string): no second look-up.
    const start = usageFrom === date && dateDay >= 0 ? dateDay : this.#day(usageFrom);
    const end = usageTo === usageFrom ? start : this.#day(usageTo);
    if (end < start)
      throw new InvalidDateError(
        `${usageFrom}..${usageTo}`,
        `flow ${flow.id}: usage ends before it starts`,
      );

    const t = this.totals;
    const op = t.ops.id(flow.operationCode);
    const keyB = cellKeyB(type, t.donors.id(flow.donorCode));
    const keyA = cellKeyA(op, t.tasks.id(flow.taskCode), t.entities.id(flow.recipientEntityCode));
    const from = flow.transferFromEntityCode ?? null;
    const sourceKeyA =
      from === null
        ? -1
        : cellKeyA(op, t.tasks.id(flow.transferFromTaskCode ?? null), t.entities.id(from));

    // Fast path (most flows): no category to split, used within one period, nothing to trace —
    // exactly what #emit does in that case, without its spreading and splitting machinery.
    if (this.#tracer === null && (flow.categoryCode ?? null) === null) {
      const compiled = this.#compiled;
      const index = compiled.indexOfDay(start);
      if (start === end || compiled.segmentEnd(index, start) >= end) {
        if (cents !== 0) {
          const sub = t.periodCode(index) * 16;
          t.add(keyA, keyB, sub, measure, cents);
          if (sourceKeyA >= 0) t.add(sourceKeyA, keyB, sub, measure, -cents);
        }
        return;
      }
    }

    this.#emit(
      flow.id,
      flow.recipientEntityCode,
      flow.categoryCode ?? null,
      cents,
      start,
      end,
      keyA,
      keyB,
      sourceKeyA,
      measure,
      this.#tracer && conversion
        ? {
            record: { kind: "flow", flow },
            conversion,
            usage: [usageFrom, usageTo],
            operationCode: flow.operationCode,
            taskCode: flow.taskCode,
            donorCode: flow.donorCode,
            fundingType: flow.fundingType,
            fromEntity: from,
            fromTask: flow.transferFromTaskCode ?? null,
          }
        : null,
    );
  }

  /**
   * Adds budget lines. Rows are grouped by `lineRef`; the requirement is the amount of the highest
   * stage present (revised > appropriated > recommended > proposed), "appropriated" is the approved
   * amount (revised, else appropriated) and "expended" the expended row. Each row is converted at
   * the rate in force on the line's first day.
   */
  lines(rows: readonly RequirementLine[]): void {
    // One pass groups rows by line (in order of first appearance) into typed arrays: which row is
    // the highest stage, the approved one and the expended one, and the first invalid row. Errors
    // are raised in line order, as if each line had been checked in turn.
    const n = rows.length;
    const groupOf = new Map<string, number>();
    const best = new Int32Array(n);
    const approved = new Int32Array(n);
    const expended = new Int32Array(n);
    const seen = new Int32Array(n); // bit per stage
    const invalid = new Int32Array(n); // first invalid row + 1 (0: none)
    let groups = 0;
    let lastRef: string | null = null;
    let lastGroup = 0;
    for (let i = 0; i < n; i++) {
      const row = rows[i]!;
      // Rows of one line usually follow each other: no look-up for the second and later ones.
      let g = row.lineRef === lastRef ? lastGroup : groupOf.get(row.lineRef);
      if (g === undefined) {
        g = groups++;
        groupOf.set(row.lineRef, g);
        best[g] = -1;
        approved[g] = -1;
        expended[g] = -1;
      }
      lastRef = row.lineRef;
      lastGroup = g;
      if (invalid[g] !== 0) continue;
      const rank = stageRank(row.stage);
      const bit = 1 << (rank ?? 7);
      if (seen[g]! & bit || rank === undefined) {
        invalid[g] = i + 1;
        continue;
      }
      seen[g] = seen[g]! | bit;
      const b = best[g]!;
      if (rank > 0 && (b < 0 || rank > stageRank(rows[b]!.stage)!)) best[g] = i;
      if (
        (row.stage === "revised" || row.stage === "appropriated") &&
        (approved[g]! < 0 || row.stage === "revised")
      )
        approved[g] = i;
      if (row.stage === "expended") expended[g] = i;
    }
    for (let g = 0; g < groups; g++) {
      if (invalid[g] !== 0) {
        const row = rows[invalid[g]! - 1]!;
        if ((REQUIREMENT_PRECEDENCE[row.stage] as number | undefined) === undefined)
          throw new InvalidRecordError(row.lineRef, `unknown stage "${row.stage}"`);
        throw new InvalidRecordError(
          row.lineRef,
          `two "${row.stage}" rows (a supplementary appropriation is a line of its own)`,
        );
      }
      if (best[g]! >= 0) this.#line(rows[best[g]!]!, MEASURE_INDEX.requirement);
      if (approved[g]! >= 0) this.#line(rows[approved[g]!]!, MEASURE_INDEX.appropriated);
      if (expended[g]! >= 0) this.#line(rows[expended[g]!]!, MEASURE_INDEX.expended);
    }
  }

  #line(row: RequirementLine, measure: number): void {
    if (!Number.isSafeInteger(row.amountMinor) || row.amountMinor < 0)
      throw new InvalidRecordError(
        row.lineRef,
        `amount ${row.amountMinor} is not a safe integer ≥ 0`,
      );
    const start = this.#day(row.periodStart);
    const end = this.#day(row.periodEnd);
    if (end < start)
      throw new InvalidDateError(
        `${row.periodStart}..${row.periodEnd}`,
        `line ${row.lineRef}: period ends before it starts`,
      );
    const conversion = this.#tracer
      ? this.#rates.convert(row.amountMinor, row.currency, row.periodStart)
      : null;
    const cents = conversion
      ? conversion.amountUsdCents
      : this.#rates.centsOnDay(row.amountMinor, row.currency, start, row.periodStart);
    const t = this.totals;
    const keyA = cellKeyA(
      t.ops.id(row.operationCode),
      t.tasks.id(row.taskCode),
      t.entities.id(row.entityCode),
    );
    this.#emit(
      row.lineRef,
      row.entityCode,
      row.categoryCode ?? null,
      cents,
      start,
      end,
      keyA,
      0,
      -1,
      measure,
      conversion
        ? {
            record: { kind: "requirement", line: row },
            conversion,
            usage: [row.periodStart, row.periodEnd],
            operationCode: row.operationCode,
            taskCode: row.taskCode,
            donorCode: null,
            fundingType: null,
            fromEntity: null,
            fromTask: null,
          }
        : null,
    );
  }

  // Crosswalk mappings cached per entity and category (the crosswalk keys by a joined string).
  readonly #mappings = new Map<string, Map<string, CategoryMapping | null>>();

  #mapping(entityCode: string, taxonomy: string, categoryCode: string): CategoryMapping | null {
    let byCategory = this.#mappings.get(entityCode);
    if (!byCategory) {
      byCategory = new Map<string, CategoryMapping | null>();
      this.#mappings.set(entityCode, byCategory);
    }
    let mapping = byCategory.get(categoryCode);
    if (mapping === undefined) {
      mapping = this.#crosswalk?.mapping(taxonomy, categoryCode) ?? null;
      byCategory.set(categoryCode, mapping);
    }
    return mapping;
  }

  #emit(
    recordId: string,
    entityCode: string,
    categoryCode: string | null,
    cents: number,
    start: number,
    end: number,
    keyA: number,
    keyB: number,
    sourceKeyA: number,
    measure: number,
    trace: TraceContext | null,
  ): void {
    // Category mapping (targets and weights) is fixed per record; resolve it once.
    let targets: readonly number[] | null = null;
    let weights: readonly number[] | null = null;
    let weightSum = 1;
    if (categoryCode !== null) {
      const taxonomy = this.#taxonomy.get(entityCode) ?? entityCode;
      const mapping = this.#mapping(entityCode, taxonomy, categoryCode);
      if (mapping) {
        targets = mapping.targets;
        weights = mapping.weights;
        weightSum = mapping.weightSum;
      } else if (this.#unmapped === "error" && !isCommon(categoryCode)) {
        throw new CrosswalkError(
          `No crosswalk for category ${taxonomy}/${categoryCode} (record ${recordId})`,
        );
      }
    }
    const t = this.totals;
    const buf = this.#spread;
    const n = spreadInto(cents, start, end, this.#compiled, buf);
    const catParts = this.#catParts;
    for (let i = 0; i < n; i++) {
      const periodIndex = buf.indexes[i]!;
      const periodBase = t.periodCode(periodIndex) * 16;
      const part = buf.parts[i]!;
      const k = targets ? targets.length : 1;
      if (targets && weights) allocateNumbers(part, weights, k, weightSum, catParts);
      else catParts[0] = part;
      for (let c = 0; c < k; c++) {
        const category = targets ? targets[c]! : 0;
        const amount = catParts[c]!;
        if (amount === 0) continue;
        t.add(keyA, keyB, periodBase + category, measure, amount);
        if (sourceKeyA >= 0) t.add(sourceKeyA, keyB, periodBase + category, measure, -amount);
        if (this.#tracer && trace) {
          const dims = trace;
          const base = {
            record: trace.record,
            measure: MEASURE_NAMES[measure]!,
            fundingType: dims.fundingType,
            donorCode: dims.donorCode,
            operationCode: dims.operationCode,
            conversion: trace.conversion,
            usage: trace.usage,
            periodIndex: periodIndex === OUTSIDE ? OUTSIDE : periodIndex,
            overlapDays: buf.days[i]!,
            usageDays: end - start + 1,
            categoryCode: commonCategoryCode(category),
            share:
              targets && weights
                ? { numerator: weights[c]!, denominator: weightSum }
                : { numerator: 1, denominator: 1 },
          };
          this.#tracer({
            ...base,
            leg: "final",
            taskCode: dims.taskCode,
            entityCode,
            usdCents: cents,
            periodCents: part,
            cents: amount,
          });
          if (sourceKeyA >= 0 && dims.fromEntity !== null)
            this.#tracer({
              ...base,
              leg: "source",
              taskCode: dims.fromTask,
              entityCode: dims.fromEntity,
              usdCents: -cents,
              periodCents: -part,
              cents: -amount,
            });
        }
      }
    }
  }
}

const MEASURE_NAMES = [
  "requirement",
  "appropriated",
  "expended",
  "pledged",
  "committed",
  "paid",
] as const;

function isCommon(code: string): boolean {
  return /^UNSDG-[1-8]$/.test(code);
}

/**
 * Converts, spreads and categorises records into {@link PartialTotals} (BRIEF items 1–6):
 * conversion first on the whole amount, then spreading over periods by days of overlap, then the
 * crosswalk split; a transfer's final leg is added to its recipient and taken off its source
 * entity, so internal money is counted once.
 *
 * @throws UnknownCurrencyError, MissingRateError, InvalidRecordError, InvalidDateError, CrosswalkError
 * @example
 * const totals = buildTotals({ flows, requirementLines }, { scheme: { kind: "peacekeeping" }, rates });
 * const all = mergeTotals(totals, buildTotals({ flows: moreFlows }, sameOptions));
 */
export function buildTotals(records: ReconcileRecords, options: BuildOptions): PartialTotals {
  const processor = new RecordProcessor(
    options,
    null,
    undefined,
    (records.flows?.length ?? 0) + (records.requirementLines?.length ?? 0),
  );
  if (records.requirementLines) processor.lines(records.requirementLines);
  for (const flow of records.flows ?? []) processor.flow(flow);
  return processor.totals;
}
