import type { Kysely } from "kysely";
import type { Database } from "../schema";
import {
  demoFlows,
  demoMandates,
  demoOperation,
  demoOrganizations,
  demoRequirements,
} from "./demo-data";

/** True when the database holds no operation yet: the only case in which the demo is loaded. */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom("operations").select("id").limit(1).executeTakeFirst();
  return row === undefined;
}

const CENTS = 100;

/** Load the demo dataset in one transaction (all or nothing). */
export async function seedDemo(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const orgIds = new Map<string, number>();
    for (const org of demoOrganizations) {
      const { id } = await trx
        .insertInto("organizations")
        .values({ ...org, taxonomy: null })
        .returning("id")
        .executeTakeFirstOrThrow();
      orgIds.set(org.code, id);
    }
    const orgId = (code: string) => {
      const id = orgIds.get(code);
      if (id === undefined) throw new Error(`demo data names unknown organization ${code}`);
      return id;
    };

    const { id: operationId } = await trx
      .insertInto("operations")
      .values(demoOperation)
      .returning("id")
      .executeTakeFirstOrThrow();

    let previousMandateId: number | null = null;
    for (const { tasks, ...mandate } of demoMandates) {
      const inserted: { id: number } = await trx
        .insertInto("mandates")
        .values({ ...mandate, operation_id: operationId })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("priority_tasks")
        .values(tasks.map((task) => ({ ...task, mandate_id: inserted.id })))
        .execute();
      if (previousMandateId !== null) {
        await trx
          .updateTable("mandates")
          .set({ superseded_by_id: inserted.id })
          .where("id", "=", previousMandateId)
          .execute();
      }
      previousMandateId = inserted.id;
    }

    for (const line of demoRequirements) {
      for (const [stage, amount] of Object.entries(line.stages)) {
        await trx
          .insertInto("requirements")
          .values({
            external_ref: line.ref,
            operation_id: operationId,
            entity_id: orgId(line.entity),
            task_code: line.task,
            category: null,
            period_start: line.start,
            period_end: line.end,
            stage: stage as keyof typeof line.stages,
            amount: amount * CENTS,
            currency: "USD",
            amount_usd_cents: amount * CENTS,
            units_per_usd: "1",
            rate_origin: "identity",
            document: line.document,
          })
          .execute();
      }
    }

    for (const flow of demoFlows) {
      const { id } = await trx
        .insertInto("flows")
        .values({
          external_ref: flow.ref,
          source_id: orgId(flow.source),
          recipient_id: orgId(flow.recipient),
          operation_id: operationId,
          task_code: flow.task,
          funding_type: flow.type,
          status: flow.status,
          status_date: flow.date,
          amount: flow.amount * CENTS,
          currency: "USD",
          amount_usd_cents: flow.amount * CENTS,
          units_per_usd: "1",
          rate_origin: "identity",
          period_start: flow.start,
          period_end: flow.end,
          earmarking: flow.earmarking,
          category: null,
          notes: null,
          provenance: "demo",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("flow_status_history")
        .values({
          flow_id: id,
          status: flow.status,
          status_date: flow.date,
          amount: flow.amount * CENTS,
          currency: "USD",
          amount_usd_cents: flow.amount * CENTS,
        })
        .execute();
    }
  });
}

/** Load the demo dataset only into an empty database, so user data is never reseeded over. */
export async function seedDemoIfEmpty(db: Kysely<Database>): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  await seedDemo(db);
  return true;
}
