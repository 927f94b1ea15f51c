// File imports for the web wizard: preview (a dry run: what would be created, updated or left
// unchanged, and every problem with its line and column), commit (atomic or partial), the list
// of imports, undo, and the stored FTS/IATI mappings. Finance officers import only within their
// assignments (rows outside them are problems naming the line); reviewers may not import.
// Canonical CSV/XLSX files may have headers of their own: `inspect` reads them and proposes a
// canonical column for each (remembered per source organization and kind), preview and commit
// read the file through the confirmed mapping, and a committed import remembers it. `start`
// commits as a background job whose `progress` the wizard polls.
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import {
  InvalidMappingError,
  MappingConflictError,
  UndoError,
  readColumnMapping,
  readMapping,
  rememberColumnMapping,
  runImport,
  undoImport,
  writeMapping,
} from "@coherence/imports";
import type { ImportOutcome, ImportScope } from "@coherence/imports";
import {
  CANONICAL_KINDS,
  IMPORTER_KINDS,
  formatProblem,
  kindColumns,
  mappingGaps,
  readTableHeader,
  suggestColumnMapping,
  writeRejectsCsv,
} from "@coherence/interchange";
import type {
  CanonicalKind,
  ColumnMapping,
  ImportFile,
  ImporterKind,
} from "@coherence/interchange";
import { actorOf } from "../auth/principal";
import type { Principal } from "../auth/principal";
import { recordChanged, toTRPCError } from "../errors";
import { JobRegistry, progressPercent } from "../import-jobs";
import type { JobFailure } from "../import-jobs";
import { canWrite } from "../scope";
import { API_MESSAGES, apiMessage } from "../messages";
import { adminProcedure, codedError, fieldError, messageCodeOf, writerProcedure } from "../trpc";
import { code, pagination, text } from "../validators";
import {
  fileList,
  filesOf,
  hasOneSource,
  keepUpload,
  oneFile,
  oneSource,
  uploadId,
  uploadList,
} from "../import-files";

/** The file's header (as written) → a canonical column, or null to leave the column out. */
const columnMapping = z
  .record(text(200), text(40).nullable())
  .refine((m) => Object.keys(m).length <= 500, { error: API_MESSAGES.too_many_columns });

const fileInput = z
  .object({
    kind: z.enum(IMPORTER_KINDS as [ImporterKind, ...ImporterKind[]]),
    /** The files themselves, or `uploadId`: the files uploaded once with `import.upload`. */
    files: fileList.optional(),
    uploadId: uploadId.optional(),
    mode: z.enum(["atomic", "partial"]).default("atomic"),
    /** The organization the file comes from: its column mapping is remembered for the next file. */
    source: code.optional(),
    columns: columnMapping.optional(),
  })
  .refine(hasOneSource, oneSource);

const canonicalKind = z.enum(CANONICAL_KINDS as unknown as [CanonicalKind, ...CanonicalKind[]]);

/** Reference data only administrators change; everything else by the caller's assignments. */
const ADMIN_TABLES = new Set(["organizations", "operations", "exchange_rates", "scale_rates"]);

export function importScopeCheck(principal: Principal): (scope: ImportScope) => boolean {
  return (scope) => {
    if (principal.role === "admin") return true;
    if (principal.role !== "finance_officer" || ADMIN_TABLES.has(scope.table)) return false;
    if (scope.table === "crosswalk" && scope.entityId === null) return false;
    return canWrite(principal, { operationId: scope.operationId, entityId: scope.entityId });
  };
}

/** What the wizard shows: counts, problems with line/column, changes, rejects as CSV. */
function shape(outcome: ImportOutcome) {
  return {
    kind: outcome.kind,
    fileNames: outcome.fileNames,
    mode: outcome.mode,
    dryRun: outcome.dryRun,
    committed: outcome.committed,
    importId: outcome.importId,
    counts: outcome.counts,
    problems: outcome.problems.map((p) => ({ ...p, message: formatProblem(p) })),
    changes: outcome.changes,
    report: outcome.report,
    rejectsCsv: Object.fromEntries(
      Object.entries(outcome.rejects).map(([kind, rows]) => [
        kind,
        writeRejectsCsv(kind as CanonicalKind, rows),
      ]),
    ) as Partial<Record<CanonicalKind, string>>,
    fts: outcome.fts ?? null,
  };
}

type Ctx = Parameters<Parameters<typeof writerProcedure.mutation>[0]>[0]["ctx"];
type FileInput = z.infer<typeof fileInput>;

async function sourceId(ctx: Ctx, source: string): Promise<number> {
  const row = await ctx.db
    .selectFrom("organizations")
    .select("id")
    .where("code", "=", source)
    .executeTakeFirst();
  if (!row) throw fieldError("source", apiMessage("unknown_source", { code: source }));
  return row.id;
}

