import { allocateNumbers } from "./allocate";
import { buildTotals } from "./build-totals";
import type { BuildOptions, ReconcileRecords } from "./build-totals";
import { commonCategoryCode } from "./crosswalk";
import { fromDayNumber } from "./dates";
import { deriveFigures, emptySums } from "./figures";
import type { FigureSums, Figures } from "./figures";
import { mandateView } from "./mandates";
import type { MandateView, TaskInForce } from "./mandates";
import { MEASURE_INDEX } from "./partial-totals";
import type { PartialTotals } from "./partial-totals";
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
 */
export class Reconciliation {
  readonly #totals: PartialTotals;
  readonly #views = new Map<number, ViewEntry | null>();
  readonly #mandates: readonly Mandate[];
  // Columnar cells.
  readonly #op: number[] = [];
  readonly #task: number[] = [];
  readonly #entity: number[] = [];
  readonly #donor: number[] = [];
  readonly #type: number[] = [];
  readonly #period: number[] = [];
  readonly #category: number[] = [];
  readonly #bucket: number[] = [];
  readonly #attributed: boolean[] = [];
  readonly #values: number[] = [];
  readonly #weights = new Map<string, Float64Array>();
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
    const rows = t.rowCount;

    // Pass 1: attribution weights = appropriated requirement per (operation, period, entity, task).
    const weights = this.#weights;
    for (let row = 0; row < rows; row++) {
      const appropriated = t.values[row * M + MEASURE_INDEX.appropriated]!;
      if (appropriated === 0) continue;
      const d = t.decode(row);
      const entry = this.#view(d.op, d.periodIndex);
      const position = entry?.positions.get(d.task);
      if (!entry || position === undefined) continue;
      const key = `${d.op}:${d.periodIndex}:${d.entity}`;
      let w = weights.get(key);
      if (!w) weights.set(key, (w = new Float64Array(entry.view.tasks.length)));
      w[position] = w[position]! + appropriated;
    }

