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
  updated_by: string | null;
}

export type OperationKind = "peacekeeping" | "special_political" | "country_team";

export interface OperationsTable {
  id: Generated<number>;
  code: string;
  name: string;
  country: string;
  kind: ColumnType<OperationKind, OperationKind | undefined, OperationKind>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: string | null;
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
  updated_by: string | null;
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
  updated_by: string | null;
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
  /** The source system's version of the record (FTS `versionId`); null when it has none. */
  source_version: ColumnType<number | null, number | null | undefined, number | null>;
  version: Generated<number>;
  deleted_at: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: string | null;
}

/**
 * A list of a table's columns that must name every one: a column added to the table and not to
 * the list fails to compile, naming the missing column.
 */
function everyColumnOf<Table>() {
  return <const List extends readonly (keyof Table)[]>(
    list: List &
      ([Exclude<keyof Table, List[number]>] extends [never]
        ? unknown
        : { missing: Exclude<keyof Table, List[number]> }),
  ): List => list;
}

/**
 * Every stored column of a flow, in the key order of the record an audit entry keeps (a fast
 * path that builds that record in SQL lists its columns from here).
 */
export const FLOW_COLUMNS = everyColumnOf<FlowsTable>()([
  "id",
  "external_ref",
  "source_id",
  "recipient_id",
  "operation_id",
  "task_code",
  "funding_type",
  "status",
  "status_date",
  "amount",
  "currency",
  "amount_usd_cents",
  "units_per_usd",
  "rate_origin",
  "period_start",
  "period_end",
  "earmarking",
  "category",
  "notes",
  "source_version",
  "provenance",
  "updated_by",
  "created_at",
  "updated_at",
  "version",
  "deleted_at",
]);

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
  /** The import that added this entry (null when entered by hand). */
  import_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface ExchangeRatesTable {
  currency: string;
  effective_date: string;
  /** Units of the currency per 1 USD, as an exact decimal string. */
  units_per_usd: string;
}

export type Role = "admin" | "finance_officer" | "reviewer";
export const ROLES: readonly Role[] = ["admin", "finance_officer", "reviewer"];

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  active: ColumnType<number, number | undefined, number>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserAssignmentsTable {
  id: Generated<number>;
  user_id: number;
  operation_id: number | null;
  entity_id: number | null;
}

export interface SessionsTable {
  id_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  username: string;
  client: string;
  at: string;
  succeeded: number;
}

export interface ImportsTable {
  id: Generated<number>;
  kind: string;
  file_name: string;
  sha256: string;
  actor: string;
  at: string;
  mode: "atomic" | "partial";
  counts_json: string;
  undone_at: string | null;
  undone_by: string | null;
}

export type AuditAction = "create" | "update" | "delete" | "restore" | "status";

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor: string;
  user_id: number | null;
  action: AuditAction;
  table_name: string;
  record_id: string;
  before_json: string | null;
  after_json: string | null;
  import_id: number | null;
}

export interface TaxonomiesTable {
  id: Generated<number>;
  code: string;
  name: string;
}

export interface CategoriesTable {
  id: Generated<number>;
  taxonomy_id: number;
  code: string;
  name: string;
}

export interface CrosswalkSharesTable {
  category_id: number;
  common_category: string;
  /** Exact decimal string; the shares of one category sum to exactly 1. */
  share: string;
}

export interface ScaleRatesTable {
  id: Generated<number>;
  scale: string;
  member_state_id: number;
  period_start: string;
  period_end: string;
  /** Exact decimal string, percent. */
  rate_percent: string;
}

/** One OCHA FTS flow as read, whatever became of it (`flow_id`: the ledger flow it became). */
export interface FtsFlowsTable {
  id: Generated<number>;
  fts_id: string;
  version_id: number | null;
  status: "pledge" | "commitment" | "paid";
  boundary: "incoming" | "internal" | "outgoing" | null;
  on_boundary: "single" | "shared" | null;
  amount_usd_cents: number;
  original_amount: string | null;
  original_currency: string | null;
  exchange_rate: string | null;
  date: string | null;
  /** Organization names of the source side, "; "-separated. */
  source_names: string;
  destination_names: string;
  parent_flow_id: string | null;
  flow_id: number | null;
  /** Why the flow is not in the ledger (internal, shared, unmapped organization, ...). */
  not_taken_reason: string | null;
  file_name: string;
}

/** The stored, editable FTS and IATI mappings (JSON of interchange's FtsMapping / IatiMapping). */
export interface ImportMappingsTable {
  kind: "fts" | "iati";
  mapping_json: string;
  version: Generated<number>;
  updated_at: Timestamp;
  updated_by: string | null;
}

/** A column mapping remembered per source organization and canonical kind (header → column). */
export interface ColumnMappingsTable {
  id: Generated<number>;
  source_id: number;
  kind: string;
  mapping_json: string;
  version: Generated<number>;
  updated_at: Timestamp;
  updated_by: string | null;
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
  users: UsersTable;
  user_assignments: UserAssignmentsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_attempts: LoginAttemptsTable;
  imports: ImportsTable;
  audit_log: AuditLogTable;
  taxonomies: TaxonomiesTable;
  categories: CategoriesTable;
  crosswalk_shares: CrosswalkSharesTable;
  scale_rates: ScaleRatesTable;
  fts_flows: FtsFlowsTable;
  import_mappings: ImportMappingsTable;
  column_mappings: ColumnMappingsTable;
}

export type Organization = Selectable<OrganizationsTable>;
export type NewOrganization = Insertable<OrganizationsTable>;
export type Operation = Selectable<OperationsTable>;
export type Flow = Selectable<FlowsTable>;
export type NewFlow = Insertable<FlowsTable>;
export type FlowUpdate = Updateable<FlowsTable>;
export type Requirement = Selectable<RequirementsTable>;
export type NewRequirement = Insertable<RequirementsTable>;
export type User = Selectable<UsersTable>;
export type AuditEntry = Selectable<AuditLogTable>;
