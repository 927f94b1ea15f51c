// The commands of `coherence`. Each opens the database named by --db, does one thing, and
// closes it.
import {
  createReadStream,
  createWriteStream,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { once } from "node:events";
import { hashPassword } from "@coherence/api";
import { connect, migrateToLatest, ROLES } from "@coherence/db";
import type { Connection, Role } from "@coherence/db";
import { formatAmount } from "@coherence/funding-model";
import {
  assessOperation,
  exportCsvStream,
  exportXlsxBytes,
  gapsCsv,
  gapsXlsx,
  readMapping,
  runImport,
  undoImport,
  UndoError,
  writeMapping,
} from "@coherence/imports";
import type { ImportOutcome } from "@coherence/imports";
import {
  CANONICAL_KINDS,
  IMPORTER_KINDS,
  formatProblem,
  importerFor,
  writeRejectsCsv,
} from "@coherence/interchange";
import type { CanonicalKind } from "@coherence/interchange";
import { UnknownOperationError, gapsJson, operationReport } from "@coherence/reports";
import type { PeriodInput } from "@coherence/reports";
import { backupDatabase, restoreDatabase } from "./backup";
import { RejectedError, UsageError } from "./types";
import type { Command, CommandContext } from "./types";

async function withDb<T>(
  ctx: CommandContext,
  body: (connection: Connection) => Promise<T>,
): Promise<T> {
  const connection = connect(ctx.database);
  try {
    await migrateToLatest(connection.db);
    return await body(connection);
  } finally {
    await connection.close();
  }
}

const out = (ctx: CommandContext, text: string | Uint8Array) => ctx.io.stdout.write(text);
const err = (ctx: CommandContext, text: string) => ctx.io.stderr.write(text);
const usd = (cents: number) => formatAmount(cents, "USD", { grouping: true });

function one(ctx: CommandContext, name: "operation" | "entity"): string | undefined {
  const list = ctx.values[name];
  if (list && list.length > 1) throw new UsageError(`give --${name} once`);
  return list?.[0];
}

function year(text: string | undefined, option = "--year"): number {
  if (text === undefined) throw new UsageError(`${option} YYYY is required`);
  if (!/^\d{4}$/.test(text)) throw new UsageError(`${option} must be a year (YYYY), got "${text}"`);
  return Number(text);
}

function isoDate(text: string | undefined, option: string): string {
  if (text === undefined) throw new UsageError(`${option} YYYY-MM-DD is required`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text))
    throw new UsageError(`${option} must be a date YYYY-MM-DD, got "${text}"`);
  return text;
}

function periodOf(ctx: CommandContext): PeriodInput {
  const kind = ctx.values.period ?? "peacekeeping";
  if (kind === "calendar" || kind === "peacekeeping") return { kind, year: year(ctx.values.year) };
  if (kind === "custom") {
    const from = isoDate(ctx.values.from, "--from");
    const to = isoDate(ctx.values.to, "--to");
    if (to < from) throw new UsageError("--to is before --from");
    return { kind, from, to };
  }
  throw new UsageError(`--period must be calendar, peacekeeping or custom, got "${kind}"`);
}

function summary(outcome: ImportOutcome): string {
  const c = outcome.counts;
  const what = outcome.dryRun ? "would be" : "";
  const parts = [
    `${c.read} read`,
    `${c.created} ${what ? "to create" : "created"}`,
    `${c.updated} ${what ? "to update" : "updated"}`,
    `${c.unchanged} unchanged`,
    `${c.rejected} rejected`,
  ];
  const status = outcome.dryRun
    ? "dry run: nothing written"
    : outcome.committed
      ? `import #${String(outcome.importId)}`
      : "refused: nothing written";
  return `${outcome.fileNames.join(", ")}: ${parts.join(", ")} (${status})\n`;
}

