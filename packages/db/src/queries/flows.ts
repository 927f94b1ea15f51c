import type { Kysely } from "kysely";
import type { Database, Flow, NewFlow } from "../schema";

/**
 * Record a new funding flow and the first entry of its status history, in one transaction.
 *
 * @example
 * await createFlow(db, { source_id: 1, recipient_id: 2, status: "paid", ... });
 */
export async function createFlow(db: Kysely<Database>, flow: NewFlow): Promise<Flow> {
  return db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto("flows")
      .values(flow)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("flow_status_history")
      .values({
        flow_id: created.id,
        status: created.status,
        status_date: created.status_date,
        amount: created.amount,
        currency: created.currency,
        amount_usd_cents: created.amount_usd_cents,
      })
      .execute();
    return created;
  });
}
