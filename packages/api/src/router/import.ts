// File imports for the web wizard: preview (a dry run: what would be created, updated or left
// unchanged, and every problem with its line and column), commit (atomic or partial), the list
// of imports, undo, and the stored FTS/IATI mappings. Finance officers import only within their
// assignments (rows outside them are problems naming the line); reviewers may not import.
import { TRPCError } from "@trpc/server";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import {
  InvalidMappingError,
  MappingConflictError,
  UndoError,
  readMapping,
  runImport,
  undoImport,
  writeMapping,
} from "@coherence/imports";
import type { ImportOutcome, ImportScope } from "@coherence/imports";
import { IMPORTER_KINDS, formatProblem, writeRejectsCsv } from "@coherence/interchange";
import type { CanonicalKind, ImporterKind } from "@coherence/interchange";
import { actorOf } from "../auth/principal";
import type { Principal } from "../auth/principal";
import { canWrite } from "../scope";
import { adminProcedure, fieldError, writerProcedure } from "../trpc";
import { pagination, text } from "../validators";

/** 15 MB of file, as base64 or text. */
const MAX_BODY = 20_000_000;

const fileInput = z.object({
  kind: z.enum(IMPORTER_KINDS as [ImporterKind, ...ImporterKind[]]),
  files: z
    .array(
      z.object({
        fileName: text(200).trim().min(1),
        encoding: z.enum(["base64", "text"]).default("text"),
        content: z.string().max(MAX_BODY),
      }),
    )
    .min(1)
    .max(20),
  mode: z.enum(["atomic", "partial"]).default("atomic"),
});

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

function decode(file: z.infer<typeof fileInput>["files"][number]): Uint8Array | string {
  if (file.encoding === "text") return file.content;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(file.content.replace(/\s+/g, "")))
    throw fieldError("files", `${file.fileName}: the content is not base64`);
  return new Uint8Array(Buffer.from(file.content, "base64"));
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

function importFor(ctx: Ctx, input: z.infer<typeof fileInput>, dryRun: boolean) {
  return runImport(ctx.db, {
    kind: input.kind,
    files: input.files.map((f) => ({ fileName: f.fileName, data: decode(f) })),
    actor: actorOf(ctx.principal),
    userId: ctx.principal.userId,
    mode: input.mode,
    dryRun,
    canWrite: importScopeCheck(ctx.principal),
    now: ctx.now,
  });
}

export const importRouter = {
  /** A dry run: nothing is written. */
  preview: writerProcedure
    .input(fileInput)
    .mutation(async ({ ctx, input }) => shape(await importFor(ctx, input, true))),

  /** Import for real: atomic (all rows or none) or partial (the good rows, with rejects). */
  commit: writerProcedure
    .input(fileInput)
    .mutation(async ({ ctx, input }) => shape(await importFor(ctx, input, false))),

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
        if (outcome.conflicts.some((c) => c.reason === "not in your assignments"))
          throw new TRPCError({
            code: "FORBIDDEN",
            message: "This import touched records outside your assignments",
          });
        return outcome;
      } catch (error) {
        if (error instanceof UndoError)
          throw new TRPCError({ code: "BAD_REQUEST", message: error.message });
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
        if (error instanceof InvalidMappingError) throw fieldError("mapping", error.message);
        if (error instanceof MappingConflictError)
          throw new TRPCError({ code: "CONFLICT", message: error.message });
        throw error;
      }
    }),
} satisfies TRPCRouterRecord;