const importCommand: Command = {
  summary: "import files of one kind (atomic by default)",
  usage: "import <kind> <file...> [--dry-run] [--partial] [--rejects FILE] [--json]",
  options: ["dry-run", "partial", "rejects", "json"],
  help: `Kinds: ${IMPORTER_KINDS.join(", ")}.
Atomic by default: every row or none, with every problem listed as
FILE:LINE: column "NAME": value "V": reason (on stderr). Re-importing the same file changes
nothing ("N unchanged"); a changed row updates the record with the same key, keeping history.

  --dry-run       validate and count what would change; write nothing
  --partial       take the good rows; the bad ones are listed (and written with --rejects)
  --rejects FILE  write the rejected rows (same columns + line,column,reason) to FILE
  --json          print the outcome as JSON on stdout

FTS and IATI imports use the stored mappings (see "coherence mapping show fts").
Examples:
  pnpm coherence import organizations orgs.csv
  pnpm coherence import flows flows.xlsx --partial --rejects flows.rejects.csv
  pnpm coherence import fts page-1.json page-2.json page-3.json`,
  async run(ctx) {
    const [kind, ...files] = ctx.args;
    if (!kind) throw new UsageError("name the kind of file");
    if (!importerFor(kind))
      throw new UsageError(`unknown kind "${kind}" (kinds: ${IMPORTER_KINDS.join(", ")})`);
    if (files.length === 0) throw new UsageError("name at least one file");
    const paths = files.map((f) => ctx.resolvePath(f));
    for (const p of paths) {
      try {
        if (!statSync(p).isFile()) throw new UsageError(`${p} is not a file`);
      } catch (error) {
        if (error instanceof UsageError) throw error;
        throw new UsageError(`cannot read ${p}`);
      }
    }
    const outcome = await withDb(ctx, (connection) =>
      runImport(connection.db, {
        kind: kind as ImportOutcome["kind"],
        files: paths.map((p, i) => ({
          fileName: files[i]!,
          data: createReadStream(p),
          size: statSync(p).size,
        })),
        actor: ctx.actor,
        mode: ctx.values.partial ? "partial" : "atomic",
        dryRun: ctx.values["dry-run"] ?? false,
        onProgress: (p) => {
          ctx.progress(p.bytesTotal ? p.bytesDone : p.rowsDone, p.bytesTotal, "rows");
        },
      }),
    );
    ctx.endProgress();
    for (const p of outcome.problems) err(ctx, `${formatProblem(p)}\n`);
    if (ctx.values.rejects) {
      const target = ctx.resolvePath(ctx.values.rejects);
      const kinds = Object.keys(outcome.rejects) as CanonicalKind[];
      const kindOfFile = (CANONICAL_KINDS as readonly string[]).includes(kind)
        ? (kind as CanonicalKind)
        : (kinds[0] ?? "flows");
      writeFileSync(target, writeRejectsCsv(kindOfFile, outcome.rejects[kindOfFile] ?? []));
      err(ctx, `rejected rows written to ${target}\n`);
    }
    if (ctx.values.json) out(ctx, `${JSON.stringify(outcome, null, 2)}\n`);
    else {
      out(ctx, summary(outcome));
      for (const line of outcome.report.notMapped)
        out(
          ctx,
          `  not taken: ${line.count} ${line.what}${line.reason ? `: ${line.reason}` : ""}\n`,
        );
      if (outcome.fts) {
        const f = outcome.fts;
        out(
          ctx,
          `  FTS incoming funding ${usd(f.incoming.fundingUsdCents)} USD, pledges ${usd(f.incoming.pledgesUsdCents)} USD (${f.incoming.flowCount} flows)\n`,
        );
        out(
          ctx,
          `  apart: shared ${f.incomingShared.flowCount} flows (${usd(f.incomingShared.usdCents)}), internal transfers ${f.internal.flowCount} (${usd(f.internal.usdCents)}), outgoing ${f.outgoing.flowCount} (${usd(f.outgoing.usdCents)})\n`,
        );
        out(
          ctx,
          `  in the ledger: ${f.inLedger.flowCount} flows, funded ${usd(f.inLedger.fundedUsdCents)} USD, pledged ${usd(f.inLedger.pledgedUsdCents)} USD\n`,
        );
      }
    }
    if (outcome.dryRun) return outcome.problems.length > 0 ? 1 : 0;
    return outcome.committed ? 0 : 1;
  },
};

