// One import, start to end: read the files (streaming large canonical CSV files batch by
// batch), resolve every record against the database, write inside ONE transaction, and commit
// only when the mode allows: atomic = no problem at all, partial = the good rows. A dry run
// does everything and rolls back, so its counts are exactly what a commit would do.
import { createHash } from "node:crypto";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { Kysely } from "kysely";
import { sqliteHandleOf } from "@coherence/db";
import type { Database } from "@coherence/db";
import {
  KIND_SPECS,
  countCsvRecords,
  importerFor,
  reason,
  parseCanonical,
  streamCanonicalCsv,
  tableFormatOf,
} from "@coherence/interchange";
import type {
  CanonicalKind,
  CanonicalRecords,
  ColumnMapping,
  FlowRecord,
  FtsFlow,
  FtsUnmapped,
  ImportFile,
  ImportReport,
  ImportResult,
  Problem,
  RejectedRow,
} from "@coherence/interchange";
import { applyCrosswalk } from "./apply/crosswalk";
import { applyFlows } from "./apply/flows";
import { applyFts, ftsStoredTotals } from "./apply/fts";
import { applyMandates } from "./apply/mandates";
import { applyOrganizations } from "./apply/organizations";
import { applyRates } from "./apply/rates";
import { applyRequirements } from "./apply/requirements";
import { applyScales } from "./apply/scales";
import { ImportContext } from "./context";
import type { RowRef } from "./context";
import { readMapping } from "./mappings";
import type { FtsStoredTotals, ImportOutcome, ImportRequest } from "./types";

/** Kinds without whole-file checks: large CSV files of these stream with flat memory. */
const STREAMED: ReadonlySet<CanonicalKind> = new Set(["flows", "organizations", "rates"]);
const CANONICAL: ReadonlySet<string> = new Set(Object.keys(KIND_SPECS));

class Rollback extends Error {}

/**
 * Files held in memory are read in slices of this size, so that a large CSV file streams batch
 * by batch (progress, flat parser memory) as it would from disk.
 */
const SLICE_BYTES = 256 * 1024;

/** Counts bytes and hashes them as a source is read. */
class Tap {
  readonly hash = createHash("sha256");
  bytes = 0;

  async *wrap(source: ImportFile["data"]): AsyncGenerator<Uint8Array> {
    const encoder = new TextEncoder();
    const emit = (chunk: Uint8Array | string) => {
      const bytes = typeof chunk === "string" ? encoder.encode(chunk) : chunk;
      this.hash.update(bytes);
      this.bytes += bytes.length;
      return bytes;
    };
    if (typeof source === "string" || source instanceof Uint8Array) {
      const bytes = typeof source === "string" ? encoder.encode(source) : source;
      for (let at = 0; at < bytes.length; at += SLICE_BYTES)
        yield emit(bytes.subarray(at, at + SLICE_BYTES));
      return;
    }
    if (Symbol.asyncIterator in source) {
      for await (const chunk of source) yield emit(chunk);
      return;
    }
    for (const chunk of source) yield emit(chunk);
  }

  async readAll(source: ImportFile["data"]): Promise<Uint8Array> {
    if (typeof source === "string" || source instanceof Uint8Array) {
      const bytes = typeof source === "string" ? new TextEncoder().encode(source) : source;
      this.hash.update(bytes);
      this.bytes += bytes.length;
      return bytes;
    }
    const parts: Uint8Array[] = [];
    let length = 0;
    for await (const part of this.wrap(source)) {
      parts.push(part);
      length += part.length;
    }
    if (parts.length === 1) return parts[0]!;
    const all = new Uint8Array(length);
    let offset = 0;
    for (const part of parts) {
      all.set(part, offset);
      offset += part.length;
    }
    return all;
  }
}

function rowsOf<K extends CanonicalKind>(
  kind: K,
  file: string,
  records: readonly CanonicalRecords[K][],
): RowRef<K>[] {
  return records.map((record) => ({ kind, file, line: record.line || null, record }));
}

/** Apply records of one canonical kind (one file's, or one streamed batch). */
async function applyKind<K extends CanonicalKind>(
  ctx: ImportContext,
  kind: K,
  rows: RowRef<K>[],
  context: { provenance: string; rejectedGroups: ReadonlyMap<string, number> },
): Promise<void> {
  switch (kind) {
    case "organizations":
      return applyOrganizations(ctx, rows as RowRef<"organizations">[]);
    case "mandates":
      return applyMandates(ctx, rows as RowRef<"mandates">[], context.rejectedGroups);
    case "requirements":
      return applyRequirements(ctx, rows as RowRef<"requirements">[]);
    case "flows":
      return applyFlows(ctx, rows as RowRef<"flows">[], { provenance: context.provenance });
    case "rates":
      return applyRates(ctx, rows as RowRef<"rates">[]);
    case "crosswalk":
      return applyCrosswalk(ctx, rows as RowRef<"crosswalk">[]);
    case "scales":
      return applyScales(ctx, rows as RowRef<"scales">[]);
  }
  throw new Error(`no applier for ${String(kind)}`);
}

