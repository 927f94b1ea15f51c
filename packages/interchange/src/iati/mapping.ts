import {
  InvalidAmountError,
  UnknownCurrencyError,
  isKnownCurrency,
  parseAmount,
  toDayNumber,
} from "@coherence/funding-model";
import type { FundingType, RequirementStage } from "@coherence/funding-model";
import type { FlowRecord, OrganizationRecord, RequirementRecord } from "../records";
import {
  IATI_AID_TYPE_EARMARKING,
  IATI_AID_TYPE_FUNDING,
  IATI_ORGANISATION_KINDS,
  IATI_TRANSACTION_TYPES,
} from "./codes";
import type { IatiActivity, IatiAidType, IatiOrg } from "./types";

/**
 * The stored, editable mapping from IATI to Coherence (the DB keeps it as JSON). Rules are
 * tried in order; the first match wins.
 */
export interface IatiMapping {
  /** IATI organizations (by ref, else by name) → Coherence organization codes. */
  organizations: { ref?: string; name?: string; organization: string }[];
  /** Activities (by exact identifier, or identifier prefix) → operation and, optionally, task. */
  activities: {
    identifier?: string;
    identifierPrefix?: string;
    operation: string;
    taskCode?: string;
  }[];
  /** Funding type where the aid type does not decide it (default voluntary_earmarked). */
  fundingType?: FundingType;
}

/** What happened to one transaction or budget: taken, or refused with the reason. */
export interface IatiOutcome {
  activity: string;
  element: "transaction" | "budget";
  index: number;
  line: number;
  type: string | null;
  taken: boolean;
  reason: string | null;
}

/** The outcome of {@link applyIatiMapping}. */
export interface IatiMappingResult {
  flows: FlowRecord[];
  requirements: RequirementRecord[];
  /** Organizations named in the file that the mapping does not know (code = IATI ref), to review. */
  organizations: OrganizationRecord[];
  /** One entry per transaction and budget of the file. */
  outcomes: IatiOutcome[];
  /** Activities no rule maps to an operation (their flows have operation null; budgets refused). */
  unmappedActivities: string[];
}

export const EMPTY_IATI_MAPPING: IatiMapping = { organizations: [], activities: [] };

/** Budget type/status → requirement stage: revised → revised; original committed → appropriated; original indicative → proposed. */
export function iatiBudgetStage(
  type: string | null,
  status: string | null,
): RequirementStage | null {
  if (type === "2") return "revised";
  if (type === "1" || type === null)
    return status === "2" ? "appropriated" : status === "1" || status === null ? "proposed" : null;
  return null;
}

function validDate(value: string | null): value is string {
  if (value === null) return false;
  try {
    toDayNumber(value);
    return true;
  } catch {
    return false;
  }
}

function amountOf(value: string | null, currency: string | null): number | string {
  if (value === null || value === "") return "no value";
  if (currency === null) return "no currency (no value currency and no activity default-currency)";
  if (!isKnownCurrency(currency)) return `unknown currency code "${currency}"`;
  if (value.startsWith("-"))
    return `negative value ${value}: a correction; Coherence stores amounts ≥ 0 (enter it as a change of the corrected record)`;
  try {
    return parseAmount(value, currency);
  } catch (error) {
    if (error instanceof InvalidAmountError || error instanceof UnknownCurrencyError)
      return `value "${value}": ${error.message.replace(/^.*?: /, "")}`;
    throw error;
  }
}

function dacCode(types: readonly IatiAidType[]): string | null {
  return types.find((t) => t.vocabulary === "1")?.code ?? null;
}

/**
 * Turns IATI activities into flows (from transactions), requirements (from budgets) and
 * organizations to review, accounting for every transaction and budget: each is taken or
 * refused with its reason. See `IATI_TRANSACTION_TYPES`, `IATI_AID_TYPE_EARMARKING` and
 * {@link iatiBudgetStage} for the tables. A flow's `date` is the value-date (IATI's date for
 * currency conversion, which Coherence converts at) or else the transaction date; its period is
 * left null for the importer to fill.
 * @example const result = applyIatiMapping(parsed.activities, storedMapping);
 */