const REPORT_KINDS = ["gaps"] as const;

const exportCommand: Command = {
  summary: "export a table or a report as CSV or XLSX",
  usage:
    "export <kind|report> [--format csv|xlsx] [--out FILE] [--operation CODE --period ... --year YYYY]",
  options: ["format", "out", "operation", "period", "year", "from", "to"],
  help: `Tables: ${CANONICAL_KINDS.join(", ")} (the canonical import formats: an export imports
back as the same records). Reports: gaps (needs --operation, --period, --year or --from/--to).

  --format csv|xlsx   default csv (UTF-8 with BOM)
  --out FILE          write to FILE instead of stdout

Examples:
  pnpm coherence export flows --out flows.csv
  pnpm coherence export mandates --format xlsx --out mandates.xlsx
  pnpm coherence export gaps --operation MINUSCA --period peacekeeping --year 2024`,
  async run(ctx) {
    const [kind] = ctx.args;
    if (!kind) throw new UsageError("name a table or report");
    if (ctx.args.length > 1) throw new UsageError(`unexpected argument "${ctx.args[1]!}"`);
    const format = ctx.values.format ?? "csv";
    if (format !== "csv" && format !== "xlsx")
      throw new UsageError(`--format must be csv or xlsx, got "${format}"`);
    const isTable = (CANONICAL_KINDS as readonly string[]).includes(kind);
    if (!isTable && !(REPORT_KINDS as readonly string[]).includes(kind))
      throw new UsageError(
        `unknown table or report "${kind}" (${[...CANONICAL_KINDS, ...REPORT_KINDS].join(", ")})`,
      );
    const target = ctx.values.out ? ctx.resolvePath(ctx.values.out) : null;
    const period = isTable ? null : periodOf(ctx);
    const operation = isTable ? undefined : one(ctx, "operation");
    if (!isTable && !operation) throw new UsageError("--operation CODE is required for a report");
    await withDb(ctx, async (connection) => {
      if (!isTable) {
        const report = gapsJson(await operationReport(connection.db, operation!, period!));
        const data = format === "csv" ? gapsCsv(report) : await gapsXlsx(report);
        if (target) writeFileSync(target, data);
        else out(ctx, data);
        return;
      }
      if (format === "xlsx") {
        const bytes = await exportXlsxBytes(connection.db, kind as CanonicalKind);
        if (target) writeFileSync(target, bytes);
        else out(ctx, bytes);
        return;
      }
      const stream = target ? createWriteStream(target) : null;
      for await (const chunk of exportCsvStream(connection.db, kind as CanonicalKind)) {
        if (stream) {
          if (!stream.write(chunk)) await once(stream, "drain");
        } else out(ctx, chunk);
      }
      if (stream) {
        stream.end();
        await once(stream, "finish");
      }
    });
    if (target) err(ctx, `written to ${target}\n`);
    return 0;
  },
};

function pad(text: string, width: number, right = false) {
  return right ? text.padStart(width) : text.padEnd(width);
}