/** Same key in two files of one import: the second is a problem, not a silent update. */
class CrossFileKeys {
  private readonly seen = new Map<string, string>();
  constructor(private readonly active: boolean) {}

  filter<K extends CanonicalKind>(ctx: ImportContext, rows: RowRef<K>[]): RowRef<K>[] {
    if (!this.active) return rows;
    return rows.filter((row) => {
      const spec = KIND_SPECS[row.kind];
      const key = spec.key(row.record);
      const first = this.seen.get(key);
      if (first === undefined) {
        this.seen.set(key, `${row.file}:${row.line ?? "?"}`);
        return true;
      }
      ctx.fail(
        row,
        spec.keyColumns.length === 1 ? spec.keyColumns[0]! : null,
        key.replaceAll("\u0000", ", "),
        reason("duplicate_across_files", { columns: spec.keyColumns.join(", "), first }),
      );
      return false;
    });
  }
}

async function importCanonical(
  ctx: ImportContext,
  kind: CanonicalKind,
  request: ImportRequest,
  taps: Tap[],
  report: ImportReport,
): Promise<void> {
  const crossFile = new CrossFileKeys(request.files.length > 1);
  const context = { provenance: `import:${kind}`, rejectedGroups: new Map<string, number>() };
  const groupOf = (cells: Record<string, string>) =>
    `${(cells.operation ?? "").trim()}\u0000${(cells.resolution ?? "").trim()}`;
  // Rows per file, when known: before parsing for CSV in memory, after it for the rest.
  const totals = request.files.map((f) =>
    typeof f.data === "string" ||
    (f.data instanceof Uint8Array && tableFormatOf(f.fileName, f.data.subarray(0, 8)) === "csv")
      ? countCsvRecords(f.data)
      : null,
  );
  const setTotal = () => {
    ctx.rowsTotal = totals.every((t) => t !== null) ? totals.reduce((a, b) => a + b, 0) : null;
  };
  setTotal();
  for (const [i, file] of request.files.entries()) {
    const tap = taps[i]!;
    const take = (problems: Problem[], rejects: RejectedRow[]) => {
      for (const p of problems) ctx.fileProblem(p);
      for (const r of rejects) {
        ctx.parserReject(kind, file.fileName, r);
        if (kind === "mandates") context.rejectedGroups.set(groupOf(r.cells), r.line);
      }
      ctx.counts.read += rejects.length;
      report.read += rejects.length;
      report.refused += rejects.length;
    };
    const head = file.data instanceof Uint8Array ? file.data.subarray(0, 8) : undefined;
    const format = typeof file.data === "string" ? "csv" : tableFormatOf(file.fileName, head);
    const streamed = STREAMED.has(kind) && format === "csv";
    if (streamed) {
      const batches = streamCanonicalCsv(kind, tap.wrap(file.data), {
        fileName: file.fileName,
        batchSize: request.batchSize ?? 5000,
        ...(request.columns && { columns: request.columns }),
      });
      for await (const batch of batches) {
        take(batch.problems, batch.rejects);
        ctx.rowsValidated += batch.records.length + batch.rejects.length;
        ctx.progress("validating");
        if (batch.invalidatedLines.length > 0) {
          // Whole-file checks never invalidate these kinds; if one ever did, refuse the whole
          // import rather than keep rows the file's own checks rejected.
          ctx.refuseWhole = true;
        }
        const rows = crossFile.filter(ctx, rowsOf(kind, file.fileName, batch.records));
        ctx.counts.read += batch.records.length;
        report.read += batch.records.length;
        report.taken += batch.records.length;
        await applyKind(ctx, kind, rows, context);
        ctx.rowsDone += batch.records.length + batch.rejects.length;
        ctx.bytesDone = taps.reduce((n, t) => n + t.bytes, 0);
        ctx.progress("writing");
        // A turn of the event loop between batches: a server answers other requests (the
        // import's own progress among them) while a long import runs.
        await nextTurn();
      }
      continue;
    }
    const bytes = await tap.readAll(file.data);
    ctx.bytesDone = taps.reduce((n, t) => n + t.bytes, 0);
    ctx.progress("reading");
    const parsed = await parseCanonical(kind, bytes, {
      fileName: file.fileName,
      ...(request.columns && { columns: request.columns }),
    });
    take(parsed.problems, parsed.rejects);
    totals[i] = parsed.records.length + parsed.rejects.length;
    setTotal();
    ctx.rowsValidated += parsed.records.length + parsed.rejects.length;
    ctx.progress("validating");
    const rows = crossFile.filter(ctx, rowsOf(kind, file.fileName, parsed.records));
    ctx.counts.read += parsed.records.length;
    report.read += parsed.records.length;
    report.taken += parsed.records.length;
    await applyKind(ctx, kind, rows, context);
    ctx.rowsDone += parsed.records.length + parsed.rejects.length;
    ctx.progress("writing");
  }
  report.mapped.push({ what: kind, count: report.taken });
}

