import type { IsoDate } from "./dates";

/** Budget stages in the order a line moves through them (BRIEF, "Budget stages"). */
export const REQUIREMENT_STAGES = [
  "proposed",
  "recommended",
  "appropriated",
  "revised",
  "expended",
] as const;
export type RequirementStage = (typeof REQUIREMENT_STAGES)[number];

/** Status of a contribution: one record moves pledged → committed → paid. */
export const FLOW_STATUSES = ["pledged", "committed", "paid"] as const;
export type FlowStatus = (typeof FLOW_STATUSES)[number];

/** Funding types as in UN system financial statistics. */
export const FUNDING_TYPES = [
  "assessed",
  "voluntary_core",
  "voluntary_earmarked",
  "pooled",
] as const;
export type FundingType = (typeof FUNDING_TYPES)[number];

/** Grand Bargain earmarking levels. */
export const EARMARKING_LEVELS = [
  "unearmarked",
  "softly_earmarked",
  "earmarked",
  "tightly_earmarked",
] as const;
export type Earmarking = (typeof EARMARKING_LEVELS)[number];

export const OPERATION_KINDS = ["peacekeeping", "special_political", "country_team"] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

/** A peacekeeping operation, special political mission or UN country team. */
export interface Operation {
  code: string;
  name: string;
  /** ISO 3166-1 alpha-3 country code. */
  country: string;
  kind: OperationKind;
}

/** A ranked priority task of a mandate (rank 1 = highest). */
export interface PriorityTask {
  code: string;
  title: string;
  rank: number;
}

/**
 * One version of an operation's mandate (a Security Council resolution). Renewals are new
 * versions; the latest version in force during a period supplies that period's ranks.
 */
export interface Mandate {
  operationCode: string;
  resolution: string;
  adoptedOn: IsoDate;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  militaryCeiling?: number | null;
  policeCeiling?: number | null;
  tasks: PriorityTask[];
}

export const ENTITY_KINDS = [
  "peacekeeping",
  "political",
  "agency",
  "fund",
  "programme",
  "pooled_fund",
  "other",
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/**
 * A UN entity (UN-DPO, UNDP, UNICEF, the Peacebuilding Fund, ...). Its budget categories belong
 * to `taxonomy` (default: its code). Money held by a `pooled_fund` without a task is that fund's
 * unallocated balance rather than "Not specified".
 */
export interface Entity {
  code: string;
  name: string;
  kind: EntityKind;
  /** 1 = calendar year, 7 = peacekeeping year, 10 = October–September, ... */
  fiscalYearStartMonth: number;
  reportingCurrency: string;
  taxonomy?: string;
}

export const DONOR_KINDS = [
  "member_state",
  "multilateral",
  "un_entity",
  "private",
  "other",
] as const;
export type DonorKind = (typeof DONOR_KINDS)[number];

/** A source of money: a member state, the EU, the World Bank, a foundation, or a UN entity passing money on. */
export interface Donor {
  code: string;
  name: string;
  kind: DonorKind;
  fiscalYearStartMonth?: number;
}

/**
 * One stage row of a stored budget line, in its own currency. A line has one row per stage;
 * all rows of a line share `lineRef`, operation, task, entity, category and usage period.
 */
export interface RequirementLine {
  lineRef: string;
  operationCode: string;
  /** Null when the line is not tied to a mandate task. */
  taskCode: string | null;
  entityCode: string;
  stage: RequirementStage;
  amountMinor: number;
  currency: string;
  /** Usage period of the budget; conversion uses the rate in force on `periodStart`. */
  periodStart: IsoDate;
  periodEnd: IsoDate;
  /** Category in the entity's taxonomy (or a common UNSDG code); null = not categorised. */
  categoryCode?: string | null;
}

/** A dated change of a contribution's status (and, for a correction, of its amount). */
export interface FlowStatusChange {
  status: FlowStatus;
  date: IsoDate;
  /** The amount from this change on, if it changed; otherwise the record's amount applies. */
  amountMinor?: number;
}

/** Where an importer found a flow (e.g. `{ system: "fts", id: "252351" }`). */
export interface SourceRef {
  system: string;
  id: string;
}

/** A USD amount converted by the source itself (FTS's amountUSD with its exchangeRate). */
export interface SourceConversion {
  amountUsdCents: number;
  /** The source's rate as a decimal string, or null if it gave none. */
  exchangeRate: string | null;
  /** Who converted it, e.g. "fts". */
  source: string;
}

/**
 * A contribution: one record whose status moves pledged → committed → paid, with its history.
 * Stored amounts are ≥ 0; a refund is a flow of its own in the other direction.
 */
export interface Flow {
  id: string;
  /** Null for money not tied to any operation (it appears in no operation's figures). */
  operationCode: string | null;
  taskCode: string | null;
  donorCode: string;
  recipientEntityCode: string;
  fundingType: FundingType;
  earmarking?: Earmarking | null;
  /** Current status and the date it was reached (the conversion date). */
  status: FlowStatus;
  statusDate: IsoDate;
  amountMinor: number;
  currency: string;
  /** Period the money is for; defaults to the single day `statusDate`. */
  usageStart?: IsoDate | null;
  usageEnd?: IsoDate | null;
  categoryCode?: string | null;
  /** When the source already converted the amount, that USD amount is kept as given. */
  sourceConversion?: SourceConversion | null;
  /**
   * Set on an onward leg of money inside the same operation (a pooled fund allocating to an
   * agency, a mission passing programme money on): the entity the money comes from. The money
   * is counted at this final leg and taken off the source entity (see README "Counted once").
   */
  transferFromEntityCode?: string | null;
  /** Task under which the source entity held the money; null = its unallocated/untasked money. */
  transferFromTaskCode?: string | null;
  /** Status history, oldest first. The current status/date/amount is the last state. */
  history?: readonly FlowStatusChange[];
  source?: SourceRef | null;
  /** Other systems' identifiers for the same money (e.g. the IATI transaction an FTS flow republishes). */
  alsoReportedAs?: readonly SourceRef[];
}

/** One member state's rate in a scale of assessment for a period, in percent ("22.000"). */
export interface ScaleOfAssessmentRow {
  memberState: string;
  ratePercent: string;
}
