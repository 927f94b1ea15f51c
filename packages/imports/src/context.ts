// The state of one import while it runs inside its transaction: the reference data it resolves
// codes against (loaded once, kept current as the import adds to it), the problems and rejects
// found so far, the counts, and the audit entries waiting to be written.
import type { Transaction } from "kysely";
import { RateTable, fiscalYearOf } from "@coherence/funding-model";
import type { AuditAction, Database, Organization, SqliteHandle } from "@coherence/db";
import { KIND_SPECS, reasonFields } from "@coherence/interchange";
import type {
  CanonicalKind,
  CanonicalRecords,
  Problem,
  Reason,
  RejectedRow,
} from "@coherence/interchange";
import { prepareFlowStatements } from "./apply/flows-sqlite";
import type { SqliteFlowStatements } from "./apply/flows-sqlite";
import type { RecordProblem } from "./record-columns/record-problem";
import type { RecordReferences } from "./record-columns/record-references";
import { organizationOf } from "./record-columns/resolve-codes";
import { importProblemCell } from "./record-problem-wording";
import type {
  ChangeLine,
  ImportCounts,
  ImportMode,
  ImportProgress,
  ImportScope,
  KindCounts,
} from "./types";

export type Trx = Transaction<Database>;

const MAX_CHANGE_LINES = 1000;
const AUDIT_CHUNK = 2000;

/** Where a record came from, to name it in problems and rejects. */
export interface RowRef<K extends CanonicalKind = CanonicalKind> {
  kind: K;
  file: string;
  /** Physical line (CSV), row (XLSX); null where the format has none (FTS JSON). */
  line: number | null;
  record: CanonicalRecords[K];
}

interface PendingAudit {
  action: AuditAction;
  table: string;
  recordId: string;
  before: unknown;
  after: unknown;
}

/** The operation a task code must belong to, per operation id. */
type TaskSets = Map<number, Set<string>>;

export class ImportContext implements RecordReferences<RowRef> {
  readonly problems: Problem[] = [];
  /** The last reason each record key (external_ref, code, ...) failed for, by kind. */
  readonly failedKeys = new Map<string, string>();
  /** `file\u0000line` of every rejected row: a problem elsewhere concerns the whole file. */
  private readonly rejectedAt = new Set<string>();
  private readonly rejected = new Map<string, { kind: CanonicalKind; row: RejectedRow }>();
  readonly counts: ImportCounts = {
    read: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    byTable: {},
  };
  readonly changes: ChangeLine[] = [];
  private audits: PendingAudit[] = [];
  organizations = new Map<string, Organization>();
  operations = new Map<string, { id: number; code: string; name: string; country: string }>();
  tasks: TaskSets = new Map();
  rates = new RateTable([]);
  rowsDone = 0;
  rowsValidated = 0;
  rowsTotal: number | null = null;
  /** Set when a problem must refuse the whole import even in partial mode (it spans rows). */
  refuseWhole = false;
  bytesDone = 0;

  constructor(
    readonly trx: Trx,
    readonly importId: number,
    readonly actor: string,
    readonly userId: number | null,
    readonly now: Date,
    readonly mode: ImportMode,
    readonly bytesTotal: number | null,
    private readonly canWriteHook: ((scope: ImportScope) => boolean) | undefined,
    private readonly onProgress: ((progress: ImportProgress) => void) | undefined,
  ) {
    this.nowIso = now.toISOString();
  }

  private readonly fiscalYears = new Map<string, { from: string; to: string }>();

  /** The fiscal year starting in `startMonth` that contains `date` (memoised: a hot path). */
  fiscalYear(date: string, startMonth: number): { from: string; to: string } {
    const key = `${startMonth}:${date}`;
    let year = this.fiscalYears.get(key);
    if (!year) {
      const period = fiscalYearOf(date, startMonth);
      year = { from: period.from, to: period.to };
      if (this.fiscalYears.size > 100_000) this.fiscalYears.clear();
      this.fiscalYears.set(key, year);
    }
    return year;
  }