const reportGaps: Command = {
  summary: "requirement, pledged, committed, paid, funded, gap by priority task",
  usage: "report gaps --operation CODE --period calendar|peacekeeping --year YYYY [--json]",
  options: ["operation", "period", "year", "from", "to", "json"],
  help: `One row per ranked task of the latest mandate in force (even at zero) and a row
"Not specified" (task_code null), computed like the web app's task table (@coherence/reports).
Amounts are USD; --json prints decimal strings ("1234.50") and coverage as a decimal string
or null:
  {operation, period: {kind, start, end}, tasks: [{task_code, rank, title, requirement,
   pledged, committed, paid, funded, gap, surplus, coverage}], alignment}

  --period KIND   calendar, peacekeeping (July–June, named by its first year) or custom
  --year YYYY     for calendar and peacekeeping
  --from D --to D for custom
Example:
  pnpm coherence report gaps --operation MINUSCA --period peacekeeping --year 2024 --json | jq .tasks`,
  async run(ctx) {
    const operation = one(ctx, "operation");
    if (!operation) throw new UsageError("--operation CODE is required");
    if (ctx.args.length > 0) throw new UsageError(`unexpected argument "${ctx.args[0]!}"`);
    const period = periodOf(ctx);
    const report = await withDb(ctx, async (c) => {
      try {
        return await operationReport(c.db, operation, period);
      } catch (error) {
        if (error instanceof UnknownOperationError) throw new RejectedError(error.message);
        throw error;
      }
    });
    const gaps = gapsJson(report);
    if (ctx.values.json) {
      out(ctx, `${JSON.stringify(gaps, null, 2)}\n`);
      return 0;
    }
    out(
      ctx,
      `${gaps.operation} ${gaps.period.label} (${gaps.period.start}..${gaps.period.end})${gaps.resolution ? `, ${gaps.resolution}` : ""}; USD\n`,
    );
    const cols = ["requirement", "pledged", "funded", "gap", "surplus"] as const;
    out(
      ctx,
      `${pad("rank", 4)} ${pad("task", 14)} ${cols.map((c) => pad(c, 18, true)).join(" ")} ${pad("coverage", 9, true)}\n`,
    );
    for (const t of gaps.tasks) {
      const cells = cols.map((c) =>
        pad(formatAmount(Math.round(Number(t[c]) * 100), "USD", { grouping: true }), 18, true),
      );
      out(
        ctx,
        `${pad(t.rank === null ? "" : String(t.rank), 4)} ${pad(t.task_code ?? "Not specified", 14)} ${cells.join(" ")} ${pad(t.coverage === null ? "—" : Number(t.coverage).toFixed(4), 9, true)}\n`,
      );
    }
    out(
      ctx,
      `alignment ${gaps.alignment.score ?? "—"}${gaps.alignment.inversions.length ? `; inversions: ${gaps.alignment.inversions.join(", ")}` : ""}\n`,
    );
    return 0;
  },
};

const reportAlignment: Command = {
  summary: "alignment score and priority inversions of an operation",
  usage: "report alignment --operation CODE --period calendar|peacekeeping --year YYYY [--json]",
  options: ["operation", "period", "year", "from", "to", "json"],
  help: `Σ wᵢ·min(1, coverageᵢ) ÷ Σ wᵢ over the ranked tasks with a requirement, wᵢ = 1/rank
(BRIEF item 9), and every pair where a higher-ranked task has strictly lower coverage.
Example:
  pnpm coherence report alignment --operation UNMISS --period peacekeeping --year 2024`,
  async run(ctx) {
    const operation = one(ctx, "operation");
    if (!operation) throw new UsageError("--operation CODE is required");
    const period = periodOf(ctx);
    const report = await withDb(ctx, async (c) => {
      try {
        return await operationReport(c.db, operation, period);
      } catch (error) {
        if (error instanceof UnknownOperationError) throw new RejectedError(error.message);
        throw error;
      }
    });
    const a = report.alignment;
    const json = {
      operation: report.operation.code,
      period: { kind: report.period.kind, start: report.period.from, end: report.period.to },
      score: a.scoreDecimal,
      tasks_counted: a.tasksCounted,
      inversions: a.inversions.map((i) => ({ higher: i.higher.taskCode, lower: i.lower.taskCode })),
    };
    if (ctx.values.json) out(ctx, `${JSON.stringify(json, null, 2)}\n`);
    else {
      out(
        ctx,
        `${json.operation} ${report.period.label}: alignment ${json.score ?? "undefined (no task with a requirement)"} over ${json.tasks_counted} tasks\n`,
      );
      for (const i of a.inversions)
        out(
          ctx,
          `  inversion: ${i.higher.taskCode} (rank ${i.higher.rank}, coverage ${i.higher.coverage.toFixed(4)}) < ${i.lower.taskCode} (rank ${i.lower.rank}, coverage ${i.lower.coverage.toFixed(4)})\n`,
        );
    }
    return 0;
  },
};