async function readFiles(request: ImportRequest, taps: Tap[]): Promise<ImportFile[]> {
  return Promise.all(
    request.files.map(async (f, i) => ({
      fileName: f.fileName,
      data: await taps[i]!.readAll(f.data),
    })),
  );
}

async function importFts(
  ctx: ImportContext,
  db: Kysely<Database>,
  request: ImportRequest,
  taps: Tap[],
): Promise<ImportResult> {
  const files = await readFiles(request, taps);
  const { mapping } = await readMapping(db, "fts");
  const result = await importerFor("fts")!.import(files, { ftsMapping: mapping });
  for (const p of result.problems) ctx.fileProblem(p);
  ctx.counts.read += result.report.read;
  ctx.rowsTotal = ctx.rowsValidated = result.report.read;
  ctx.progress("validating");
  const detail = result.detail as { ftsFlows: FtsFlow[]; unmapped: FtsUnmapped[] };
  await applyFts(
    ctx,
    detail.ftsFlows,
    result.records.flows as (FlowRecord & { ftsVersionId: number | null })[],
    detail.unmapped,
  );
  ctx.rowsDone = result.report.read;
  return result;
}

async function importIati(
  ctx: ImportContext,
  db: Kysely<Database>,
  request: ImportRequest,
  taps: Tap[],
  report: ImportReport,
): Promise<void> {
  const files = await readFiles(request, taps);
  const { mapping } = await readMapping(db, "iati");
  for (const file of files) {
    const result = await importerFor("iati")!.import([file], { iatiMapping: mapping });
    for (const p of result.problems) ctx.fileProblem(p);
    ctx.counts.read += result.report.read;
    ctx.rowsValidated += result.report.read;
    if (files.length === 1) ctx.rowsTotal = result.report.read;
    ctx.progress("validating");
    report.read += result.report.read;
    report.taken += result.report.taken;
    report.refused += result.report.refused;
    report.mapped.push(...result.report.mapped);
    report.notMapped.push(...result.report.notMapped);
    // Organizations named in the file and not in the mapping are created when missing (kind
    // and fiscal year guessed, to review), never updated from a guess.
    await applyOrganizations(
      ctx,
      rowsOf("organizations", file.fileName, result.records.organizations),
      {
        createOnly: true,
      },
    );
    await applyRequirements(
      ctx,
      rowsOf("requirements", file.fileName, result.records.requirements),
    );
    await applyFlows(ctx, rowsOf("flows", file.fileName, result.records.flows), {
      provenance: "iati",
    });
    ctx.rowsDone += result.report.read;
    ctx.progress("writing");
  }
}

async function importUnRates(
  ctx: ImportContext,
  request: ImportRequest,
  taps: Tap[],
): Promise<ImportResult> {
  const files = await readFiles(request, taps);
  const result = await importerFor("un-rates")!.import(files);
  for (const p of result.problems) ctx.fileProblem(p);
  ctx.counts.read += result.report.read;
  ctx.rowsTotal = ctx.rowsValidated = result.report.read;
  ctx.progress("validating");
  const label = files.length === 1 ? files[0]!.fileName : files.map((f) => f.fileName).join(", ");
  const rows = rowsOf("rates", label, result.records.rates);
  await applyRates(ctx, rows);
  ctx.rowsDone = result.report.read;
  return result;
}

/**
 * Problems name the canonical column; when the file's headers were mapped, the user looks for
 * the file's own header: it becomes the column, the canonical one the `field`.
 */
