// Reads the records that the funding model reconciles for one operation.
import type { Kysely } from "kysely";
import type { FlowRow, PriorityTask, RequirementRow } from "@coherence/funding-model";
import type { Database } from "../schema";

export interface OperationLedger {
  tasks: PriorityTask[];
  requirements: RequirementRow[];
  flows: FlowRow[];
}

/** Ranked tasks of the operation's latest mandate (the one not superseded, adopted last). */
export async function latestMandateTasks(
  db: Kysely<Database>,
  operationId: number,
): Promise<PriorityTask[]> {
  const mandate = await db
    .selectFrom("mandates")
    .select("id")
    .where("operation_id", "=", operationId)
    .orderBy("adopted_on", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  if (!mandate) return [];
  return db
    .selectFrom("priority_tasks")
    .select(["code", "title", "rank"])
    .where("mandate_id", "=", mandate.id)
    .orderBy("rank")
    .execute();
}

export async function loadOperationLedger(
  db: Kysely<Database>,
  operationId: number,
): Promise<OperationLedger> {
  const [tasks, requirements, flows] = await Promise.all([
    latestMandateTasks(db, operationId),
    db
      .selectFrom("requirements")
      .select(["external_ref", "task_code", "stage", "amount_usd_cents"])
      .where("operation_id", "=", operationId)
      .where("deleted_at", "is", null)
      .execute(),
    db
      .selectFrom("flows")
      .select(["task_code", "status", "amount_usd_cents"])
      .where("operation_id", "=", operationId)
      .where("deleted_at", "is", null)
      .execute(),
  ]);
  return {
    tasks,
    requirements: requirements.map((r) => ({
      lineRef: r.external_ref,
      taskCode: r.task_code,
      stage: r.stage,
      amountUsdCents: r.amount_usd_cents,
    })),
    flows: flows.map((f) => ({
      taskCode: f.task_code,
      status: f.status,
      amountUsdCents: f.amount_usd_cents,
    })),
  };
}