const assessCommand: Command = {
  summary: "assess a peacekeeping appropriation on member states by a scale",
  usage: "assess --operation CODE --year YYYY --scale NAME [--entity CODE] [--dry-run] [--json]",
  options: ["operation", "year", "scale", "entity", "dry-run", "json"],
  help: `The appropriation of peacekeeping year YYYY (1 July YYYY – 30 June YYYY+1: the revised
amount of each budget line if any, else the appropriated one) is assessed on the member states
of the scale by largest remainder, summing exactly to the appropriation, and stored as committed
assessed flows (one import, undoable). Running it again changes nothing; an assessment already
stored with the same amount is left as it is (even if paid since).
Example:
  pnpm coherence assess --operation MINUSCA --year 2024 --scale peacekeeping-2024`,
  async run(ctx) {
    const operation = one(ctx, "operation");
    const scale = ctx.values.scale;
    if (!operation) throw new UsageError("--operation CODE is required");
    if (!scale) throw new UsageError("--scale NAME is required");
    const y = year(ctx.values.year);
    const entity = one(ctx, "entity");
    const result = await withDb(ctx, (c) =>
      assessOperation(c.db, {
        operation,
        year: y,
        scale,
        actor: ctx.actor,
        dryRun: ctx.values["dry-run"] ?? false,
        ...(entity ? { entity } : {}),
      }),
    );
    for (const issue of result.issues) err(ctx, `${issue}\n`);
    for (const p of result.import?.problems ?? []) err(ctx, `${formatProblem(p)}\n`);
    if (ctx.values.json) out(ctx, `${JSON.stringify(result, null, 2)}\n`);
    else if (result.ok) {
      out(
        ctx,
        `${operation} ${y}/${String((y + 1) % 100).padStart(2, "0")}: appropriation ${usd(result.appropriationCents)} USD (${result.entity ?? ""}) assessed by ${scale}\n`,
      );
      for (const a of result.assessments)
        out(
          ctx,
          `  ${pad(a.memberState, 6)} ${pad(a.ratePercent, 9, true)} % ${pad(usd(a.amountCents), 20, true)}  ${a.stored}\n`,
        );
      out(ctx, result.import ? summary(result.import) : "nothing to change\n");
    }
    return result.ok ? 0 : 1;
  },
};

const undoCommand: Command = {
  summary: "undo a whole import (unless a record it touched changed since)",
  usage: "undo-import ID",
  options: ["json"],
  help: `Restores every record the import touched to its state before it: created records are
deleted (flows and budget lines softly, they stay in the history), updated ones restored. If a
record it touched has changed since, nothing is undone and those records are listed (exit 1).
Example:
  pnpm coherence undo-import 12`,
  async run(ctx) {
    const [id] = ctx.args;
    if (!id || !/^\d+$/.test(id)) throw new UsageError("give the import's id (a number)");
    const outcome = await withDb(ctx, async (c) => {
      try {
        return await undoImport(c.db, Number(id), { actor: ctx.actor });
      } catch (error) {
        if (error instanceof UndoError) throw new RejectedError(error.message);
        throw error;
      }
    });
    if (ctx.values.json) out(ctx, `${JSON.stringify(outcome, null, 2)}\n`);
    else if (outcome.undone)
      out(
        ctx,
        `import #${id} undone: ${outcome.deleted} deleted, ${outcome.restored} restored${outcome.kept.length ? `, ${outcome.kept.length} kept (still referred to)` : ""}\n`,
      );
    for (const c of outcome.conflicts) err(ctx, `${c.table} ${c.recordId}: ${c.reason}\n`);
    if (!outcome.undone)
      err(ctx, `import #${id} was not undone: ${outcome.conflicts.length} records changed since\n`);
    return outcome.undone ? 0 : 1;
  },
};

const migrateCommand: Command = {
  summary: "bring the database schema up to date",
  usage: "migrate",
  options: [],
  help: "Applies the migrations not yet applied (every command also does this first).",
  async run(ctx) {
    const connection = connect(ctx.database);
    try {
      const applied = await migrateToLatest(connection.db);
      out(ctx, applied.length ? `applied: ${applied.join(", ")}\n` : "the schema is up to date\n");
    } finally {
      await connection.close();
    }
    return 0;
  },
};