  /** The import's timestamp, as stored (computed once: it is written on every row). */
  readonly nowIso: string;

  /**
   * SQLite only: the better-sqlite3 handle under the transaction (set by runImport when the
   * Kysely instance came from `connect`), for the prepared-statement fast paths.
   */
  sqlite: SqliteHandle | undefined = undefined;
  private flowStatements: SqliteFlowStatements | undefined;

  /** The flows fast path's statements, prepared once per import; undefined off SQLite. */
  sqliteFlows(): SqliteFlowStatements | undefined {
    if (!this.sqlite) return undefined;
    this.flowStatements ??= prepareFlowStatements(this.sqlite);
    return this.flowStatements;
  }

  /** Load the reference data codes are resolved against. */
  async load(): Promise<void> {
    await this.reloadOrganizations();
    await this.reloadOperations();
    await this.reloadTasks();
    await this.reloadRates();
  }

  async reloadOrganizations(): Promise<void> {
    const rows = await this.trx.selectFrom("organizations").selectAll().execute();
    this.organizations = new Map(rows.map((r) => [r.code, r]));
  }

  async reloadOperations(): Promise<void> {
    const rows = await this.trx
      .selectFrom("operations")
      .select(["id", "code", "name", "country"])
      .execute();
    this.operations = new Map(rows.map((r) => [r.code, r]));
  }

  async reloadTasks(): Promise<void> {
    const rows = await this.trx
      .selectFrom("priority_tasks")
      .innerJoin("mandates", "mandates.id", "priority_tasks.mandate_id")
      .select(["mandates.operation_id", "priority_tasks.code"])
      .execute();
    this.tasks = new Map();
    for (const r of rows) {
      const set = this.tasks.get(r.operation_id) ?? new Set<string>();
      set.add(r.code);
      this.tasks.set(r.operation_id, set);
    }
  }

  async reloadRates(): Promise<void> {
    const rows = await this.trx.selectFrom("exchange_rates").selectAll().execute();
    this.rates = new RateTable(
      rows.map((r) => ({
        currency: r.currency,
        effectiveFrom: r.effective_date,
        unitsPerUsd: r.units_per_usd,
      })),
    );
  }

  /** The caller's authorisation; true when no hook was given (the CLI, the demo loader). */
  canWrite(scope: ImportScope): boolean {
    return this.canWriteHook ? this.canWriteHook(scope) : true;
  }

  private tableCounts(table: string): KindCounts {
    let counts = this.counts.byTable[table];
    if (!counts) {
      counts = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
      this.counts.byTable[table] = counts;
    }
    return counts;
  }

  /** Count an outcome, and keep it as a change line for previews. */
  count(
    table: string,
    action: "create" | "update" | "unchanged",
    key: string,
    row: { file: string; line: number | null },
    n = 1,
  ): void {
    const field = action === "create" ? "created" : action === "update" ? "updated" : "unchanged";
    this.counts[field] += n;
    this.tableCounts(table)[field] += n;
    if (this.changes.length < MAX_CHANGE_LINES)
      this.changes.push({ table, key, action, file: row.file, line: row.line });
  }

  /** A problem with one record: it is rejected (its cells go to the rejects file). */
  fail<K extends CanonicalKind>(
    row: RowRef<K>,
    column: string | null,
    value: string | null,
    why: Reason,
  ): void {
    const problem: Problem = {
      file: row.file,
      line: row.line,
      column,
      value,
      ...reasonFields(why),
    };
    this.problems.push(problem);
    this.rejectedAt.add(`${row.file}\u0000${row.line ?? ""}`);
    this.failedKeys.set(`${row.kind}\u0000${KIND_SPECS[row.kind].key(row.record)}`, why.text);
    const id = `${row.kind}\u0000${row.file}\u0000${row.line ?? ""}\u0000${KIND_SPECS[row.kind].key(row.record)}`;
    const existing = this.rejected.get(id);
    if (existing) {
      existing.row.problems.push(problem);
      return;
    }
    const spec = KIND_SPECS[row.kind];
    const values = spec.cells(row.record);
    const cells: Record<string, string> = {};
    spec.columns.forEach((c, i) => (cells[c.name] = values[i] ?? ""));
    this.rejected.set(id, {
      kind: row.kind,
      row: { line: row.line ?? 0, cells, problems: [problem] },
    });
    this.counts.rejected++;
    this.tableCounts(row.kind).rejected++;
  }