function inFileColumns(problems: Problem[], columns: ColumnMapping | undefined): Problem[] {
  if (!columns) return problems;
  const headerOf = new Map<string, string>();
  for (const [header, field] of Object.entries(columns))
    if (field !== null && !headerOf.has(field)) headerOf.set(field, header);
  return problems.map((p) => {
    const header = p.column === null ? undefined : headerOf.get(p.column);
    return header === undefined ? p : { ...p, column: header, field: p.column! };
  });
}

function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0),
  );
}

/**
 * Import files of one kind into the database.
 *
 * @example
 * const outcome = await runImport(db, {
 *   kind: "flows",
 *   files: [{ fileName: "flows.csv", data: fs.createReadStream("flows.csv") }],
 *   actor: "cli:ana",
 * });
 * outcome.committed; // false when an atomic import found problems: nothing was written
 * outcome.problems.map(formatProblem); // ['flows.csv:7: column "currency": value "XEU": ...']
 */
export async function runImport(
  db: Kysely<Database>,
  request: ImportRequest,
): Promise<ImportOutcome> {
  if (!importerFor(request.kind)) throw new Error(`unknown import kind ${request.kind}`);
  const mode = request.mode ?? "atomic";
  const dryRun = request.dryRun ?? false;
  const now = (request.now ?? (() => new Date()))();
  const taps = request.files.map(() => new Tap());
  const sizes = request.files.map((f) => f.size);
  const bytesTotal = sizes.every((s) => s !== undefined) ? sizes.reduce((a, b) => a + b, 0) : null;
  const report: ImportReport = { read: 0, taken: 0, refused: 0, mapped: [], notMapped: [] };
  let ctxOut: ImportContext | undefined;
  let importId: number | null = null;
  let sha256 = "";
  let fts: FtsStoredTotals | undefined;
  let finalReport = report;
  let committed = false;
  try {
    await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("imports")
        .values({
          kind: request.kind,
          file_name: request.files.map((f) => f.fileName).join(", "),
          sha256: "",
          actor: request.actor,
          at: now.toISOString(),
          mode,
          counts_json: "{}",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const ctx = new ImportContext(
        trx,
        row.id,
        request.actor,
        request.userId ?? null,
        now,
        mode,
        bytesTotal,
        request.canWrite,
        request.onProgress,
      );
      ctxOut = ctx;
      // The SQLite fast paths run on the raw handle: only while Kysely holds the transaction.
      const sqlite = request.fastPath === false ? undefined : sqliteHandleOf(db);
      if (sqlite?.inTransaction) ctx.sqlite = sqlite;
      await ctx.load();
      if (CANONICAL.has(request.kind)) {
        await importCanonical(ctx, request.kind as CanonicalKind, request, taps, report);
      } else if (request.kind === "fts") {
        finalReport = (await importFts(ctx, trx, request, taps)).report;
      } else if (request.kind === "iati") {
        await importIati(ctx, trx, request, taps, report);
      } else {
        finalReport = (await importUnRates(ctx, request, taps)).report;
      }
      sha256 =
        taps.length === 1
          ? taps[0]!.hash.digest("hex")
          : createHash("sha256")
              .update(taps.map((t) => t.hash.digest("hex")).join(","))
              .digest("hex");
      if (request.kind === "fts") fts = await ftsStoredTotals(trx);
      // Partial mode takes the good rows of a readable file; a problem with the file itself
      // (empty, binary, a missing column, a page that is not FTS JSON) refuses it in any mode.
      const refused =
        ctx.refuseWhole ||
        (mode === "atomic" ? ctx.problems.length > 0 : ctx.fileLevelProblems().length > 0);
      if (dryRun || refused) throw new Rollback();
      await trx
        .updateTable("imports")
        .set({
          sha256,
          counts_json: JSON.stringify({
            read: ctx.counts.read,
            created: ctx.counts.created,
            updated: ctx.counts.updated,
            unchanged: ctx.counts.unchanged,
            rejected: ctx.counts.rejected,
            problems: ctx.problems.length,
            byTable: ctx.counts.byTable,
          }),
        })
        .where("id", "=", row.id)
        .execute();
      importId = row.id;
      committed = true;
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  const ctx = ctxOut!;
  ctx.rowsTotal = ctx.rowsValidated;
  ctx.progress("done");
  return {
    kind: request.kind,
    fileNames: request.files.map((f) => f.fileName),
    mode,
    dryRun,
    committed,
    importId,
    sha256,
    counts: ctx.counts,
    problems: sortProblems(inFileColumns(ctx.problems, request.columns)),
    rejects: ctx.rejects(),
    report: finalReport,
    changes: ctx.changes,
    ...(fts ? { fts } : {}),
  };
}
