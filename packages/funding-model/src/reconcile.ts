import { allocateBigInto, allocateNumbers } from "./allocate";
import { buildTotals } from "./build-totals";
import type { BuildOptions, ReconcileRecords } from "./build-totals";
import { commonCategoryCode } from "./crosswalk";
import { fromDayNumber } from "./dates";
import { deriveFigures, emptySums } from "./figures";
import type { FigureSums, Figures } from "./figures";
import { mandateView } from "./mandates";
import type { MandateView, TaskInForce } from "./mandates";
import { IntPairTable } from "./int-pair-table";
import {
  MEASURE_INDEX,
  SLOT_FLOATS,
  SLOT_INTS,
  VALUE_OFFSET,
  newDecodedCell,
} from "./partial-totals";
import type { DecodedCell, PartialTotals } from "./partial-totals";
import { OUTSIDE, periodByIndex } from "./periods";
import type { Period } from "./periods";
import { FUNDING_TYPES } from "./types";
import type { Entity, FundingType, Mandate } from "./types";

/** Where a cell's money shows at operation level. */
export type Bucket = "task" | "not_specified" | "unallocated";

/** Dimensions rows can be grouped by. */
export const GROUP_DIMENSIONS = [
  "operation",
  "period",
  "task",
  "bucket",
  "entity",
  "donor",
  "fundingType",
  "category",
  "attributed",
] as const;
export type GroupDimension = (typeof GROUP_DIMENSIONS)[number];

/** The values of the grouped dimensions of a row (only those asked for are set). */
export interface RowKey {
  operationCode?: string | null;
  /** Null for days outside every custom period. */
  period?: Period | null;
  /** Null in the "Not specified" and "unallocated" buckets. */
  taskCode?: string | null;
  bucket?: Bucket;
  entityCode?: string | null;
  /** Null for requirements (they have no donor). */
  donorCode?: string | null;
  /** Null for requirements (they have no funding type). */
  fundingType?: FundingType | null;
  categoryCode?: string;
  attributed?: boolean;
}

/** Restricts {@link Reconciliation.rows} to matching cells. */
export interface RowFilter {
  operationCode?: string | null;
  periodIndex?: number;
  taskCode?: string | null;
  bucket?: Bucket;
  entityCode?: string | null;
  donorCode?: string | null;
  fundingType?: FundingType | null;
  categoryCode?: string;
  attributed?: boolean;
}

export interface FigureRow {
  key: RowKey;
  figures: Figures;
}

export interface TaskTableRow {
  taskCode: string;
  title: string;
  rank: number;
  inLatestMandate: boolean;
  figures: Figures;
}

/** The dashboard's main table for one operation and period. */
export interface TaskTable {
  operationCode: string;
  period: Period;
  /** Resolution of the latest mandate in force, or null for an operation without a mandate. */
  resolution: string | null;
  /** Every task in force, in rank order, including tasks with no requirement and no money. */
  tasks: TaskTableRow[];
  /** Money (and requirements) without a known task and not attributed. */
  notSpecified: Figures;
  /** Money held by pooled funds and not yet allocated to a task, per fund. */
  unallocated: { entityCode: string; figures: Figures }[];
  /** Sum of all of the above: everything the operation has for the period. */
  total: Figures;
}

/** See {@link Reconciliation.placement}. @internal */
export type Placement =
  | { kind: "task"; taskCode: string }
  | { kind: "not_specified"; reason: string }
  | { kind: "unallocated" }
  | {
      kind: "attributed";
      tasks: { taskCode: string; rank: number; weightCents: number }[];
      totalWeight: number;
    };

/** Settings of {@link finalizeTotals}. */
export interface FinalizeOptions {
  mandates: readonly Mandate[];
  /** Entity kinds decide which untasked money is a pooled fund's unallocated balance. */
  entities?: readonly Entity[];
}

interface ViewEntry {
  view: MandateView;
  /** task dictionary id → position in view.tasks */
  positions: Map<number, number>;
  /** position → task dictionary id (−1 for a task no record mentions: it can receive nothing). */
  idByPosition: number[];
}

const ASSESSED = 1; // fundingTypeId("assessed")
const MONEY = [MEASURE_INDEX.pledged, MEASURE_INDEX.committed, MEASURE_INDEX.paid] as const;
const M = 6;
const BUCKETS: readonly Bucket[] = ["task", "not_specified", "unallocated"];