const backupCommand: Command = {
  summary: "back up the database to a file",
  usage: "backup <file>",
  options: [],
  help: `SQLite: a consistent online backup (SQLite's backup API) — a database file.
PostgreSQL: a portable dump of every table (JSON lines, read in one repeatable-read
transaction), restorable into an empty database on either engine; so is a file ending .jsonl
from SQLite.
Examples:
  pnpm coherence backup backups/coherence-2025-06-30.db
  pnpm coherence backup dump.jsonl --db postgres://localhost/coherence`,
  async run(ctx) {
    const [file] = ctx.args;
    if (!file) throw new UsageError("name the backup file");
    const target = ctx.resolvePath(file);
    const result = await backupDatabase(ctx.database, target);
    out(ctx, `backed up to ${target} (${result})\n`);
    return 0;
  },
};

const restoreCommand: Command = {
  summary: "restore a backup into an empty database",
  usage: "restore <file>",
  options: [],
  help: `Restores a backup made by "coherence backup" into the database named by --db, which must
be empty (no data; a fresh or migrated database). Refused otherwise (exit 1).
Example:
  pnpm coherence restore dump.jsonl --db postgres://localhost/coherence_copy`,
  async run(ctx) {
    const [file] = ctx.args;
    if (!file) throw new UsageError("name the backup file");
    const source = ctx.resolvePath(file);
    const result = await restoreDatabase(source, ctx.database);
    out(
      ctx,
      `restored ${source} into ${ctx.database.replace(/:\/\/([^:@/]+):[^@/]*@/, "://$1:***@")} (${result})\n`,
    );
    return 0;
  },
};

const usersAdd: Command = {
  summary: "add a user (password from stdin or a prompt)",
  usage:
    'users add --username NAME --role admin|finance_officer|reviewer --display-name "Name" [--operation CODE]... [--entity CODE]...',
  options: ["username", "role", "display-name", "operation", "entity"],
  help: `The password is read from standard input when it is not a terminal (one line), else asked
twice without echo; at least 10 characters. --operation and --entity add assignments (a finance
officer writes only within them): each --operation is an assignment to that operation; each
--entity to that entity; give exactly one of each to assign the pair.
Examples:
  printf '%s\\n' "$PASSWORD" | pnpm coherence users add --username ana --role finance_officer \\
    --display-name "Ana Lima" --operation MINUSCA`,
  async run(ctx) {
    const username = ctx.values.username?.trim().toLowerCase();
    const role = ctx.values.role;
    const displayName = ctx.values["display-name"]?.trim();
    if (!username || !/^[a-z0-9._@-]{2,100}$/.test(username))
      throw new UsageError("--username is required: 2–100 lower-case letters, digits, . _ @ -");
    if (!role || !(ROLES as readonly string[]).includes(role))
      throw new UsageError(`--role must be one of ${ROLES.join(", ")}`);
    if (!displayName) throw new UsageError("--display-name is required");
    let password: string | null;
    if (ctx.io.stdinIsTTY && ctx.io.prompt) {
      password = await ctx.io.prompt("Password: ");
      const again = password === null ? null : await ctx.io.prompt("Again: ");
      if (password !== again) throw new RejectedError("the passwords differ");
    } else password = (await ctx.io.readStdin()).replace(/\r?\n$/, "");
    if (!password || password.length < 10)
      throw new RejectedError("the password needs at least 10 characters");
    const operations = ctx.values.operation ?? [];
    const entities = ctx.values.entity ?? [];
    const pairs: { operation: string | null; entity: string | null }[] =
      operations.length === 1 && entities.length === 1
        ? [{ operation: operations[0]!, entity: entities[0]! }]
        : [
            ...operations.map((o) => ({ operation: o, entity: null })),
            ...entities.map((e) => ({ operation: null, entity: e })),
          ];
    const hash = await hashPassword(password);
    const id = await withDb(ctx, (c) =>
      c.db.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom("users")
          .select("id")
          .where("username", "=", username)
          .executeTakeFirst();
        if (existing) throw new RejectedError(`a user ${username} already exists`);
        const user = await trx
          .insertInto("users")
          .values({ username, display_name: displayName, role: role as Role, password_hash: hash })
          .returning("id")
          .executeTakeFirstOrThrow();
        for (const pair of pairs) {
          const op = pair.operation
            ? await trx
                .selectFrom("operations")
                .select("id")
                .where("code", "=", pair.operation)
                .executeTakeFirst()
            : null;
          const en = pair.entity
            ? await trx
                .selectFrom("organizations")
                .select("id")
                .where("code", "=", pair.entity)
                .executeTakeFirst()
            : null;
          if (pair.operation && !op) throw new RejectedError(`unknown operation ${pair.operation}`);
          if (pair.entity && !en) throw new RejectedError(`unknown organization ${pair.entity}`);
          await trx
            .insertInto("user_assignments")
            .values({ user_id: user.id, operation_id: op?.id ?? null, entity_id: en?.id ?? null })
            .execute();
        }
        await trx
          .insertInto("audit_log")
          .values({
            actor: ctx.actor,
            user_id: null,
            action: "create",
            table_name: "users",
            record_id: String(user.id),
            before_json: null,
            after_json: JSON.stringify({
              username,
              display_name: displayName,
              role,
              assignments: pairs,
            }),
            import_id: null,
          })
          .execute();
        return user.id;
      }),
    );
    out(
      ctx,
      `user ${username} added (#${id}, ${role}${pairs.length ? `, assigned to ${pairs.map((p) => [p.operation, p.entity].filter(Boolean).join("/")).join(", ")}` : ""})\n`,
    );
    return 0;
  },
};

