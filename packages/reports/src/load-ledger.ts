// Reads the stored records into the funding model's vocabulary, so every figure the API
// serves is computed by funding-model from what is stored (BRIEF: "every figure is
// reproducible from the stored records").
import type { Kysely } from "kysely";
import { Crosswalk, RateTable } from "@coherence/funding-model";
import type {
  Entity,
  EntityKind,
  Flow,
  FlowStatusChange,
  Mandate,
  ReconcileRecords,
  RequirementLine,
} from "@coherence/funding-model";
import type { Database, OrganizationKind } from "@coherence/db";

export interface Ledger {
  records: ReconcileRecords & { flows: Flow[]; requirementLines: RequirementLine[] };
  entities: Entity[];
  mandates: Mandate[];
  rates: RateTable;
  crosswalk: Crosswalk;
  /** The latest change to any record the figures depend on: the data's as-of time. */
  asOf: string | null;
}

const ENTITY_KIND: Record<OrganizationKind, EntityKind> = {
  un_entity: "agency",
  pooled_fund: "pooled_fund",
  member_state: "other",
  other_donor: "other",
  partner: "other",
};

/** Organizations whose outgoing money inside an operation is a transfer, not new money. */
const PASSES_MONEY_ON: ReadonlySet<OrganizationKind> = new Set(["un_entity", "pooled_fund"]);

/** Load every live record (or one operation's) with the reference data needed to reconcile it. */
export async function loadLedger(db: Kysely<Database>, operationCode?: string): Promise<Ledger> {
  const organizations = await db.selectFrom("organizations").selectAll().execute();
  const orgById = new Map(organizations.map((o) => [o.id, o]));
  const operations = await db.selectFrom("operations").select(["id", "code"]).execute();
  const opById = new Map(operations.map((o) => [o.id, o.code]));
  const operationId = operationCode
    ? operations.find((o) => o.code === operationCode)?.id
    : undefined;

  let flowQuery = db.selectFrom("flows").selectAll().where("deleted_at", "is", null);
  let requirementQuery = db.selectFrom("requirements").selectAll().where("deleted_at", "is", null);
  let mandateQuery = db.selectFrom("mandates").selectAll();
  if (operationCode !== undefined) {
    const id = operationId ?? -1;
    flowQuery = flowQuery.where("operation_id", "=", id);
    requirementQuery = requirementQuery.where("operation_id", "=", id);
    mandateQuery = mandateQuery.where("operation_id", "=", id);
  }
  const [flows, requirements, mandates, rates, shares] = await Promise.all([
    flowQuery.orderBy("id").execute(),
    requirementQuery.orderBy("id").execute(),
    mandateQuery.execute(),
    db.selectFrom("exchange_rates").selectAll().execute(),
    db
      .selectFrom("crosswalk_shares")
      .innerJoin("categories", "categories.id", "crosswalk_shares.category_id")
      .innerJoin("taxonomies", "taxonomies.id", "categories.taxonomy_id")
      .select([
        "taxonomies.code as taxonomy",
        "categories.code as category",
        "crosswalk_shares.common_category",
        "crosswalk_shares.share",
      ])
      .execute(),
  ]);
  const flowIds = flows.map((f) => f.id);
  const history = flowIds.length
    ? await db
        .selectFrom("flow_status_history")
        .selectAll()
        .where("flow_id", "in", flowIds)
        .orderBy("id")
        .execute()
    : [];
  const historyByFlow = new Map<number, FlowStatusChange[]>();
  for (const h of history) {
    const list = historyByFlow.get(h.flow_id) ?? [];
    list.push({ status: h.status, date: h.status_date, amountMinor: h.amount });
    historyByFlow.set(h.flow_id, list);
  }
  const tasks = mandates.length
    ? await db
        .selectFrom("priority_tasks")
        .selectAll()
        .where(
          "mandate_id",
          "in",
          mandates.map((m) => m.id),
        )
        .execute()
    : [];

  const code = (id: number) => orgById.get(id)?.code ?? `#${id}`;
  let asOf: string | null = null;
  const seen = (stamp: string) => {
    if (asOf === null || stamp > asOf) asOf = stamp;
  };

  const flowRecords: Flow[] = flows.map((f) => {
    seen(f.updated_at);
    const source = orgById.get(f.source_id);
    const transfer =
      f.operation_id !== null && source !== undefined && PASSES_MONEY_ON.has(source.kind);
    return {
      id: String(f.id),
      operationCode: f.operation_id === null ? null : (opById.get(f.operation_id) ?? null),
      taskCode: f.task_code,
      donorCode: code(f.source_id),
      recipientEntityCode: code(f.recipient_id),
      fundingType: f.funding_type,
      earmarking: f.earmarking as Flow["earmarking"],
      status: f.status,
      statusDate: f.status_date,
      amountMinor: f.amount,
      currency: f.currency,
      usageStart: f.period_start,
      usageEnd: f.period_end,
      categoryCode: f.category,
      sourceConversion:
        f.rate_origin === "source"
          ? {
              amountUsdCents: f.amount_usd_cents,
              exchangeRate: f.units_per_usd,
              source: f.provenance,
            }
          : null,
      transferFromEntityCode: transfer ? source.code : null,
      history: historyByFlow.get(f.id) ?? [],
      source: f.external_ref ? { system: f.provenance, id: f.external_ref } : null,
    };
  });

  const requirementLines: RequirementLine[] = requirements.map((r) => {
    seen(r.updated_at);
    return {
      lineRef: r.external_ref,
      operationCode: opById.get(r.operation_id) ?? `#${r.operation_id}`,
      taskCode: r.task_code,
      entityCode: code(r.entity_id),
      stage: r.stage,
      amountMinor: r.amount,
      currency: r.currency,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      categoryCode: r.category,
    };
  });

  return {
    records: { flows: flowRecords, requirementLines },
    entities: organizations.map((o) => ({
      code: o.code,
      name: o.name,
      kind: ENTITY_KIND[o.kind],
      fiscalYearStartMonth: o.fiscal_year_start_month,
      reportingCurrency: o.currency,
      ...(o.taxonomy ? { taxonomy: o.taxonomy } : {}),
    })),
    mandates: mandates.map((m) => ({
      operationCode: opById.get(m.operation_id) ?? `#${m.operation_id}`,
      resolution: m.resolution,
      adoptedOn: m.adopted_on,
      periodStart: m.period_start,
      periodEnd: m.period_end,
      militaryCeiling: m.military_ceiling,
      policeCeiling: m.police_ceiling,
      tasks: tasks
        .filter((t) => t.mandate_id === m.id)
        .map((t) => ({ code: t.code, title: t.title, rank: t.rank })),
    })),
    rates: new RateTable(
      rates.map((r) => ({
        currency: r.currency,
        effectiveFrom: r.effective_date,
        unitsPerUsd: r.units_per_usd,
      })),
    ),
    crosswalk: new Crosswalk(
      shares.map((s) => ({
        taxonomy: s.taxonomy,
        categoryCode: s.category,
        commonCode: s.common_category,
        share: s.share,
      })),
    ),
    asOf,
  };
}