/** A mapping applies to canonical kinds only, names their columns only, each at most once. */
function checkColumns(input: FileInput): ColumnMapping | undefined {
  if (!input.columns) return undefined;
  if (!(CANONICAL_KINDS as readonly string[]).includes(input.kind))
    throw fieldError("columns", apiMessage("columns_canonical_only"));
  const gaps = mappingGaps(input.kind as CanonicalKind, input.columns);
  if (gaps.unknown.length > 0)
    throw fieldError(
      "columns",
      apiMessage("columns_unknown", { kind: input.kind, columns: gaps.unknown.join(", ") }),
    );
  if (gaps.duplicated.length > 0)
    throw fieldError(
      "columns",
      apiMessage("columns_twice", { columns: gaps.duplicated.join(", ") }),
    );
  return input.columns;
}

/** Rows a commit applies per batch: small enough for the wizard's progress to move. */
const JOB_BATCH_ROWS = 2000;

async function importFor(
  ctx: Ctx,
  input: FileInput,
  files: ImportFile[],
  dryRun: boolean,
  onProgress?: Parameters<typeof runImport>[1]["onProgress"],
) {
  const columns = checkColumns(input);
  const source = input.source === undefined ? null : await sourceId(ctx, input.source);
  const outcome = await runImport(ctx.db, {
    kind: input.kind,
    files,
    actor: actorOf(ctx.principal),
    userId: ctx.principal.userId,
    mode: input.mode,
    dryRun,
    canWrite: importScopeCheck(ctx.principal),
    now: ctx.now,
    ...(columns && { columns }),
    ...(onProgress && { onProgress, batchSize: JOB_BATCH_ROWS }),
  });
  // The next file from this source comes mapped the same way (only once it was imported).
  if (outcome.committed && columns && source !== null)
    await rememberColumnMapping(ctx.db, {
      sourceId: source,
      kind: input.kind as CanonicalKind,
      mapping: columns,
      actor: actorOf(ctx.principal),
      userId: ctx.principal.userId,
      now: ctx.now(),
    });
  return shape(outcome);
}

type Shaped = ReturnType<typeof shape>;

/** Commits running in this process, polled by `import.progress`. */
const jobs = new JobRegistry<Shaped>();

function jobFailure(error: unknown): JobFailure {
  const mapped = toTRPCError(error);
  if (mapped)
    return { code: mapped.code, message: mapped.message, messageCode: messageCodeOf(mapped.cause) };
  // Unexpected: logged for the operator; the owner learns that nothing was written.
  console.error("import job failed", error);
  return {
    code: "INTERNAL_SERVER_ERROR",
    message: apiMessage("job_failed").text,
    messageCode: { code: "job_failed", params: {} },
  };
}