export function applyIatiMapping(
  activities: readonly IatiActivity[],
  mapping: IatiMapping,
): IatiMappingResult {
  const result: IatiMappingResult = {
    flows: [],
    requirements: [],
    organizations: [],
    outcomes: [],
    unmappedActivities: [],
  };
  const candidates = new Map<string, OrganizationRecord>();
  const codeOf = (
    o: IatiOrg | null,
    currency: string | null,
    line: number,
  ): string | { reason: string } => {
    if (!o) return { reason: "missing" };
    const rule = mapping.organizations.find(
      (r) =>
        (r.ref !== undefined && r.ref === o.ref) || (r.name !== undefined && r.name === o.name),
    );
    if (rule) return rule.organization;
    if (o.ref === null) return { reason: `"${o.name ?? ""}" has no IATI ref and is not mapped` };
    if (!candidates.has(o.ref))
      candidates.set(o.ref, {
        line,
        code: o.ref,
        name: o.name ?? o.ref,
        kind: IATI_ORGANISATION_KINDS[o.type ?? ""] ?? "partner",
        fiscalYearStartMonth: 1,
        currency: currency !== null && isKnownCurrency(currency) ? currency : "USD",
        taxonomy: null,
      });
    return o.ref;
  };
  for (const activity of activities) {
    const rule = mapping.activities.find(
      (r) =>
        (r.identifier !== undefined && r.identifier === activity.identifier) ||
        (r.identifierPrefix !== undefined && activity.identifier.startsWith(r.identifierPrefix)),
    );
    if (!rule) result.unmappedActivities.push(activity.identifier);
    const reporter = codeOf(activity.reportingOrg, activity.defaultCurrency, activity.line);
    for (const p of activity.participatingOrgs) codeOf(p, activity.defaultCurrency, activity.line);
    for (const t of activity.transactions) {
      const outcome: IatiOutcome = {
        activity: activity.identifier,
        element: "transaction",
        index: t.index,
        line: t.line,
        type: t.type,
        taken: false,
        reason: null,
      };
      result.outcomes.push(outcome);
      const refuse = (reason: string) => (outcome.reason = reason);
      const typeRule = IATI_TRANSACTION_TYPES[t.type ?? ""];
      if (!typeRule) {
        refuse(t.type === null ? "no transaction-type" : `unknown transaction type "${t.type}"`);
        continue;
      }
      if (typeRule.refusal !== undefined) {
        refuse(`type ${t.type!} (${typeRule.name}): ${typeRule.refusal}`);
        continue;
      }
      const amount = amountOf(t.value, t.currency);
      if (typeof amount === "string") {
        refuse(amount);
        continue;
      }
      const date = validDate(t.valueDate) ? t.valueDate : t.date;
      if (!validDate(date)) {
        refuse(`no valid value-date or transaction-date (${t.valueDate ?? t.date ?? "none"})`);
        continue;
      }
      const incoming = typeRule.direction === "incoming";
      const counterpart = codeOf(incoming ? t.provider : t.receiver, t.currency, t.line);
      const side = incoming ? "provider-org" : "receiver-org";
      if (typeof counterpart !== "string" || typeof reporter !== "string") {
        const problems: string[] = [];
        if (typeof reporter !== "string") problems.push(`reporting-org ${reporter.reason}`);
        if (typeof counterpart !== "string") problems.push(`${side} ${counterpart.reason}`);
        refuse(problems.join("; "));
        continue;
      }
      const aid = dacCode(t.aidTypes) ?? dacCode(activity.defaultAidTypes);
      outcome.taken = true;
      result.flows.push({
        line: t.line,
        externalRef: `iati:${activity.identifier}:t${t.index}`,
        source: incoming ? counterpart : reporter,
        recipient: incoming ? reporter : counterpart,
        operation: rule?.operation ?? null,
        taskCode: rule ? (rule.taskCode ?? null) : null,
        fundingType:
          (aid !== null ? IATI_AID_TYPE_FUNDING[aid] : undefined) ??
          mapping.fundingType ??
          "voluntary_earmarked",
        status: typeRule.status,
        amountMinor: amount,
        currency: t.currency!,
        date,
        periodStart: null,
        periodEnd: null,
        earmarking: (aid !== null ? IATI_AID_TYPE_EARMARKING[aid] : undefined) ?? null,
        category: null,
        notes: t.description ?? activity.title,
        sourceConversion: null,
      });
    }
    for (const b of activity.budgets) {
      const outcome: IatiOutcome = {
        activity: activity.identifier,
        element: "budget",
        index: b.index,
        line: b.line,
        type: b.type,
        taken: false,
        reason: null,
      };
      result.outcomes.push(outcome);
      const refuse = (reason: string) => (outcome.reason = reason);
      const stage = iatiBudgetStage(b.type, b.status);
      if (stage === null) {
        refuse(`unknown budget type/status ${b.type ?? "-"}/${b.status ?? "-"}`);
        continue;
      }
      if (!rule) {
        refuse("the activity is not mapped to an operation (a requirement needs one)");
        continue;
      }
      if (typeof reporter !== "string") {
        refuse(`reporting-org ${reporter.reason}`);
        continue;
      }
      const amount = amountOf(b.value, b.currency);
      if (typeof amount === "string") {
        refuse(amount);
        continue;
      }
      if (!validDate(b.periodStart) || !validDate(b.periodEnd) || b.periodEnd < b.periodStart) {
        refuse(`invalid budget period ${b.periodStart ?? "?"}..${b.periodEnd ?? "?"}`);
        continue;
      }
      outcome.taken = true;
      result.requirements.push({
        line: b.line,
        externalRef: `iati:${activity.identifier}:budget:${b.periodStart}`,
        operation: rule.operation,
        entity: reporter,
        taskCode: rule.taskCode ?? null,
        category: null,
        periodStart: b.periodStart,
        periodEnd: b.periodEnd,
        stage,
        amountMinor: amount,
        currency: b.currency!,
        document: `IATI ${activity.identifier}`,
      });
    }
  }
  result.organizations = [...candidates.values()];
  return result;
}
