import type { Kysely, Transaction } from "kysely";
import type { Database, Flow, NewFlow } from "../schema";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Record a new funding flow and the first entry of its status history, in one transaction.
 *
 * @example
 * await createFlow(db, { source_id: 1, recipient_id: 2, status: "paid", ... });
 */
export async function createFlow(db: Db, flow: NewFlow): Promise<Flow> {
  const run = async (trx: Db) => {
    const created = await trx
      .insertInto("flows")
      .values(flow)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendFlowHistory(trx, created);
    return created;
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

/** Add the flow's current status, date and amount to its dated history (`importId`: the import that moved it). */
export async function appendFlowHistory(
  db: Db,
  flow: Flow,
  importId: number | null = null,
): Promise<void> {
  await db
    .insertInto("flow_status_history")
    .values({
      flow_id: flow.id,
      status: flow.status,
      status_date: flow.status_date,
      amount: flow.amount,
      currency: flow.currency,
      amount_usd_cents: flow.amount_usd_cents,
      import_id: importId,
    })
    .execute();
}

export interface FlowFilter {
  operation?: string | undefined;
  taskCode?: string | null | undefined;
  status?: string | undefined;
  fundingType?: string | undefined;
  source?: string | undefined;
  recipient?: string | undefined;
  search?: string | undefined;
  includeDeleted?: boolean | undefined;
}

export type FlowSort = "status_date" | "amount_usd_cents" | "external_ref" | "id";

/** Flows with their organizations' and operation's codes, filtered, sorted and paged. */
export async function listFlows(
  db: Kysely<Database>,
  filter: FlowFilter,
  page: { limit: number; offset: number; sort: FlowSort; direction: "asc" | "desc" },
) {
  let query = db
    .selectFrom("flows")
    .innerJoin("organizations as source", "source.id", "flows.source_id")
    .innerJoin("organizations as recipient", "recipient.id", "flows.recipient_id")
    .leftJoin("operations", "operations.id", "flows.operation_id");
  if (!filter.includeDeleted) query = query.where("flows.deleted_at", "is", null);
  if (filter.operation) query = query.where("operations.code", "=", filter.operation);
  if (filter.taskCode === null) query = query.where("flows.task_code", "is", null);
  else if (filter.taskCode) query = query.where("flows.task_code", "=", filter.taskCode);
  if (filter.status) query = query.where("flows.status", "=", filter.status as Flow["status"]);
  if (filter.fundingType)
    query = query.where("flows.funding_type", "=", filter.fundingType as Flow["funding_type"]);
  if (filter.source) query = query.where("source.code", "=", filter.source);
  if (filter.recipient) query = query.where("recipient.code", "=", filter.recipient);
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb("flows.external_ref", "like", pattern),
        eb("flows.notes", "like", pattern),
        eb("source.name", "like", pattern),
        eb("recipient.name", "like", pattern),
      ]),
    );
  }
  const [items, totals] = await Promise.all([
    query
      .selectAll("flows")
      .select([
        "source.code as source_code",
        "recipient.code as recipient_code",
        "operations.code as operation_code",
      ])
      .orderBy(`flows.${page.sort}`, page.direction)
      .orderBy("flows.id", page.direction)
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    query
      .select((eb) => [
        eb.fn.countAll<number>().as("n"),
        eb.fn.sum<string | number | null>("flows.amount_usd_cents").as("usd"),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: totals.n, totalUsdCents: Number(totals.usd ?? 0) };
}

export async function flowHistory(db: Kysely<Database>, flowId: number) {
  return db
    .selectFrom("flow_status_history")
    .selectAll()
    .where("flow_id", "=", flowId)
    .orderBy("id")
    .execute();
}
