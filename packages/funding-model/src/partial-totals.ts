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

// Capacities. A cell is keyed by three int32: operation 10 bits | task 11 | entity 10, funding
// type 3 | donor 19, and period code · 16 + category (period code < 8192).
const OP_LIMIT = 1024;
const TASK_LIMIT = 2048;
const ENTITY_LIMIT = 1024;
const DONOR_LIMIT = 524288;
const PERIOD_LIMIT = 8192;

/**
 * Cells live in one open-addressing hash table whose slots are 64 bytes — one cache line: three
 * int32 keys and a used flag, then the six sums as float64. Adding to a cell touches one line
 * (plus its neighbours on a collision), where a table of ids beside a separate value array would
 * touch two or three: at a million cells nearly every touch is a cache miss, so that is the cost.
 * @internal
 */
export const SLOT_INTS = 16;
/** @internal float64 index of a slot's first sum = slot · SLOT_FLOATS + VALUE_OFFSET. */
export const SLOT_FLOATS = 8;
/** @internal */
export const VALUE_OFFSET = 2;
const MAX_LOAD = 0.7;

/** @internal First cell key: operation, task, entity. */
export function cellKeyA(op: number, task: number, entity: number): number {
  return (op << 21) | (task << 10) | entity;
}

/** @internal Second cell key: funding type, donor. */
export function cellKeyB(type: number, donor: number): number {
  return (type << 19) | donor;
}

function hashCell(a: number, b: number, sub: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ (b >>> 15), 0x85ebca6b);
  h ^= Math.imul(sub, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 16);
}

/** Dimension ids of one cell. @internal */
export interface DecodedCell {
  op: number;
  task: number;
  entity: number;
  type: number;
  donor: number;
  periodIndex: number;
  category: number;
}

/** @internal */
export function newDecodedCell(): DecodedCell {
  return { op: 0, task: 0, entity: 0, type: 0, donor: 0, periodIndex: 0, category: 0 };
}

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
 *
 * @example
 * const kept = buildTotals({ flows: batch1 }, options).toJSON(); // store it
 * const totals = mergeTotals(PartialTotals.fromJSON(kept), buildTotals({ flows: batch2 }, options));
 * finalizeTotals(totals, options).taskTable("MINUSCA", 2023);
 */
export class PartialTotals {
  readonly scheme: PeriodScheme;
  readonly compiled: CompiledScheme;
  readonly asOf: string | null;
  /** @internal */ readonly ops = new Dictionary("operation", OP_LIMIT);
  /** @internal */ readonly tasks = new Dictionary("task", TASK_LIMIT);
  /** @internal */ readonly entities = new Dictionary("entity", ENTITY_LIMIT);
  /** @internal */ readonly donors = new Dictionary("donor", DONOR_LIMIT);
  #mask: number;
  #used = 0;
  #limit: number;
  #keys: Int32Array;
  #values: Float64Array;

  private constructor(
    scheme: PeriodScheme,
    compiled: CompiledScheme,
    asOf: string | null,
    capacity: number,
  ) {
    // Presized from the record count (about one cell per record): growing rehashes every cell.
    let slots = 16;
    while (slots * MAX_LOAD < capacity && slots < 1 << 24) slots *= 2;
    this.#mask = slots - 1;
    this.#limit = Math.floor(slots * MAX_LOAD);
    const buffer = new ArrayBuffer(slots * SLOT_FLOATS * 8);
    this.#keys = new Int32Array(buffer);
    this.#values = new Float64Array(buffer);
    this.scheme = scheme;
    this.compiled = compiled;
    this.asOf = asOf;
  }

  /** The identity of {@link mergeTotals}: no records. @example PartialTotals.empty({ kind: "peacekeeping" }).cellCount // → 0 */
  static empty(
    scheme: PeriodScheme | CompiledScheme,
    asOf: string | null = null,
    capacityHint = 1024,
  ): PartialTotals {
    const compiled = "key" in scheme ? scheme : compileScheme(scheme);
    return new PartialTotals(compiled.scheme, compiled, asOf, capacityHint);
  }