export const importRouter = {
  /**
   * Keep files for the caller's next steps (inspect, preview, import), which name them by the
   * id answered here: a file is sent once. Kept in this server process while used, for this
   * caller only; `upload_not_found` once expired.
   */
  upload: writerProcedure
    .input(z.object({ files: uploadList }))
    .mutation(({ ctx, input }) => keepUpload(ctx, input.files)),

  /**
   * A canonical file's header, and a canonical column proposed for each of its columns: the
   * mapping remembered for `source` first, then the canonical name, then a known alias.
   */
  inspect: writerProcedure
    .input(
      z
        .object({
          kind: canonicalKind,
          source: code.optional(),
          /** The file itself, or `uploadId` (its first file is read). */
          file: oneFile.optional(),
          uploadId: uploadId.optional(),
        })
        .refine((i) => hasOneSource({ files: i.file, uploadId: i.uploadId }), {
          ...oneSource,
          path: ["file"],
        }),
    )
    .mutation(async ({ ctx, input }) => {
      const [file] = filesOf(ctx, {
        ...(input.file && { files: [input.file] }),
        ...(input.uploadId !== undefined && { uploadId: input.uploadId }),
      });
      const remembered =
        input.source === undefined
          ? { mapping: {}, version: 0 }
          : await readColumnMapping(ctx.db, await sourceId(ctx, input.source), input.kind);
      const header = await readTableHeader(input.kind, file!.data, file!.fileName);
      return {
        headers: header.headers,
        fields: kindColumns(input.kind),
        suggestion: suggestColumnMapping(input.kind, header.headers, remembered.mapping),
        remembered: remembered.version > 0,
        problems: header.problems.map((p) => ({ ...p, message: formatProblem(p) })),
      };
    }),

  /** A dry run: nothing is written. */
  preview: writerProcedure
    .input(fileInput)
    .mutation(({ ctx, input }) => importFor(ctx, input, filesOf(ctx, input), true)),

  /** Import for real: atomic (all rows or none) or partial (the good rows, with rejects). */
  commit: writerProcedure
    .input(fileInput)
    .mutation(({ ctx, input }) => importFor(ctx, input, filesOf(ctx, input), false)),

  /**
   * Commit as a background job: answers at once with the job's id; `progress` tells how far it
   * is and, once done, its outcome (the same as `commit`'s). One running import per user.
   */
  start: writerProcedure.input(fileInput).mutation(({ ctx, input }) => {
    checkColumns(input);
    // An upload gone (expired, or not the caller's) is said now, not as a failed job.
    const files = filesOf(ctx, input);
    if (jobs.runningFor(ctx.principal.userId))
      throw codedError("CONFLICT", apiMessage("import_running"));
    const job = jobs.start(
      { userId: ctx.principal.userId },
      (report) => importFor(ctx, input, files, false, report),
      jobFailure,
    );
    return { jobId: job.id };
  }),

  /**
   * How far a job is: rows validated and written out of the total, as a percentage too, and
   * its outcome or failure once it ends. Only its owner may read it. The job lives in this
   * process and the caller is looked up on the read connection, so it moves while the job's
   * transaction holds the write connection.
   */
  progress: writerProcedure
    .input(z.object({ jobId: z.string().regex(/^[0-9a-f]{32}$/) }))
    .query(({ ctx, input }) => {
      const job = jobs.get(input.jobId);
      if (!job || job.owner.userId !== ctx.principal.userId)
        throw codedError("NOT_FOUND", apiMessage("job_not_found"));
      return {
        jobId: job.id,
        state: job.state,
        phase: job.progress?.phase ?? "reading",
        rowsValidated: job.progress?.rowsValidated ?? 0,
        rowsWritten: job.progress?.rowsDone ?? 0,
        rowsTotal: job.progress?.rowsTotal ?? null,
        percent: progressPercent(job.progress, job.state),
        outcome: job.result,
        error: job.error,
      };
    }),

  /** Imports, newest first: who, when, which file, mode, counts, undone or not. */
  list: writerProcedure.input(z.object({ ...pagination })).query(async ({ ctx, input }) => {
    const [items, total] = await Promise.all([
      ctx.db
        .selectFrom("imports")
        .selectAll()
        .orderBy("id", "desc")
        .limit(input.limit)
        .offset(input.offset)
        .execute(),
      ctx.db
        .selectFrom("imports")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow(),
    ]);
    return {
      items: items.map(({ counts_json, ...row }) => ({
        ...row,
        counts: JSON.parse(counts_json) as Record<string, unknown>,
      })),
      total: total.n,
    };
  }),

  /** Undo a whole import, unless a record it touched changed since (then nothing changes). */
  undo: writerProcedure
    .input(z.object({ id: z.number().int().positive() }))
    .mutation(async ({ ctx, input }) => {
      try {
        const outcome = await undoImport(ctx.db, input.id, {
          actor: actorOf(ctx.principal),
          userId: ctx.principal.userId,
          now: ctx.now,
          canWrite: importScopeCheck(ctx.principal),
        });
        if (outcome.conflicts.some((c) => c.code === "undo_not_assigned"))
          throw codedError("FORBIDDEN", apiMessage("import_outside_assignments"));
        return outcome;
      } catch (error) {
        if (error instanceof UndoError)
          throw codedError(
            error.problem === "no_such_import" ? "NOT_FOUND" : "BAD_REQUEST",
            error.problem === "no_such_import"
              ? apiMessage("import_not_found", { id: input.id })
              : apiMessage("import_already_undone", {
                  id: input.id,
                  at: String(error.params.at),
                  who: String(error.params.who),
                }),
          );
        throw error;
      }
    }),

  /** The stored FTS or IATI mapping and its version. */
  mapping: writerProcedure
    .input(z.object({ kind: z.enum(["fts", "iati"]) }))
    .query(({ ctx, input }) => readMapping(ctx.db, input.kind)),

  /** Replace the stored mapping if it is still at `version` (0: none stored yet). */
  setMapping: adminProcedure
    .input(
      z.object({
        kind: z.enum(["fts", "iati"]),
        version: z.number().int().min(0),
        mapping: z.unknown(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      try {
        const version = await writeMapping(
          ctx.db,
          input.kind,
          input.mapping,
          input.version,
          actorOf(ctx.principal),
          ctx.principal.userId,
          ctx.now(),
        );
        return { version };
      } catch (error) {
        // The English text keeps the mapping's own issues (what an administrator's script reads).
        if (error instanceof InvalidMappingError)
          throw fieldError("mapping", { ...apiMessage("mapping_invalid"), text: error.message });
        if (error instanceof MappingConflictError)
          throw codedError(
            "CONFLICT",
            recordChanged({
              updated_by: error.updatedBy,
              updated_at: error.updatedAt ?? "",
              version: error.version,
            }),
          );
        throw error;
      }
    }),
} satisfies TRPCRouterRecord;