/**
 * Final figures: partial totals after the steps that are not plain sums — tasks checked against
 * the mandates in force (unknown task → "Not specified"), assessed money without a task
 * attributed to tasks (BRIEF item 7), pooled funds' untasked money shown as unallocated. Query it
 * with {@link Reconciliation.rows} (any grouping, any drill-down) or
 * {@link Reconciliation.taskTable}. Every cell of the totals lands in exactly one final cell or is
 * split exactly over several, so any grouping sums back to the records.
 *
 * @example
 * const rec = reconcile(MINUSCA_DEMO, options);
 * rec.taskTable("MINUSCA", 2023).tasks[0]!.figures.gap; // → 3536759583 (cents)
 * rec.rows({ groupBy: ["donor"], where: { operationCode: "MINUSCA", taskCode: "CIV-PROTECT" } });
 * rec.total({ operationCode: "MINUSCA", fundingType: "assessed" }).paid;
 */
export class Reconciliation {
  readonly #totals: PartialTotals;
  readonly #views = new Map<number, ViewEntry | null>();
  readonly #mandates: readonly Mandate[];
  // Final cells are the partial-total cells themselves, not copies: one byte per slot says where
  // a cell lands (PLACE_*). Only attributed money makes new cells (one per task receiving some),
  // kept in the typed arrays below: a million cells must not become a million objects.
  readonly #place: Uint8Array;
  #cells = 0;
  #size = 0;
  #op = new Int32Array(0);
  #task = new Int32Array(0);
  #entity = new Int32Array(0);
  #donor = new Int32Array(0);
  #type = new Uint8Array(0);
  #period = new Int32Array(0);
  #category = new Uint8Array(0);
  #values = new Float64Array(0);
  readonly #weights = new Map<number, Float64Array>();
  // Task-table sums, built in the same pass: per (operation, period) a row of SUMS numbers for
  // each task, "Not specified" and each pooled fund, so task tables never scan cells.
  readonly #summaryIds = new IntPairTable(64);
  readonly #summaryRows = new IntPairTable(256);
  #sums = new Float64Array(256 * SUMS);
  readonly #funds: number[][] = [];
  readonly #pooled: ReadonlySet<string>;

