import type {
  Earmarking,
  FlowStatus,
  FundingType,
  IsoDate,
  RequirementStage,
} from "@coherence/funding-model";

/** The kinds of organization a file can declare (the `kind` column of organizations). */
export const ORGANIZATION_KINDS = [
  "member_state",
  "un_entity",
  "pooled_fund",
  "other_donor",
  "partner",
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** Every record keeps the physical line (CSV) or row number (XLSX) it was read from. */
interface FromLine {
  line: number;
}

/** An organization: donor, UN entity, pooled fund or partner. */
export interface OrganizationRecord extends FromLine {
  code: string;
  name: string;
  kind: OrganizationKind;
  /** 1 = calendar year, 7 = peacekeeping year (July–June), 10 = October–September. */
  fiscalYearStartMonth: number;
  currency: string;
  /** Budget category taxonomy; null = the organization's own code. */
  taxonomy: string | null;
}

/** One ranked priority task of one mandate version (one row of a mandates file). */
export interface MandateTaskRecord extends FromLine {
  operation: string;
  /** Optional display name of the operation (created if new); null = use the code. */
  operationName: string | null;
  /** ISO 3166-1 alpha-3. */
  country: string;
  resolution: string;
  adoptedOn: IsoDate;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  taskCode: string;
  taskTitle: string;
  /** 1 = highest priority. */
  rank: number;
  militaryCeiling: number | null;
  policeCeiling: number | null;
}

/** One stage row of a budget line, amount in minor units of `currency`. */
export interface RequirementRecord extends FromLine {
  externalRef: string;
  operation: string;
  entity: string;
  taskCode: string | null;
  category: string | null;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  stage: RequirementStage;
  amountMinor: number;
  currency: string;
  document: string | null;
}

/** A USD amount converted by the source system itself (kept as given, rate origin "source"). */
export interface SourceConversionRecord {
  amountUsdCents: number;
  /** Units of the original currency per USD, exact decimal string, or null if not given. */
  unitsPerUsd: string | null;
}

/** A contribution at its current status; amount in minor units of `currency`. */
export interface FlowRecord extends FromLine {
  externalRef: string;
  source: string;
  recipient: string;
  /** Null: money not tied to an operation. */
  operation: string | null;
  /** Null: not specified. */
  taskCode: string | null;
  fundingType: FundingType;
  status: FlowStatus;
  amountMinor: number;
  currency: string;
  /** The date of the current status (the conversion date). */
  date: IsoDate;
  /**
   * Usage period. Null when the file leaves it empty: the importer fills it with the
   * recipient's fiscal year containing `date` (a pure parser cannot know that fiscal year).
   */
  periodStart: IsoDate | null;
  periodEnd: IsoDate | null;
  earmarking: Earmarking | null;
  category: string | null;
  notes: string | null;
  /** Present when the source already converted the amount to USD (FTS's amountUSD). */
  sourceConversion: SourceConversionRecord | null;
}

/** A UN operational rate: units of `currency` per 1 USD, in force from `effectiveDate`. */
export interface RateRecord extends FromLine {
  currency: string;
  /** Exact decimal string, > 0. */
  unitsPerUsd: string;
  effectiveDate: IsoDate;
}

/** One share of an entity category in a common (UNSDG) category. */
export interface CrosswalkRecord extends FromLine {
  taxonomy: string;
  category: string;
  /** UNSDG-1 … UNSDG-8. */
  commonCategory: string;
  /** Exact decimal ("0.25") or fraction ("1/3") in (0, 1]. */
  share: string;
}

/** One member state's rate in a scale of assessment for a period, in percent. */
export interface ScaleRecord extends FromLine {
  scale: string;
  memberState: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  /** Exact decimal string, e.g. "22.000". */
  ratePercent: string;
}

/** The record type of each canonical kind. */
export interface CanonicalRecords {
  organizations: OrganizationRecord;
  mandates: MandateTaskRecord;
  requirements: RequirementRecord;
  flows: FlowRecord;
  rates: RateRecord;
  crosswalk: CrosswalkRecord;
  scales: ScaleRecord;
}
export type CanonicalKind = keyof CanonicalRecords;

/** The canonical kinds, in the order an import of a full dataset should load them. */
export const CANONICAL_KINDS = [
  "organizations",
  "rates",
  "crosswalk",
  "scales",
  "mandates",
  "requirements",
  "flows",
] as const satisfies readonly CanonicalKind[];
