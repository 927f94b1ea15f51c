import { commonCategoryCode, commonCategoryIndex } from "./crosswalk";
import { CapacityError, IncompatibleTotalsError, MoneyOverflowError } from "./errors";
import { compileScheme } from "./periods";
import type { CompiledScheme, PeriodScheme } from "./periods";
import { FUNDING_TYPES } from "./types";
import type { FundingType } from "./types";

/** The sums kept per cell, all in USD cents. */
export const MEASURES = [
  "requirement",
  "appropriated",
  "expended",
  "pledged",
  "committed",
  "paid",
] as const;
export type Measure = (typeof MEASURES)[number];
const M = MEASURES.length;

/** Column of a measure in a cell row. @internal */
export const MEASURE_INDEX = {
  requirement: 0,
  appropriated: 1,
  expended: 2,
  pledged: 3,
  committed: 4,
  paid: 5,
} as const satisfies Record<Measure, number>;

/**
 * One cell of partial totals: the finest grain the reconciliation keeps. `periodIndex` is the
 * start year (yearly schemes) or position (custom; −1 = outside every period). Requirements have
 * no donor and no funding type (null).
 */
export interface TotalsCell {
  operationCode: string | null;
  taskCode: string | null;
  entityCode: string | null;
  donorCode: string | null;
  fundingType: FundingType | null;
  periodIndex: number;
  categoryCode: string;
  values: Record<Measure, number>;
}

/** Serialised partial totals (JSON-safe), see {@link PartialTotals.toJSON}. */
export interface PartialTotalsJson {
  version: 1;
  scheme: PeriodScheme;
  asOf: string | null;
  cells: TotalsCell[];
}

// Bit layout of a stream key (53 bits): operation 10 | task 11 | entity 10 | type 3 | donor 19.
const OP_LIMIT = 1024;
const TASK_LIMIT = 2048;
const ENTITY_LIMIT = 1024;
const TYPE_LIMIT = 8;
const DONOR_LIMIT = 524288;
// Cell key = stream id · 2^17 + period code · 16 + category (period code 13 bits).
const PERIOD_LIMIT = 8192;
const CELL_STREAM_FACTOR = PERIOD_LIMIT * 16;

/** Interns strings of one dimension to small integers; id 0 is always `null`. @internal */
export class Dictionary {
  readonly values: (string | null)[] = [null];
  readonly #ids = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly limit: number,
  ) {}

  id(value: string | null): number {
    if (value === null) return 0;
    const found = this.#ids.get(value);
    if (found !== undefined) return found;
    const id = this.values.length;
    if (id >= this.limit)
      throw new CapacityError(`More than ${this.limit - 1} distinct ${this.name} values`);
    this.values.push(value);
    this.#ids.set(value, id);
    return id;
  }

  /** The id of a value already interned, or −1 (never adds). */
  lookup(value: string | null): number {
    if (value === null) return 0;
    return this.#ids.get(value) ?? -1;
  }

  value(id: number): string | null {
    return this.values[id] ?? null;
  }
}

/** @internal */
export function fundingTypeId(type: FundingType | null): number {
  return type === null ? 0 : FUNDING_TYPES.indexOf(type) + 1;
}

/**
 * Sums of converted, spread and categorised records, per (operation, task, entity, donor,
 * funding type, period, common category): the monoid the reconciliation is built from.
 *
 * `PartialTotals.empty(scheme)` is the identity and {@link mergeTotals} the associative,
 * commutative operation, so totals of disjoint record sets can be computed once, kept
 * ({@link PartialTotals.toJSON}) and combined later, giving exactly what computing them at once
 * gives. Everything that is not a plain sum — task validation against mandates, attribution of
 * assessed money, gaps and coverage — happens after merging, in {@link finalizeTotals}.
 *
 * Instances are treated as immutable once built: merging returns a new object.
 */
export class PartialTotals {
  readonly scheme: PeriodScheme;
  readonly compiled: CompiledScheme;
  readonly asOf: string | null;
  /** @internal */ readonly ops = new Dictionary("operation", OP_LIMIT);
  /** @internal */ readonly tasks = new Dictionary("task", TASK_LIMIT);
  /** @internal */ readonly entities = new Dictionary("entity", ENTITY_LIMIT);
  /** @internal */ readonly donors = new Dictionary("donor", DONOR_LIMIT);
  /** @internal stream id → stream key */ readonly streamKeys: number[] = [];
  readonly #streamIds = new Map<number, number>();
  readonly #cellRows = new Map<number, number>();
  /** @internal row → cell key */ cellKeys = new Float64Array(1024);
  /** @internal row·6 + measure */ values = new Float64Array(1024 * M);
  /** @internal */ rowCount = 0;