  /** @internal Use {@link finalizeTotals}. */
  constructor(totals: PartialTotals, options: FinalizeOptions) {
    this.#totals = totals;
    this.#mandates = options.mandates;
    const pooled = new Set(
      (options.entities ?? []).filter((e) => e.kind === "pooled_fund").map((e) => e.code),
    );
    this.#pooled = pooled;
    const t = totals;
    const pooledById = new Uint8Array(t.entities.values.length);
    t.entities.values.forEach((code, id) => {
      if (code !== null && pooled.has(code)) pooledById[id] = 1;
    });
    const keys = t.keys;
    const values = t.values;
    const slots = t.slotCount;
    const custom = t.compiled.scheme.kind === "custom";
    const place = (this.#place = new Uint8Array(slots));
    // Per (operation, period): the view in force and the position of each task id (−1: not in it).
    const entries: (ViewEntry | null)[] = [];
    const positions: (Int16Array | null)[] = [];
    const weights = this.#weights;
    const pending: number[] = []; // assessed cells without a task: attributed once weights are known
    // Summary of each (operation, period): a small direct-mapped cache in front of the table.
    const cacheKey = new Int32Array(1024).fill(-1);
    const cacheSid = new Int32Array(1024);
    const notSpecifiedRows: number[] = [];
    // Task rows of the summaries, likewise: (summary, task) → row, direct-mapped.
    const taskKey = new Int32Array(4096).fill(-1);
    const taskRow = new Int32Array(4096);
    const taskRowOf = (sid: number, task: number): number => {
      const key = sid * 2048 + task;
      const at = Math.imul(key, 0x9e3779b1) >>> 20;
      if (taskKey[at] === key) return taskRow[at]!;
      const row = this.#rowId(sid, task);
      taskKey[at] = key;
      taskRow[at] = row;
      return row;
    };
    let cells = 0;

    // One pass over the cells: attribution weights, placement and task-table sums.
    for (let slot = 0; slot < slots; slot++) {
      const k = slot * SLOT_INTS;
      if (keys[k + 3] === 0) continue;
      const at = slot * SLOT_FLOATS + VALUE_OFFSET;
      const appropriated = values[at + MEASURE_INDEX.appropriated]!;
      // Cells whose sums cancelled (e.g. a transfer within one entity) are dropped, so the result
      // does not depend on how partial totals were merged.
      if (
        values[at] === 0 &&
        appropriated === 0 &&
        values[at + 2] === 0 &&
        values[at + 3] === 0 &&
        values[at + 4] === 0 &&
        values[at + 5] === 0
      )
        continue;
      const a = keys[k]!;
      const op = a >>> 21;
      const task = (a >>> 10) & 2047;
      const entity = a & 1023;
      const type = keys[k + 1]! >>> 19;
      const periodCode = keys[k + 2]! >> 4;
      const periodIndex = custom ? periodCode - 1 : periodCode;
      const cacheAt = Math.imul((op << 13) | periodCode, 0x9e3779b1) >>> 22;
      let sid = cacheKey[cacheAt] === ((op << 13) | periodCode) ? cacheSid[cacheAt]! : -1;
      if (sid < 0) sid = this.#summaryIds.find(op, periodCode);
      if (sid < 0) {
        sid = this.#summaryIds.intern(op, periodCode);
        notSpecifiedRows.push(this.#rowId(sid, NOT_SPECIFIED_ROW));
        const entry = this.#view(op, periodIndex);
        entries.push(entry);
        let byId: Int16Array | null = null;
        if (entry) {
          byId = new Int16Array(t.tasks.values.length).fill(-1);
          for (const [id, position] of entry.positions) byId[id] = position;
        }
        positions.push(byId);
        this.#funds.push([]);
      }
      cacheKey[cacheAt] = (op << 13) | periodCode;
      cacheSid[cacheAt] = sid;
      const byId = positions[sid] ?? null;
      const position = byId === null ? -1 : byId[task]!;
      if (appropriated !== 0 && position >= 0) {
        const key = weightKey(op, periodIndex, entity);
        let w = weights.get(key);
        if (!w) weights.set(key, (w = new Float64Array(entries[sid]!.view.tasks.length)));
        w[position] = w[position]! + appropriated;
      }
      if (task !== 0) {
        const valid = position >= 0;
        place[slot] = valid ? PLACE_TASK : PLACE_NOT_SPECIFIED;
        this.#addSums(valid ? taskRowOf(sid, task) : notSpecifiedRows[sid]!, values, at, false);
      } else if (type === ASSESSED && byId !== null) {
        pending.push(slot);
        continue;
      } else if (pooledById[entity] === 1) {
        place[slot] = PLACE_UNALLOCATED;
        this.#addSums(this.#fundRow(sid, entity), values, at, false);
      } else {
        place[slot] = PLACE_NOT_SPECIFIED;
        this.#addSums(notSpecifiedRows[sid]!, values, at, false);
      }
      cells++;
    }

    // Attribution: each money measure split over the tasks in rank order (ties → higher rank).
    const d = newDecodedCell();
    let parts = new Float64Array(64);
    let byTask = new Float64Array(64 * M);
    const bigWeights = new Map<Float64Array, { weights: bigint[]; sum: bigint }>();
    for (const slot of pending) {
      t.decode(slot, d);
      const at = slot * SLOT_FLOATS + VALUE_OFFSET;
      const sid = this.#summaryIds.find(d.op, keys[slot * SLOT_INTS + 2]! >> 4);
      const entry = entries[sid]!;
      const w = weights.get(weightKey(d.op, d.periodIndex, d.entity));
      let sum = 0;
      if (w) for (const x of w) sum += x;
      if (!w || sum <= 0) {
        if (pooledById[d.entity] === 1) {
          place[slot] = PLACE_UNALLOCATED;
          this.#addSums(this.#fundRow(sid, d.entity), values, at, false);
        } else {
          place[slot] = PLACE_NOT_SPECIFIED;
          this.#addSums(notSpecifiedRows[sid]!, values, at, false);
        }
        cells++;
        continue;
      }
      const n = entry.view.tasks.length;
      if (parts.length < n) {
        parts = new Float64Array(n);
        byTask = new Float64Array(n * M);
      }
      byTask.fill(0, 0, n * M);
      for (const m of MONEY) {
        const amount = values[at + m]!;
        if (amount === 0) continue;
        if (sum < 2 ** 49 || Math.abs(amount) * sum <= Number.MAX_SAFE_INTEGER)
          allocateNumbers(amount, w, n, sum, parts);
        else {
          // Weights beyond 2^49: exact bigint maths, with the weights converted once per set.
          let big = bigWeights.get(w);
          if (!big) {
            const list = Array.from(w, (x) => BigInt(x));
            bigWeights.set(w, (big = { weights: list, sum: list.reduce((x, y) => x + y, 0n) }));
          }
          allocateBigInto(amount, big.weights, big.sum, n, parts);
        }
        for (let i = 0; i < n; i++) byTask[i * M + m] = parts[i]!;
      }
      // A task without weight gets nothing from largest remainder, so only known ids receive money.
      for (let i = 0; i < n; i++) {
        let any = false;
        for (const m of MONEY) if (byTask[i * M + m] !== 0) any = true;
        if (!any) continue;
        const task = entry.idByPosition[i]!;
        this.#push(d, task, byTask, i * M);
        this.#addSums(this.#rowId(sid, task), byTask, i * M, true);
        cells++;
      }
    }
    this.#cells = cells;
  }

  /** The row of one pooled fund's unallocated balance in a summary. */
  #fundRow(sid: number, entity: number): number {
    const row = FUND_ROW + entity;
    if (this.#summaryRows.find(sid, row) < 0) this.#funds[sid]!.push(entity);
    return this.#rowId(sid, row);
  }

  /** The id of a summary row (task id, NOT_SPECIFIED_ROW or FUND_ROW + entity). */
  #rowId(sid: number, row: number): number {
    const id = this.#summaryRows.intern(sid, row);
    if ((id + 1) * SUMS > this.#sums.length) {
      const sums = new Float64Array(this.#sums.length * 2);
      sums.set(this.#sums);
      this.#sums = sums;
    }
    return id;
  }

  /** Adds six sums (and, if attributed, the money part again as attributed) to a summary row. */
  #addSums(id: number, values: Float64Array, at: number, attributed: boolean): void {
    const s = this.#sums;
    const to = id * SUMS;
    s[to] = s[to]! + values[at]!;
    s[to + 1] = s[to + 1]! + values[at + 1]!;
    s[to + 2] = s[to + 2]! + values[at + 2]!;
    s[to + 3] = s[to + 3]! + values[at + 3]!;
    s[to + 4] = s[to + 4]! + values[at + 4]!;
    s[to + 5] = s[to + 5]! + values[at + 5]!;
    if (attributed) {
      s[to + 6] = s[to + 6]! + values[at + MEASURE_INDEX.pledged]!;
      s[to + 7] = s[to + 7]! + values[at + MEASURE_INDEX.committed]!;
      s[to + 8] = s[to + 8]! + values[at + MEASURE_INDEX.paid]!;
    }
  }

  #push(d: DecodedCell, task: number, values: ArrayLike<number>, at: number): void {
    const i = this.#size++;
    if (i === this.#op.length) this.#reserve(i + 1);
    this.#op[i] = d.op;
    this.#task[i] = task;
    this.#entity[i] = d.entity;
    this.#donor[i] = d.donor;
    this.#type[i] = d.type;
    this.#period[i] = d.periodIndex;
    this.#category[i] = d.category;
    for (let m = 0; m < M; m++) this.#values[i * M + m] = values[at + m]!;
  }

  #reserve(capacity: number): void {
    const grow = <T extends Int32Array | Uint8Array | Float64Array>(
      a: T,
      make: (n: number) => T,
      n: number,
    ): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    const n = Math.max(capacity, this.#op.length * 2, 64);
    this.#op = grow(this.#op, (k) => new Int32Array(k), n);
    this.#task = grow(this.#task, (k) => new Int32Array(k), n);
    this.#entity = grow(this.#entity, (k) => new Int32Array(k), n);
    this.#donor = grow(this.#donor, (k) => new Int32Array(k), n);
    this.#type = grow(this.#type, (k) => new Uint8Array(k), n);
    this.#period = grow(this.#period, (k) => new Int32Array(k), n);
    this.#category = grow(this.#category, (k) => new Uint8Array(k), n);
    this.#values = grow(this.#values, (k) => new Float64Array(k), n * M);
  }

  #view(op: number, periodIndex: number): ViewEntry | null {
    if (op === 0 || periodIndex === OUTSIDE) return null;
    const key = op * 100000 + periodIndex;
    let entry = this.#views.get(key);
    if (entry === undefined) {
      const compiled = this.#totals.compiled;
      const view = mandateView(
        this.#mandates,
        this.#totals.ops.value(op)!,
        fromDayNumber(compiled.startDay(periodIndex)),
        fromDayNumber(compiled.endDay(periodIndex)),
      );
      const positions = new Map<number, number>();
      const idByPosition = view.tasks.map((task) => this.#totals.tasks.lookup(task.code));
      idByPosition.forEach((id, i) => {
        if (id > 0) positions.set(id, i);
      });
      entry = { view, positions, idByPosition };
      this.#views.set(key, entry);
    }
    return entry;
  }

  /**
   * Where money of one record dimension set lands (the rules of {@link finalizeTotals}), for
   * explanations: on its task, in "Not specified" (with the reason), as a pooled fund's
   * unallocated balance, or attributed over tasks with these weights (in allocation order).
   * @internal
   */
  placement(
    operationCode: string | null,
    taskCode: string | null,
    entityCode: string,
    fundingType: FundingType | null,
    periodIndex: number,
  ): Placement {
    const t = this.#totals;
    const op = t.ops.lookup(operationCode);
    const entry = op < 0 ? null : this.#view(op, periodIndex);
    if (taskCode !== null) {
      const id = t.tasks.lookup(taskCode);
      if (entry && entry.positions.has(id)) return { kind: "task", taskCode };
      return {
        kind: "not_specified",
        reason: entry
          ? "task not in the mandate in force"
          : "no mandate in force for the operation",
      };
    }
    const w =
      fundingType === "assessed" && entry
        ? this.#weights.get(weightKey(op, periodIndex, t.entities.lookup(entityCode)))
        : undefined;
    let sum = 0;
    if (w) for (const x of w) sum += x;
    if (entry && w && sum > 0)
      return {
        kind: "attributed",
        tasks: entry.view.tasks.map((task, i) => ({
          taskCode: task.code,
          rank: task.rank,
          weightCents: w[i]!,
        })),
        totalWeight: sum,
      };
    if (this.#pooled.has(entityCode)) return { kind: "unallocated" };
    return {
      kind: "not_specified",
      reason:
        fundingType === "assessed"
          ? "assessed money without a task, and no appropriated requirement to attribute it by"
          : "no task",
    };
  }

  /** Number of final cells. */
  get cellCount(): number {
    return this.#cells;
  }

  /**
   * Calls `visit` with every final cell, in one reused cursor: the placed partial-total cells,
   * then the cells made by attribution.
   */
  #scan(visit: (c: Cursor) => void): void {
    const t = this.#totals;
    const keys = t.keys;
    const place = this.#place;
    const custom = t.compiled.scheme.kind === "custom";
    const c: Cursor = {
      op: 0,
      task: 0,
      entity: 0,
      donor: 0,
      type: 0,
      period: 0,
      category: 0,
      bucket: 0,
      attributed: false,
      values: t.values,
      at: 0,
    };
    for (let slot = 0; slot < place.length; slot++) {
      const p = place[slot]!;
      if (p === 0) continue;
      const k = slot * SLOT_INTS;
      const a = keys[k]!;
      const b = keys[k + 1]!;
      const sub = keys[k + 2]!;
      c.op = a >>> 21;
      c.task = p === PLACE_TASK ? (a >>> 10) & 2047 : 0;
      c.entity = a & 1023;
      c.type = b >>> 19;
      c.donor = b & 524287;
      c.period = custom ? (sub >> 4) - 1 : sub >> 4;
      c.category = sub & 15;
      c.bucket = p - 1;
      c.at = slot * SLOT_FLOATS + VALUE_OFFSET;
      visit(c);
    }
    c.values = this.#values;
    c.attributed = true;
    c.bucket = 0;
    for (let i = 0; i < this.#size; i++) {
      c.op = this.#op[i]!;
      c.task = this.#task[i]!;
      c.entity = this.#entity[i]!;
      c.type = this.#type[i]!;
      c.donor = this.#donor[i]!;
      c.period = this.#period[i]!;
      c.category = this.#category[i]!;
      c.at = i * M;
      visit(c);
    }
  }

  #matches(c: Cursor, f: RowFilter): boolean {
    const t = this.#totals;
    if (f.operationCode !== undefined && t.ops.value(c.op) !== f.operationCode) return false;
    if (f.periodIndex !== undefined && c.period !== f.periodIndex) return false;
    if (f.taskCode !== undefined && t.tasks.value(c.task) !== f.taskCode) return false;
    if (f.bucket !== undefined && BUCKETS[c.bucket] !== f.bucket) return false;
    if (f.entityCode !== undefined && t.entities.value(c.entity) !== f.entityCode) return false;
    if (f.donorCode !== undefined && t.donors.value(c.donor) !== f.donorCode) return false;
    if (f.fundingType !== undefined && typeName(c.type) !== f.fundingType) return false;
    if (f.categoryCode !== undefined && commonCategoryCode(c.category) !== f.categoryCode)
      return false;
    if (f.attributed !== undefined && c.attributed !== f.attributed) return false;
    return true;
  }

  /** The named key of a group: each dimension's interned value turned back into its code. */
  #keyOf(c: Cursor, by: readonly GroupDimension[]): RowKey {
    const t = this.#totals;
    const key: RowKey = {};
    for (const dim of by) {
      const value = cellValue(c, dim);
      switch (dim) {
        case "operation":
          key.operationCode = t.ops.value(value);
          break;
        case "period":
          key.period = value === OUTSIDE ? null : periodByIndex(t.compiled, value);
          break;
        case "task":
          key.taskCode = t.tasks.value(value);
          break;
        case "bucket":
          key.bucket = BUCKETS[value]!;
          break;
        case "entity":
          key.entityCode = t.entities.value(value);
          break;
        case "donor":
          key.donorCode = t.donors.value(value);
          break;
        case "fundingType":
          key.fundingType = typeName(value);
          break;
        case "category":
          key.categoryCode = commonCategoryCode(value);
          break;
        case "attributed":
          key.attributed = value === 1;
          break;
      }
    }
    return key;
  }

