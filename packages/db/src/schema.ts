// The tables as Kysely sees them. Dates are ISO `YYYY-MM-DD` strings and timestamps ISO
// strings on both engines (the PostgreSQL connection parses them so); amounts are integers
// in the currency's minor units.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type { FlowStatus, FundingType, RequirementStage } from "@coherence/funding-model";

type Timestamp = ColumnType<string, string | undefined, string>;

export type OrganizationKind =
  "member_state" | "un_entity" | "pooled_fund" | "other_donor" | "partner";
export type RateOrigin = "identity" | "rate_table" | "source";

export interface OrganizationsTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: OrganizationKind;
  fiscal_year_start_month: number;
  currency: string;
  taxonomy: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OperationsTable {
  id: Generated<number>;
  code: string;
  name: string;
  country: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MandatesTable {
  id: Generated<number>;
  operation_id: number;
  resolution: string;
  adopted_on: string;
  period_start: string;
  period_end: string;
  military_ceiling: number | null;
  police_ceiling: number | null;
  superseded_by_id: number | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PriorityTasksTable {
  id: Generated<number>;
  mandate_id: number;
  code: string;
  title: string;
  rank: number;
}

export interface RequirementsTable {
  id: Generated<number>;
  external_ref: string;
  operation_id: number;
  entity_id: number;
  task_code: string | null;
  category: string | null;
  period_start: string;
  period_end: string;
  stage: RequirementStage;
  amount: number;
  currency: string;
  amount_usd_cents: number;
  units_per_usd: string;
  rate_origin: RateOrigin;
  document: string | null;
  version: Generated<number>;
  deleted_at: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FlowsTable {
  id: Generated<number>;
  external_ref: string | null;
  source_id: number;
  recipient_id: number;
  operation_id: number | null;
  task_code: string | null;
  funding_type: FundingType;
  status: FlowStatus;
  status_date: string;
  amount: number;
  currency: string;
  amount_usd_cents: number;
  units_per_usd: string;
  rate_origin: RateOrigin;
  period_start: string;
  period_end: string;
  earmarking: string | null;
  category: string | null;
  notes: string | null;
  provenance: string;
  version: Generated<number>;
  deleted_at: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One row per status a flow has reached: the dated history of pledge → commitment → payment. */
export interface FlowStatusHistoryTable {
  id: Generated<number>;
  flow_id: number;
  status: FlowStatus;
  status_date: string;
  amount: number;
  currency: string;
  amount_usd_cents: number;
  recorded_at: Timestamp;
}

export interface ExchangeRatesTable {
  currency: string;
  effective_date: string;
  /** Units of the currency per 1 USD, as an exact decimal string. */
  units_per_usd: string;
}

export interface Database {
  organizations: OrganizationsTable;
  operations: OperationsTable;
  mandates: MandatesTable;
  priority_tasks: PriorityTasksTable;
  requirements: RequirementsTable;
  flows: FlowsTable;
  flow_status_history: FlowStatusHistoryTable;
  exchange_rates: ExchangeRatesTable;
}

export type Organization = Selectable<OrganizationsTable>;
export type NewOrganization = Insertable<OrganizationsTable>;
export type Operation = Selectable<OperationsTable>;
export type Flow = Selectable<FlowsTable>;
export type NewFlow = Insertable<FlowsTable>;
export type FlowUpdate = Updateable<FlowsTable>;
export type Requirement = Selectable<RequirementsTable>;
export type NewRequirement = Insertable<RequirementsTable>;
