// Assessment of a peacekeeping appropriation on member states (BRIEF item 11): the approved
// amount of the operation's budget lines for peacekeeping year YYYY (revised if present, else
// appropriated), split by a scale of assessment by largest remainder so that the assessments
// sum exactly to the appropriation, stored as committed assessed flows through the flows
// importer (so the run is recorded, audited and undoable). Idempotent: a member state's
// assessment that is already stored with the same amount is left as it is, even if it has
// since been paid.
import type { Kysely } from "kysely";
import { assessAppropriation, formatAmount } from "@coherence/funding-model";
import type { Database } from "@coherence/db";
import { exportCsv } from "@coherence/interchange";
import type { FlowRecord } from "@coherence/interchange";
import { runImport } from "./run-import";
import type { ImportOutcome } from "./types";

export interface AssessRequest {
  operation: string;
  /** Peacekeeping year YYYY = 1 July YYYY – 30 June YYYY+1. */
  year: number;
  scale: string;
  /** The entity whose budget is assessed, when the operation's lines name several. */
  entity?: string;
  actor: string;
  dryRun?: boolean;
}

export interface AssessOutcome {
  ok: boolean;
  /** Why nothing was assessed (no appropriation, a scale that does not sum to 100, ...). */
  issues: string[];
  appropriationCents: number;
  entity: string | null;
  assessments: {
    memberState: string;
    ratePercent: string;
    amountCents: number;
    stored: "new" | "changed" | "unchanged";
  }[];
  import: ImportOutcome | null;
}

const STAGE_ORDER = {
  revised: 3,
  appropriated: 2,
  recommended: 1,
  proposed: 0,
  expended: -1,
} as const;

/**
 * @example const result = await assessOperation(db, { operation: "MINUSCA", year: 2024, scale: "peacekeeping-2024", actor: "cli:ana" });
 */
export async function assessOperation(
  db: Kysely<Database>,
  request: AssessRequest,
): Promise<AssessOutcome> {
  const start = `${request.year}-07-01`;
  const end = `${request.year + 1}-06-30`;
  const label = `${request.year}/${String((request.year + 1) % 100).padStart(2, "0")}`;
  const outcome: AssessOutcome = {
    ok: false,
    issues: [],
    appropriationCents: 0,
    entity: null,
    assessments: [],
    import: null,
  };
  const operation = await db
    .selectFrom("operations")
    .selectAll()
    .where("code", "=", request.operation)
    .executeTakeFirst();
  if (!operation) {
    outcome.issues.push(`no operation ${request.operation}`);
    return outcome;
  }
  let lines = await db
    .selectFrom("requirements")
    .innerJoin("organizations", "organizations.id", "requirements.entity_id")
    .select([
      "requirements.external_ref",
      "requirements.stage",
      "requirements.amount_usd_cents",
      "organizations.code as entity",
    ])
    .where("requirements.operation_id", "=", operation.id)
    .where("requirements.deleted_at", "is", null)
    .where("requirements.period_start", "=", start)
    .where("requirements.period_end", "=", end)
    .where("requirements.stage", "in", ["appropriated", "revised"])
    .execute();
  if (request.entity) lines = lines.filter((l) => l.entity === request.entity);
  const entities = [...new Set(lines.map((l) => l.entity))];
  if (entities.length === 0) {
    outcome.issues.push(
      `no appropriated budget line of ${request.operation} for ${label} (${start}..${end})`,
    );
    return outcome;
  }
  if (entities.length > 1) {
    outcome.issues.push(
      `budget lines of several entities (${entities.join(", ")}): choose one with --entity`,
    );
    return outcome;
  }
  const entity = entities[0]!;
  outcome.entity = entity;
  const best = new Map<string, { stage: keyof typeof STAGE_ORDER; cents: number }>();
  for (const l of lines) {
    const current = best.get(l.external_ref);
    if (!current || STAGE_ORDER[l.stage] > STAGE_ORDER[current.stage])
      best.set(l.external_ref, { stage: l.stage, cents: l.amount_usd_cents });
  }
  outcome.appropriationCents = [...best.values()].reduce((s, b) => s + b.cents, 0);
  const scale = await db
    .selectFrom("scale_rates")
    .innerJoin("organizations", "organizations.id", "scale_rates.member_state_id")
    .select(["organizations.code as memberState", "scale_rates.rate_percent as ratePercent"])
    .where("scale_rates.scale", "=", request.scale)
    .where("scale_rates.period_start", "<=", start)
    .where("scale_rates.period_end", ">=", start)
    .execute();
  if (scale.length === 0) {
    outcome.issues.push(`no scale ${request.scale} in force on ${start}`);
    return outcome;
  }
  const assessed = assessAppropriation(outcome.appropriationCents, scale);
  if (!assessed.ok) {
    outcome.issues.push(...assessed.issues);
    return outcome;
  }
  const refOf = (ms: string) => `assess:${request.operation}:${label}:${request.scale}:${ms}`;
  const stored = await db
    .selectFrom("flows")
    .select(["external_ref", "amount", "currency", "deleted_at"])
    .where(
      "external_ref",
      "in",
      assessed.assessments.map((a) => refOf(a.memberState)),
    )
    .execute();
  const storedByRef = new Map(stored.map((s) => [s.external_ref!, s]));
  const records: FlowRecord[] = [];
  for (const a of assessed.assessments) {
    const existing = storedByRef.get(refOf(a.memberState));
    const same =
      existing &&
      existing.deleted_at === null &&
      existing.currency === "USD" &&
      existing.amount === a.amountCents;
    outcome.assessments.push({ ...a, stored: same ? "unchanged" : existing ? "changed" : "new" });
    if (same) continue;
    records.push({
      line: records.length + 2,
      externalRef: refOf(a.memberState),
      source: a.memberState,
      recipient: entity,
      operation: request.operation,
      taskCode: null,
      fundingType: "assessed",
      status: "committed",
      amountMinor: a.amountCents,
      currency: "USD",
      date: start,
      periodStart: start,
      periodEnd: end,
      earmarking: null,
      category: null,
      notes: `Assessment of ${request.operation} ${label} (${formatAmount(outcome.appropriationCents, "USD")} USD) at ${a.ratePercent} % (scale ${request.scale})`,
      sourceConversion: null,
    });
  }
  outcome.ok = true;
  if (records.length === 0) return outcome;
  outcome.import = await runImport(db, {
    kind: "flows",
    files: [
      {
        fileName: `assessment ${request.operation} ${label} (${request.scale})`,
        data: exportCsv("flows", records),
      },
    ],
    actor: request.actor,
    dryRun: request.dryRun ?? false,
  });
  outcome.ok =
    outcome.import.committed || (request.dryRun === true && outcome.import.problems.length === 0);
  return outcome;
}