const mappingShow: Command = {
  summary: "print the stored FTS or IATI mapping (JSON)",
  usage: "mapping show fts|iati",
  options: [],
  help: `Prints {"version": N, "mapping": {...}}; edit the mapping and store it with "mapping set".`,
  async run(ctx) {
    const [kind] = ctx.args;
    if (kind !== "fts" && kind !== "iati") throw new UsageError("name the mapping: fts or iati");
    const stored = await withDb(ctx, (c) => readMapping(c.db, kind));
    out(ctx, `${JSON.stringify(stored, null, 2)}\n`);
    return 0;
  },
};

const mappingSet: Command = {
  summary: "store an FTS or IATI mapping from a JSON file",
  usage: "mapping set fts|iati <file.json> --version N",
  options: ["version"],
  help: `Replaces the stored mapping if it is still at --version N (from "mapping show"; 0 when
none is stored): a concurrent change is refused. The file holds the mapping object, or the
{"version", "mapping"} that "mapping show" prints.`,
  async run(ctx) {
    const [kind, file] = ctx.args;
    if (kind !== "fts" && kind !== "iati") throw new UsageError("name the mapping: fts or iati");
    if (!file) throw new UsageError("name the JSON file");
    if (ctx.values.version === undefined || !/^\d+$/.test(ctx.values.version))
      throw new UsageError("--version N is required");
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(ctx.resolvePath(file), "utf8"));
    } catch (error) {
      throw new RejectedError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const mapping =
      typeof json === "object" && json !== null && "mapping" in json ? json.mapping : json;
    const version = await withDb(ctx, async (c) => {
      try {
        return await writeMapping(c.db, kind, mapping, Number(ctx.values.version), ctx.actor);
      } catch (error) {
        throw new RejectedError(error instanceof Error ? error.message : String(error));
      }
    });
    out(ctx, `${kind} mapping stored (version ${version})\n`);
    return 0;
  },
};

export const COMMANDS: Record<string, Command> = {
  migrate: migrateCommand,
  import: importCommand,
  export: exportCommand,
  "report gaps": reportGaps,
  "report alignment": reportAlignment,
  assess: assessCommand,
  "undo-import": undoCommand,
  backup: backupCommand,
  restore: restoreCommand,
  "users add": usersAdd,
  "mapping show": mappingShow,
  "mapping set": mappingSet,
};