  /** A problem that is not one record's (a file that cannot be read, a whole group). */
  fileProblem(problem: Problem): void {
    this.problems.push(problem);
  }

  /** A parser's rejected row (already counted in its problems). */
  parserReject(kind: CanonicalKind, file: string, row: RejectedRow): void {
    this.rejectedAt.add(`${file}\u0000${row.line}`);
    this.rejected.set(`${kind}\u0000${file}\u0000${row.line}\u0000parser`, { kind, row });
    this.counts.rejected++;
    this.tableCounts(kind).rejected++;
  }

  /** Problems that reject no single row (an unreadable file, a missing column). */
  fileLevelProblems(): Problem[] {
    return this.problems.filter((p) => !this.rejectedAt.has(`${p.file}\u0000${p.line ?? ""}`));
  }

  rejects(): Partial<Record<CanonicalKind, RejectedRow[]>> {
    const byKind: Partial<Record<CanonicalKind, RejectedRow[]>> = {};
    for (const { kind, row } of this.rejected.values()) (byKind[kind] ??= []).push(row);
    for (const rows of Object.values(byKind)) rows.sort((a, b) => a.line - b.line);
    return byKind;
  }

  audit(entry: PendingAudit): void {
    this.audits.push(entry);
  }

  /** Replace the `after` of the entry queued last (a record whose parts were written after it). */
  replaceLastAuditAfter(after: unknown): void {
    const last = this.audits[this.audits.length - 1];
    if (last) last.after = after;
  }

  /** Write the pending audit entries (multi-row inserts). */
  async flushAudit(): Promise<void> {
    const pending = this.audits;
    this.audits = [];
    for (let i = 0; i < pending.length; i += AUDIT_CHUNK) {
      await this.trx
        .insertInto("audit_log")
        .values(
          pending.slice(i, i + AUDIT_CHUNK).map((a) => ({
            at: this.nowIso,
            actor: this.actor,
            user_id: this.userId,
            action: a.action,
            table_name: a.table,
            record_id: a.recordId,
            before_json: a.before === null ? null : JSON.stringify(a.before),
            after_json: a.after === null ? null : JSON.stringify(a.after),
            import_id: this.importId,
          })),
        )
        .execute();
    }
  }

  progress(phase: ImportProgress["phase"]): void {
    this.onProgress?.({
      phase,
      rowsDone: this.rowsDone,
      rowsValidated: this.rowsValidated,
      rowsTotal: this.rowsTotal,
      bytesDone: this.bytesDone,
      bytesTotal: this.bytesTotal,
    });
  }

  // RecordReferences: what records' codes resolve against (the shared record-columns helpers).

  organizationByCode(code: string): Organization | undefined {
    return this.organizations.get(code);
  }

  operationIdByCode(code: string): number | undefined {
    return this.operations.get(code)?.id;
  }

  hasTask(operationId: number, taskCode: string): boolean {
    return this.tasks.get(operationId)?.has(taskCode) ?? false;
  }

  reportProblem(row: RowRef, problem: RecordProblem): void {
    const cell = importProblemCell(problem);
    this.fail(row, cell.column, cell.value, cell.why);
  }

  /** The organization of a code, or a problem on `column`. */
  organization(row: RowRef, column: string, code: string): Organization | undefined {
    return organizationOf(this, row, column, code);
  }
}