  /** The group of a cell as a string of interned values (named once per group, by #keyOf). */
  #groupId(c: Cursor, by: readonly GroupDimension[]): string {
    let id = "";
    for (const dim of by) id += `${cellValue(c, dim)}|`;
    return id;
  }

  /**
   * Figures grouped by any dimensions, for any filter: the drill-down behind every chart.
   * Rows come in a stable order (by the grouped values). Gap, surplus and coverage are derived
   * per row, from the row's own sums.
   * @example
   * rec.rows({ groupBy: ["task", "donor"], where: { operationCode: "MINUSCA", periodIndex: 2023 } })
   * // → [{ key: { taskCode: "CIV-PROTECT", donorCode: "NOR" }, figures: { funded: 250000000, … } }, …]
   */
  rows(options: { groupBy: readonly GroupDimension[]; where?: RowFilter }): FigureRow[] {
    const where = options.where ?? {};
    const groups = new Map<string, { key: RowKey; sums: FigureSums }>();
    this.#scan((c) => {
      if (!this.#matches(c, where)) return;
      const id = this.#groupId(c, options.groupBy);
      let g = groups.get(id);
      if (!g) groups.set(id, (g = { key: this.#keyOf(c, options.groupBy), sums: emptySums() }));
      addCell(g.sums, c);
    });
    return [...groups.values()]
      .map((g) => ({ key: g.key, figures: deriveFigures(g.sums) }))
      .sort((a, b) => compareKeys(a.key, b.key));
  }

  /** Figures of all cells matching a filter, as one row. */
  total(where: RowFilter = {}): Figures {
    const sums = emptySums();
    this.#scan((c) => {
      if (this.#matches(c, where)) addCell(sums, c);
    });
    return deriveFigures(sums);
  }

  /** Operations with any cell, sorted (null = money tied to no operation, if any). */
  operations(): (string | null)[] {
    const ids = new Set<number>();
    this.#scan((c) => ids.add(c.op));
    return [...ids].map((id) => this.#totals.ops.value(id)).sort(compareNullable);
  }

  /** Periods with any cell, in order (outside-period money excluded). */
  periods(): Period[] {
    const seen = new Set<number>();
    this.#scan((c) => seen.add(c.period));
    const ids = [...seen].filter((p) => p !== OUTSIDE).sort((a, b) => a - b);
    return ids.map((p) => periodByIndex(this.#totals.compiled, p));
  }

  /** The sums of one summary row (zeros if the row has no cell). */
  #rowSums(sid: number, row: number): FigureSums {
    const id = sid < 0 ? -1 : this.#summaryRows.find(sid, row);
    const sums = emptySums();
    if (id < 0) return sums;
    const s = this.#sums;
    const at = id * SUMS;
    sums.requirement = s[at + MEASURE_INDEX.requirement]!;
    sums.appropriated = s[at + MEASURE_INDEX.appropriated]!;
    sums.expended = s[at + MEASURE_INDEX.expended]!;
    sums.pledged = s[at + MEASURE_INDEX.pledged]!;
    sums.committed = s[at + MEASURE_INDEX.committed]!;
    sums.paid = s[at + MEASURE_INDEX.paid]!;
    sums.attributedPledged = s[at + M]!;
    sums.attributedCommitted = s[at + M + 1]!;
    sums.attributedPaid = s[at + M + 2]!;
    return sums;
  }

  /**
   * Requirement, pledged, funded, gap, surplus and coverage of every task in force for one
   * operation and period, then "Not specified" and the pooled funds' unallocated balances.
   * @example rec.taskTable("MINUSCA", 2023).tasks[0] // → { taskCode: "CIV-PROTECT", rank: 1, figures: { … } }
   */
  taskTable(operationCode: string, periodIndex: number): TaskTable {
    const op = this.#totals.ops.lookup(operationCode);
    const period = periodByIndex(this.#totals.compiled, periodIndex);
    const entry = this.#view(op, periodIndex);
    const tasks: TaskInForce[] = entry?.view.tasks ?? [];
    const code = this.#totals.compiled.scheme.kind === "custom" ? periodIndex + 1 : periodIndex;
    const sid = op < 0 ? -1 : this.#summaryIds.find(op, code);
    // Every final cell of the operation and period is in exactly one of these rows, so the total
    // is their sum (not kept per cell).
    const total = emptySums();
    const taskSums = tasks.map((_, i) => {
      const id = entry?.idByPosition[i] ?? -1;
      return id > 0 ? addSums(total, this.#rowSums(sid, id)) : emptySums();
    });
    const notSpecified = addSums(total, this.#rowSums(sid, NOT_SPECIFIED_ROW));
    const funds = (sid < 0 ? [] : this.#funds[sid]!).map((entity) => ({
      entityCode: this.#totals.entities.value(entity) ?? "",
      sums: addSums(total, this.#rowSums(sid, FUND_ROW + entity)),
    }));
    return {
      operationCode,
      period,
      resolution: entry?.view.latest?.resolution ?? null,
      tasks: tasks.map((task, i) => ({
        taskCode: task.code,
        title: task.title,
        rank: task.rank,
        inLatestMandate: task.inLatestMandate,
        figures: deriveFigures(taskSums[i]!),
      })),
      notSpecified: deriveFigures(notSpecified),
      unallocated: funds
        .map((f) => ({ entityCode: f.entityCode, figures: deriveFigures(f.sums) }))
        .sort((a, b) => compareNullable(a.entityCode, b.entityCode)),
      total: deriveFigures(total),
    };
  }
}

/** One final cell as {@link Reconciliation} visits them. */
interface Cursor {
  op: number;
  task: number;
  entity: number;
  donor: number;
  type: number;
  period: number;
  category: number;
  bucket: number;
  attributed: boolean;
  values: Float64Array;
  at: number;
}

/** A cell's value of one dimension: an interned id, a period index, a bucket or 0/1. */
function cellValue(c: Cursor, dim: GroupDimension): number {
  switch (dim) {
    case "operation":
      return c.op;
    case "period":
      return c.period;
    case "task":
      return c.task;
    case "bucket":
      return c.bucket;
    case "entity":
      return c.entity;
    case "donor":
      return c.donor;
    case "fundingType":
      return c.type;
    case "category":
      return c.category;
    case "attributed":
      return c.attributed ? 1 : 0;
  }
}

/** Adds `from` into `into`; returns `from`. */
function addSums(into: FigureSums, from: FigureSums): FigureSums {
  into.requirement += from.requirement;
  into.appropriated += from.appropriated;
  into.expended += from.expended;
  into.pledged += from.pledged;
  into.committed += from.committed;
  into.paid += from.paid;
  into.attributedPledged += from.attributedPledged;
  into.attributedCommitted += from.attributedCommitted;
  into.attributedPaid += from.attributedPaid;
  return from;
}

function addCell(sums: FigureSums, c: Cursor): void {
  const v = c.values;
  const at = c.at;
  sums.requirement += v[at + MEASURE_INDEX.requirement]!;
  sums.appropriated += v[at + MEASURE_INDEX.appropriated]!;
  sums.expended += v[at + MEASURE_INDEX.expended]!;
  sums.pledged += v[at + MEASURE_INDEX.pledged]!;
  sums.committed += v[at + MEASURE_INDEX.committed]!;
  sums.paid += v[at + MEASURE_INDEX.paid]!;
  if (c.attributed) {
    sums.attributedPledged += v[at + MEASURE_INDEX.pledged]!;
    sums.attributedCommitted += v[at + MEASURE_INDEX.committed]!;
    sums.attributedPaid += v[at + MEASURE_INDEX.paid]!;
  }
}

// Placement of a partial-total cell (0: not a final cell — empty, cancelled or attributed).
const PLACE_TASK = 1;
const PLACE_NOT_SPECIFIED = 2;
const PLACE_UNALLOCATED = 3;
// Summary rows: task ids are < 2048; then "Not specified", and one per pooled fund (the total is
// their sum).
const NOT_SPECIFIED_ROW = 4096;
const FUND_ROW = 8192;
const SUMS = M + 3;

const PERIOD_KEY = 16384;

function weightKey(op: number, periodIndex: number, entity: number): number {
  return (op * PERIOD_KEY + periodIndex + 1) * 1024 + entity;
}

function typeName(type: number): FundingType | null {
  return type === 0 ? null : FUNDING_TYPES[type - 1]!;
}

function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

function compareKeys(a: RowKey, b: RowKey): number {
  return (
    compareNullable(a.operationCode ?? null, b.operationCode ?? null) ||
    (a.period?.index ?? -Infinity) - (b.period?.index ?? -Infinity) ||
    compareNullable(a.taskCode ?? null, b.taskCode ?? null) ||
    compareNullable(a.bucket ?? null, b.bucket ?? null) ||
    compareNullable(a.entityCode ?? null, b.entityCode ?? null) ||
    compareNullable(a.donorCode ?? null, b.donorCode ?? null) ||
    compareNullable(a.fundingType ?? null, b.fundingType ?? null) ||
    compareNullable(a.categoryCode ?? null, b.categoryCode ?? null) ||
    Number(a.attributed ?? false) - Number(b.attributed ?? false)
  );
}

/**
 * Final figures from (merged) partial totals; see {@link Reconciliation}.
 * @example const rec = finalizeTotals(mergeTotals(a, b), { mandates, entities });
 */
export function finalizeTotals(totals: PartialTotals, options: FinalizeOptions): Reconciliation {
  return new Reconciliation(totals, options);
}

/** Everything {@link reconcile} needs: how to build totals and how to finalize them. */
export type ReconcileOptions = BuildOptions & FinalizeOptions;

/**
 * Records → final figures in one call: {@link buildTotals} then {@link finalizeTotals}.
 * @example
 * const rec = reconcile({ flows, requirementLines }, { scheme: { kind: "peacekeeping" }, rates, mandates, entities });
 * rec.taskTable("MINUSCA", 2023).tasks.map((t) => [t.taskCode, t.figures.gap]);
 */
export function reconcile(records: ReconcileRecords, options: ReconcileOptions): Reconciliation {
  return finalizeTotals(buildTotals(records, options), options);
}