  private constructor(scheme: PeriodScheme, compiled: CompiledScheme, asOf: string | null) {
    this.scheme = scheme;
    this.compiled = compiled;
    this.asOf = asOf;
  }

  /** The identity of {@link mergeTotals}: no records. @example PartialTotals.empty({ kind: "peacekeeping" }).cellCount // → 0 */
  static empty(scheme: PeriodScheme | CompiledScheme, asOf: string | null = null): PartialTotals {
    const compiled = "key" in scheme ? scheme : compileScheme(scheme);
    return new PartialTotals(compiled.scheme, compiled, asOf);
  }

  /** Number of cells kept (including cells whose sums cancelled to zero). */
  get cellCount(): number {
    return this.rowCount;
  }

  /** @internal A stream = the dimensions that do not vary within one record. */
  streamId(op: number, task: number, entity: number, type: number, donor: number): number {
    const key =
      (((op * TASK_LIMIT + task) * ENTITY_LIMIT + entity) * TYPE_LIMIT + type) * DONOR_LIMIT +
      donor;
    let id = this.#streamIds.get(key);
    if (id === undefined) {
      id = this.streamKeys.length;
      this.streamKeys.push(key);
      this.#streamIds.set(key, id);
    }
    return id;
  }

  /** @internal Period index → code kept in the cell key. */
  periodCode(index: number): number {
    const code = this.compiled.scheme.kind === "custom" ? index + 1 : index;
    if (code < 0 || code >= PERIOD_LIMIT)
      throw new CapacityError(`Period index ${index} is outside the supported range`);
    return code;
  }

  /** @internal Adds `cents` to one measure of a cell. */
  add(stream: number, periodCode: number, category: number, measure: number, cents: number): void {
    const cellKey = stream * CELL_STREAM_FACTOR + periodCode * 16 + category;
    let row = this.#cellRows.get(cellKey);
    if (row === undefined) {
      row = this.rowCount++;
      if (row === this.cellKeys.length) this.#grow();
      this.cellKeys[row] = cellKey;
      this.#cellRows.set(cellKey, row);
    }
    const at = row * M + measure;
    const sum = this.values[at]! + cents;
    if (!Number.isSafeInteger(sum)) throw new MoneyOverflowError("partial totals");
    this.values[at] = sum;
  }