    // Pass 2: place every cell.
    let parts = new Float64Array(64);
    for (let row = 0; row < rows; row++) {
      const d = t.decode(row);
      const at = row * M;
      const entry = this.#view(d.op, d.periodIndex);
      if (d.task !== 0) {
        const valid = entry?.positions.has(d.task) === true;
        this.#push(d, valid ? d.task : 0, valid ? 0 : 1, false, t.values, at);
        continue;
      }
      const w =
        d.type === ASSESSED && entry
          ? weights.get(`${d.op}:${d.periodIndex}:${d.entity}`)
          : undefined;
      let sum = 0;
      if (w) for (const x of w) sum += x;
      if (!entry || !w || sum <= 0) {
        const entityCode = t.entities.value(d.entity);
        const bucket = entityCode !== null && pooled.has(entityCode) ? 2 : 1;
        this.#push(d, 0, bucket, false, t.values, at);
        continue;
      }
      // Attribution: each money measure split over the tasks in rank order (ties → higher rank).
      const n = entry.view.tasks.length;
      if (parts.length < n) parts = new Float64Array(n);
      const byTask = new Float64Array(n * M);
      for (const m of MONEY) {
        const amount = t.values[at + m]!;
        if (amount === 0) continue;
        allocateNumbers(amount, w, n, sum, parts);
        for (let i = 0; i < n; i++) byTask[i * M + m] = parts[i]!;
      }
      // A task without weight gets nothing from largest remainder, so only known ids receive money.
      for (let i = 0; i < n; i++) {
        let any = false;
        for (const m of MONEY) if (byTask[i * M + m] !== 0) any = true;
        if (any) this.#push(d, entry.idByPosition[i]!, 0, true, byTask, i * M);
      }
    }
  }

  #push(
    d: ReturnType<PartialTotals["decode"]>,
    task: number,
    bucket: number,
    attributed: boolean,
    values: ArrayLike<number>,
    at: number,
  ): void {
    this.#op.push(d.op);
    this.#task.push(task);
    this.#entity.push(d.entity);
    this.#donor.push(d.donor);
    this.#type.push(d.type);
    this.#period.push(d.periodIndex);
    this.#category.push(d.category);
    this.#bucket.push(bucket);
    this.#attributed.push(attributed);
    for (let m = 0; m < M; m++) this.#values.push(values[at + m]!);
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
        ? this.#weights.get(`${op}:${periodIndex}:${t.entities.lookup(entityCode)}`)
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
    return this.#op.length;
  }

  #matches(i: number, f: RowFilter): boolean {
    const t = this.#totals;
    if (f.operationCode !== undefined && t.ops.value(this.#op[i]!) !== f.operationCode)
      return false;
    if (f.periodIndex !== undefined && this.#period[i] !== f.periodIndex) return false;
    if (f.taskCode !== undefined && t.tasks.value(this.#task[i]!) !== f.taskCode) return false;
    if (f.bucket !== undefined && BUCKETS[this.#bucket[i]!] !== f.bucket) return false;
    if (f.entityCode !== undefined && t.entities.value(this.#entity[i]!) !== f.entityCode)
      return false;
    if (f.donorCode !== undefined && t.donors.value(this.#donor[i]!) !== f.donorCode) return false;
    if (f.fundingType !== undefined && typeName(this.#type[i]!) !== f.fundingType) return false;
    if (f.categoryCode !== undefined && commonCategoryCode(this.#category[i]!) !== f.categoryCode)
      return false;
    if (f.attributed !== undefined && this.#attributed[i] !== f.attributed) return false;
    return true;
  }

  #keyOf(i: number, by: readonly GroupDimension[]): RowKey {
    const t = this.#totals;
    const key: RowKey = {};
    for (const dim of by) {
      switch (dim) {
        case "operation":
          key.operationCode = t.ops.value(this.#op[i]!);
          break;
        case "period": {
          const p = this.#period[i]!;
          key.period = p === OUTSIDE ? null : periodByIndex(t.compiled, p);
          break;
        }
        case "task":
          key.taskCode = t.tasks.value(this.#task[i]!);
          break;
        case "bucket":
          key.bucket = BUCKETS[this.#bucket[i]!]!;
          break;
        case "entity":
          key.entityCode = t.entities.value(this.#entity[i]!);
          break;
        case "donor":
          key.donorCode = t.donors.value(this.#donor[i]!);
          break;
        case "fundingType":
          key.fundingType = typeName(this.#type[i]!);
          break;
        case "category":
          key.categoryCode = commonCategoryCode(this.#category[i]!);
          break;
        case "attributed":
          key.attributed = this.#attributed[i]!;
          break;
      }
    }
    return key;
  }

  #groupId(i: number, by: readonly GroupDimension[]): string {
    let id = "";
    for (const dim of by) {
      switch (dim) {
        case "operation":
          id += `${this.#op[i]!}|`;
          break;
        case "period":
          id += `${this.#period[i]!}|`;
          break;
        case "task":
          id += `${this.#task[i]!}|`;
          break;
        case "bucket":
          id += `${this.#bucket[i]!}|`;
          break;
        case "entity":
          id += `${this.#entity[i]!}|`;
          break;
        case "donor":
          id += `${this.#donor[i]!}|`;
          break;
        case "fundingType":
          id += `${this.#type[i]!}|`;
          break;
        case "category":
          id += `${this.#category[i]!}|`;
          break;
        case "attributed":
          id += this.#attributed[i] ? "a|" : "d|";
          break;
      }
    }
    return id;
  }

  #addTo(sums: FigureSums, i: number): void {
    const v = this.#values;
    const at = i * M;
    sums.requirement += v[at + MEASURE_INDEX.requirement]!;
    sums.appropriated += v[at + MEASURE_INDEX.appropriated]!;
    sums.expended += v[at + MEASURE_INDEX.expended]!;
    sums.pledged += v[at + MEASURE_INDEX.pledged]!;
    sums.committed += v[at + MEASURE_INDEX.committed]!;
    sums.paid += v[at + MEASURE_INDEX.paid]!;
    if (this.#attributed[i]) {
      sums.attributedPledged += v[at + MEASURE_INDEX.pledged]!;
      sums.attributedCommitted += v[at + MEASURE_INDEX.committed]!;
      sums.attributedPaid += v[at + MEASURE_INDEX.paid]!;
    }
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
    const groups = new Map<string, { first: number; sums: FigureSums }>();
    for (let i = 0; i < this.#op.length; i++) {
      if (!this.#matches(i, where)) continue;
      const id = this.#groupId(i, options.groupBy);
      let g = groups.get(id);
      if (!g) groups.set(id, (g = { first: i, sums: emptySums() }));
      this.#addTo(g.sums, i);
    }
    return [...groups.values()]
      .map((g) => ({ key: this.#keyOf(g.first, options.groupBy), figures: deriveFigures(g.sums) }))
      .sort((a, b) => compareKeys(a.key, b.key));
  }

  /** Figures of all cells matching a filter, as one row. */
  total(where: RowFilter = {}): Figures {
    const sums = emptySums();
    for (let i = 0; i < this.#op.length; i++) if (this.#matches(i, where)) this.#addTo(sums, i);
    return deriveFigures(sums);
  }

  /** Operations with any cell, sorted (null = money tied to no operation, if any). */
  operations(): (string | null)[] {
    const ids = new Set(this.#op);
    return [...ids].map((id) => this.#totals.ops.value(id)).sort(compareNullable);
  }

  /** Periods with any cell, in order (outside-period money excluded). */
  periods(): Period[] {
    const ids = [...new Set(this.#period)].filter((p) => p !== OUTSIDE).sort((a, b) => a - b);
    return ids.map((p) => periodByIndex(this.#totals.compiled, p));
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
    const byTask = new Map<number, FigureSums>();
    const notSpecified = emptySums();
    const total = emptySums();
    const funds = new Map<number, FigureSums>();
    for (let i = 0; i < this.#op.length; i++) {
      if (this.#op[i] !== op || this.#period[i] !== periodIndex) continue;
      this.#addTo(total, i);
      const bucket = this.#bucket[i]!;
      let sums: FigureSums;
      if (bucket === 0) {
        const task = this.#task[i]!;
        sums = byTask.get(task) ?? emptySums();
        byTask.set(task, sums);
      } else if (bucket === 2) {
        const entity = this.#entity[i]!;
        sums = funds.get(entity) ?? emptySums();
        funds.set(entity, sums);
      } else sums = notSpecified;
      this.#addTo(sums, i);
    }
    return {
      operationCode,
      period,
      resolution: entry?.view.latest?.resolution ?? null,
      tasks: tasks.map((task, i) => ({
        taskCode: task.code,
        title: task.title,
        rank: task.rank,
        inLatestMandate: task.inLatestMandate,
        figures: deriveFigures(byTask.get(entry?.idByPosition[i] ?? -1) ?? emptySums()),
      })),
      notSpecified: deriveFigures(notSpecified),
      unallocated: [...funds.entries()]
        .map(([entity, sums]) => ({
          entityCode: this.#totals.entities.value(entity) ?? "",
          figures: deriveFigures(sums),
        }))
        .sort((a, b) => compareNullable(a.entityCode, b.entityCode)),
      total: deriveFigures(total),
    };
  }
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