  /** Number of cells kept (including cells whose sums cancelled to zero). */
  get cellCount(): number {
    return this.#used;
  }

  /** @internal Number of slots: cells are the used slots in [0, slotCount). */
  get slotCount(): number {
    return this.#mask + 1;
  }

  /** @internal Per slot: key a, key b, period code · 16 + category, 1 if used (int32 view). */
  get keys(): Int32Array {
    return this.#keys;
  }

  /** @internal Per slot: sums at slot · SLOT_FLOATS + VALUE_OFFSET + measure (same buffer). */
  get values(): Float64Array {
    return this.#values;
  }

  /** @internal Period index → code kept in the cell key. */
  periodCode(index: number): number {
    const code = this.compiled.scheme.kind === "custom" ? index + 1 : index;
    if (code < 0 || code >= PERIOD_LIMIT)
      throw new CapacityError(`Period index ${index} is outside the supported range`);
    return code;
  }

  /**
   * @internal The slot of a cell (keys from {@link cellKeyA}, {@link cellKeyB}; `sub` = period
   * code · 16 + category), added if new.
   */
  slot(a: number, b: number, sub: number): number {
    return this.#slot(a, b, sub, hashCell(a, b, sub));
  }

  #slot(a: number, b: number, sub: number, hash: number): number {
    const keys = this.#keys;
    const mask = this.#mask;
    let i = hash & mask;
    for (;;) {
      const at = i * SLOT_INTS;
      if (keys[at + 3] === 0) {
        if (this.#used >= this.#limit) {
          this.#grow();
          return this.#slot(a, b, sub, hash);
        }
        keys[at] = a;
        keys[at + 1] = b;
        keys[at + 2] = sub;
        keys[at + 3] = 1;
        this.#used++;
        return i;
      }
      if (keys[at] === a && keys[at + 1] === b && keys[at + 2] === sub) return i;
      i = (i + 1) & mask;
    }
  }

  /** @internal Adds `cents` to one measure of a cell. */
  add(a: number, b: number, sub: number, measure: number, cents: number): void {
    const at = this.#slot(a, b, sub, hashCell(a, b, sub)) * SLOT_FLOATS + VALUE_OFFSET + measure;
    const values = this.#values;
    const sum = values[at]! + cents;
    if (!Number.isSafeInteger(sum)) throw new MoneyOverflowError("partial totals");
    values[at] = sum;
  }

  #grow(): void {
    const oldKeys = this.#keys;
    const oldValues = this.#values;
    const oldSlots = this.#mask + 1;
    const slots = oldSlots * 2;
    if (slots > 1 << 26) throw new CapacityError("More than 46 million cells in partial totals");
    const buffer = new ArrayBuffer(slots * SLOT_FLOATS * 8);
    const keys = new Int32Array(buffer);
    const values = new Float64Array(buffer);
    const mask = slots - 1;
    for (let s = 0; s < oldSlots; s++) {
      const from = s * SLOT_INTS;
      if (oldKeys[from + 3] === 0) continue;
      const a = oldKeys[from]!;
      const b = oldKeys[from + 1]!;
      const sub = oldKeys[from + 2]!;
      let i = hashCell(a, b, sub) & mask;
      while (keys[i * SLOT_INTS + 3] !== 0) i = (i + 1) & mask;
      keys.set(oldKeys.subarray(from, from + 4), i * SLOT_INTS);
      const v = s * SLOT_FLOATS + VALUE_OFFSET;
      values.set(oldValues.subarray(v, v + M), i * SLOT_FLOATS + VALUE_OFFSET);
    }
    this.#keys = keys;
    this.#values = values;
    this.#mask = mask;
    this.#limit = Math.floor(slots * MAX_LOAD);
  }

  /**
   * @internal Decodes a used slot's dimensions into `out` (reused by callers that decode every
   * cell, so a million cells do not become a million short-lived objects).
   */
  decode(slot: number, out: DecodedCell = newDecodedCell()): DecodedCell {
    const at = slot * SLOT_INTS;
    const a = this.keys[at]!;
    const b = this.keys[at + 1]!;
    const sub = this.keys[at + 2]!;
    const periodCode = sub >> 4;
    out.op = a >>> 21;
    out.task = (a >>> 10) & (TASK_LIMIT - 1);
    out.entity = a & (ENTITY_LIMIT - 1);
    out.type = b >>> 19;
    out.donor = b & (DONOR_LIMIT - 1);
    out.periodIndex = this.compiled.scheme.kind === "custom" ? periodCode - 1 : periodCode;
    out.category = sub & 15;
    return out;
  }

  /** @internal True if the slot holds a cell with at least one non-zero sum. */
  nonZero(slot: number): boolean {
    if (this.keys[slot * SLOT_INTS + 3] === 0) return false;
    const v = this.values;
    const at = slot * SLOT_FLOATS + VALUE_OFFSET;
    return (
      v[at] !== 0 ||
      v[at + 1] !== 0 ||
      v[at + 2] !== 0 ||
      v[at + 3] !== 0 ||
      v[at + 4] !== 0 ||
      v[at + 5] !== 0
    );
  }

  /**
   * Every cell with at least one non-zero sum, in a canonical order (so two totals are equal iff
   * their `cells()` are deep-equal, however they were built or merged).
   */
  cells(): TotalsCell[] {
    const out: TotalsCell[] = [];
    const d = newDecodedCell();
    for (let slot = 0; slot < this.slotCount; slot++) {
      if (!this.nonZero(slot)) continue;
      this.decode(slot, d);
      const values = {} as Record<Measure, number>;
      const at = slot * SLOT_FLOATS + VALUE_OFFSET;
      MEASURES.forEach((name, m) => (values[name] = this.values[at + m]!));
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
    const d = newDecodedCell();
    for (let slot = 0; slot < other.slotCount; slot++) {
      if (!other.nonZero(slot)) continue;
      other.decode(slot, d);
      const a = cellKeyA(
        this.ops.id(other.ops.value(d.op)),
        this.tasks.id(other.tasks.value(d.task)),
        this.entities.id(other.entities.value(d.entity)),
      );
      const b = cellKeyB(d.type, this.donors.id(other.donors.value(d.donor)));
      const sub = this.periodCode(d.periodIndex) * 16 + d.category;
      const at = slot * SLOT_FLOATS + VALUE_OFFSET;
      for (let m = 0; m < M; m++) {
        const v = other.values[at + m]!;
        if (v !== 0) this.add(a, b, sub, m, v);
      }
    }
  }

  /** JSON-safe form, to keep computed totals (e.g. per import batch) and merge them later. */
  toJSON(): PartialTotalsJson {
    return { version: 1, scheme: this.scheme, asOf: this.asOf, cells: this.cells() };
  }

  /** Rebuilds totals from {@link toJSON}'s output. */
  static fromJSON(json: PartialTotalsJson): PartialTotals {
    const totals = PartialTotals.empty(json.scheme, json.asOf, json.cells.length);
    for (const cell of json.cells) {
      const a = cellKeyA(
        totals.ops.id(cell.operationCode),
        totals.tasks.id(cell.taskCode),
        totals.entities.id(cell.entityCode),
      );
      const b = cellKeyB(fundingTypeId(cell.fundingType), totals.donors.id(cell.donorCode));
      const category = commonCategoryIndex(cell.categoryCode);
      if (category === undefined)
        throw new IncompatibleTotalsError(`Unknown category ${cell.categoryCode} in stored totals`);
      const sub = totals.periodCode(cell.periodIndex) * 16 + category;
      MEASURES.forEach((name, m) => {
        if (cell.values[name] !== 0) totals.add(a, b, sub, m, cell.values[name]);
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
  let cells = 0;
  for (const part of parts) cells += part.cellCount;
  const result = PartialTotals.empty(first.compiled, first.asOf, cells);
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