  #grow(): void {
    const keys = new Float64Array(this.cellKeys.length * 2);
    keys.set(this.cellKeys);
    this.cellKeys = keys;
    const values = new Float64Array(this.values.length * 2);
    values.set(this.values);
    this.values = values;
  }

  /** @internal Decodes a row's dimensions. */
  decode(row: number): {
    op: number;
    task: number;
    entity: number;
    type: number;
    donor: number;
    periodIndex: number;
    category: number;
  } {
    const cellKey = this.cellKeys[row]!;
    const category = cellKey % 16;
    const periodCode = Math.floor(cellKey / 16) % PERIOD_LIMIT;
    let key = this.streamKeys[Math.floor(cellKey / CELL_STREAM_FACTOR)]!;
    const donor = key % DONOR_LIMIT;
    key = Math.floor(key / DONOR_LIMIT);
    const type = key % TYPE_LIMIT;
    key = Math.floor(key / TYPE_LIMIT);
    const entity = key % ENTITY_LIMIT;
    key = Math.floor(key / ENTITY_LIMIT);
    const task = key % TASK_LIMIT;
    const op = Math.floor(key / TASK_LIMIT);
    const periodIndex = this.compiled.scheme.kind === "custom" ? periodCode - 1 : periodCode;
    return { op, task, entity, type, donor, periodIndex, category };
  }

  /**
   * Every cell with at least one non-zero sum, in a canonical order (so two totals are equal iff
   * their `cells()` are deep-equal, however they were built or merged).
   */
  cells(): TotalsCell[] {
    const out: TotalsCell[] = [];
    for (let row = 0; row < this.rowCount; row++) {
      let nonZero = false;
      for (let m = 0; m < M; m++) if (this.values[row * M + m] !== 0) nonZero = true;
      if (!nonZero) continue;
      const d = this.decode(row);
      const values = {} as Record<Measure, number>;
      MEASURES.forEach((name, m) => (values[name] = this.values[row * M + m]!));
      out.push({
        operationCode: this.ops.value(d.op),
        taskCode: this.tasks.value(d.task),
        entityCode: this.entities.value(d.entity),
        donorCode: this.donors.value(d.donor),
        fundingType: d.type === 0 ? null : FUNDING_TYPES[d.type - 1]!,
        periodIndex: d.periodIndex,
        categoryCode: commonCategoryCode(d.category),
        values,
      });
    }
    return out.sort(compareCells);
  }

  /** @internal Adds every cell of `other` (same settings) into this one. */
  absorb(other: PartialTotals): void {
    for (let row = 0; row < other.rowCount; row++) {
      const d = other.decode(row);
      const stream = this.streamId(
        this.ops.id(other.ops.value(d.op)),
        this.tasks.id(other.tasks.value(d.task)),
        this.entities.id(other.entities.value(d.entity)),
        d.type,
        this.donors.id(other.donors.value(d.donor)),
      );
      const periodCode = this.periodCode(d.periodIndex);
      for (let m = 0; m < M; m++) {
        const v = other.values[row * M + m]!;
        if (v !== 0) this.add(stream, periodCode, d.category, m, v);
      }
    }
  }

  /** JSON-safe form, to keep computed totals (e.g. per import batch) and merge them later. */
  toJSON(): PartialTotalsJson {
    return { version: 1, scheme: this.scheme, asOf: this.asOf, cells: this.cells() };
  }

  /** Rebuilds totals from {@link toJSON}'s output. */
  static fromJSON(json: PartialTotalsJson): PartialTotals {
    const totals = PartialTotals.empty(json.scheme, json.asOf);
    for (const cell of json.cells) {
      const stream = totals.streamId(
        totals.ops.id(cell.operationCode),
        totals.tasks.id(cell.taskCode),
        totals.entities.id(cell.entityCode),
        fundingTypeId(cell.fundingType),
        totals.donors.id(cell.donorCode),
      );
      const category = commonCategoryIndex(cell.categoryCode);
      if (category === undefined)
        throw new IncompatibleTotalsError(`Unknown category ${cell.categoryCode} in stored totals`);
      const periodCode = totals.periodCode(cell.periodIndex);
      MEASURES.forEach((name, m) => {
        if (cell.values[name] !== 0) totals.add(stream, periodCode, category, m, cell.values[name]);
      });
    }
    return totals;
  }
}

function compareStrings(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

function compareCells(a: TotalsCell, b: TotalsCell): number {
  return (
    compareStrings(a.operationCode, b.operationCode) ||
    a.periodIndex - b.periodIndex ||
    compareStrings(a.taskCode, b.taskCode) ||
    compareStrings(a.entityCode, b.entityCode) ||
    compareStrings(a.donorCode, b.donorCode) ||
    compareStrings(a.fundingType, b.fundingType) ||
    compareStrings(a.categoryCode, b.categoryCode)
  );
}

/**
 * Merges partial totals built with the same period scheme and as-of date (and, by contract, the
 * same rates, crosswalk and entities). Associative and commutative, with
 * `PartialTotals.empty(scheme)` as identity. Records must be in exactly one of the inputs.
 * @throws IncompatibleTotalsError
 * @example mergeTotals(buildTotals(batch1, ctx), buildTotals(batch2, ctx)).cells() // deep-equals buildTotals(all, ctx).cells()
 */
export function mergeTotals(...parts: readonly PartialTotals[]): PartialTotals {
  const first = parts[0];
  if (!first) throw new IncompatibleTotalsError("mergeTotals needs at least one input");
  const result = PartialTotals.empty(first.compiled, first.asOf);
  for (const part of parts) {
    if (part.compiled.key !== first.compiled.key)
      throw new IncompatibleTotalsError(
        `Cannot merge totals by ${first.compiled.key} with totals by ${part.compiled.key}`,
      );
    if (part.asOf !== first.asOf)
      throw new IncompatibleTotalsError(
        `Cannot merge totals as of ${first.asOf ?? "now"} with totals as of ${part.asOf ?? "now"}`,
      );
    result.absorb(part);
  }
  return result;
}
