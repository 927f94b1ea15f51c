import { isKnownCurrency, parseAmount } from "@coherence/funding-model";
import type { FundingType } from "@coherence/funding-model";
import type { FlowRecord } from "../records";
import { FTS_STATUSES } from "./types";
import type { FtsBoundary, FtsFlow, FtsObject } from "./types";

/** Matches an FTS object by its id (preferred) or, for CSV exports that have none, its name. */
export interface FtsObjectMatch {
  id?: string;
  name?: string;
}

/**
 * The stored, editable mapping from FTS's objects to Coherence's records (the DB keeps it as
 * JSON; this type is the whole contract). Rules are tried in order; the first that matches wins.
 */
export interface FtsMapping {
  /** FTS organizations (sources and destinations) → Coherence organization codes. */
  organizations: (FtsObjectMatch & { organization: string })[];
  /** A destination Plan, Location or Emergency → an operation. */
  operations: (FtsObjectMatch & { type: "Plan" | "Location" | "Emergency"; operation: string })[];
  /** A destination GlobalCluster, Cluster or Project → a task of an operation. */
  tasks: (FtsObjectMatch & {
    type: "GlobalCluster" | "Cluster" | "Project";
    operation: string;
    taskCode: string;
  })[];
  /** Funding type of mapped flows (default voluntary_earmarked; unearmarked flows: voluntary_core). */
  fundingType?: FundingType;
  /** Boundaries whose flows are imported (default: incoming only). */
  boundaries?: FtsBoundary[];
  /** Import flows with onBoundary "shared" too (default false: FTS keeps them out of one location's total). */
  includeShared?: boolean;
}

/** A flow that could not be turned into a record, and why. */
export interface FtsUnmapped {
  id: string;
  reason: string;
}

/** The outcome of {@link applyFtsMapping}. */
export interface FtsMappingResult {
  flows: (FlowRecord & { ftsVersionId: number | null })[];
  unmapped: FtsUnmapped[];
  /** Names of FTS objects no rule matched, with how many flows each held up. */
  unmatchedObjects: { type: string; id: string | null; name: string; flows: number }[];
}

/** An empty mapping, the starting point of a user's mapping. */
export const EMPTY_FTS_MAPPING: FtsMapping = { organizations: [], operations: [], tasks: [] };

function matches(rule: FtsObjectMatch, object: FtsObject): boolean {
  if (rule.id !== undefined && object.id !== null) return rule.id === object.id;
  return rule.name !== undefined && rule.name === object.name;
}

function yearRange(objects: readonly FtsObject[]): [string, string] | null {
  const years = objects
    .filter((o) => o.type === "UsageYear" && /^\d{4}$/.test(o.name))
    .map((o) => o.name)
    .sort();
  if (years.length === 0) return null;
  return [`${years[0]!}-01-01`, `${years[years.length - 1]!}-12-31`];
}

/**
 * Turns FTS flows into Coherence flow records through a mapping. Kept: FTS's amountUSD and
 * exchangeRate as the source's conversion; the original amount and currency (or the USD amount
 * when FTS gives no original); status pledge/commitment/paid → pledged/committed/paid; the
 * date of the status; usage years → period; Grand Bargain earmarking; versionId.
 * Refused, each with its reason: flows of other boundaries, shared flows (unless asked), flows
 * whose source or destination organization is not mapped or is several organizations.
 * Flows with no matching operation rule are kept with operation null (reported).
 * @example const { flows, unmapped } = applyFtsMapping(merged.flows, storedMapping);
 */
export function applyFtsMapping(
  ftsFlows: readonly FtsFlow[],
  mapping: FtsMapping,
): FtsMappingResult {
  const result: FtsMappingResult = { flows: [], unmapped: [], unmatchedObjects: [] };
  const unmatched = new Map<string, FtsMappingResult["unmatchedObjects"][number]>();
  const boundaries = mapping.boundaries ?? ["incoming"];
  const miss = (object: FtsObject) => {
    const key = `${object.type}\u0000${object.id ?? ""}\u0000${object.name}`;
    const entry = unmatched.get(key);
    if (entry) entry.flows++;
    else unmatched.set(key, { type: object.type, id: object.id, name: object.name, flows: 1 });
  };
  const organization = (
    objects: readonly FtsObject[],
    side: string,
  ): string | { reason: string } => {
    const orgs = objects.filter((o) => o.type === "Organization");
    if (orgs.length === 0) return { reason: `no ${side} organization` };
    if (orgs.length > 1)
      return { reason: `several ${side} organizations (${orgs.map((o) => o.name).join("; ")})` };
    const rule = mapping.organizations.find((r) => matches(r, orgs[0]!));
    if (!rule) {
      miss(orgs[0]!);
      return {
        reason: `${side} organization "${orgs[0]!.name}"${orgs[0]!.id ? ` (FTS id ${orgs[0]!.id})` : ""} is not mapped`,
      };
    }
    return rule.organization;
  };
  for (const flow of ftsFlows) {
    const refuse = (reason: string) => result.unmapped.push({ id: flow.id, reason });
    if (flow.boundary !== null && !boundaries.includes(flow.boundary)) {
      refuse(
        flow.boundary === "internal"
          ? "internal flow: a transfer inside the plan, not new money"
          : `${flow.boundary} flow`,
      );
      continue;
    }
    if (flow.onBoundary === "shared" && !mapping.includeShared) {
      refuse(
        "shared flow: it spans several locations or usage years, so FTS keeps it out of one location's total",
      );
      continue;
    }
    if (flow.date === null) {
      refuse("no date");
      continue;
    }
    const source = organization(flow.sourceObjects, "source");
    const recipient = organization(flow.destinationObjects, "destination");
    if (typeof source !== "string" || typeof recipient !== "string") {
      refuse(
        [source, recipient]
          .filter((s) => typeof s !== "string")
          .map((s) => s.reason)
          .join("; "),
      );
      continue;
    }
    const destinations = flow.destinationObjects;
    const operationRule = mapping.operations.find((r) =>
      destinations.some((o) => o.type === r.type && matches(r, o)),
    );
    const operation = operationRule?.operation ?? null;
    const taskRule =
      operation === null
        ? undefined
        : mapping.tasks.find(
            (r) =>
              r.operation === operation &&
              destinations.some((o) => o.type === r.type && matches(r, o)),
          );
    let amountMinor = flow.amountUsdCents;
    let currency = "USD";
    const original = flow.originalAmount;
    if (
      original !== null &&
      flow.originalCurrency !== null &&
      isKnownCurrency(flow.originalCurrency) &&
      (original !== "0" || flow.amountUsdCents === 0)
    ) {
      try {
        amountMinor = parseAmount(original, flow.originalCurrency);
        currency = flow.originalCurrency;
      } catch {
        refuse(
          `original amount ${original} has more decimals than ${flow.originalCurrency} allows`,
        );
        continue;
      }
    }
    const period = yearRange(destinations);
    const fundingType: FundingType =
      flow.earmarking === "unearmarked"
        ? "voluntary_core"
        : (mapping.fundingType ?? "voluntary_earmarked");
    result.flows.push({
      line: flow.line ?? 0,
      externalRef: `fts:${flow.id}`,
      source,
      recipient,
      operation,
      taskCode: taskRule?.taskCode ?? null,
      fundingType,
      status: FTS_STATUSES[flow.status],
      amountMinor,
      currency,
      date: flow.date,
      periodStart: period?.[0] ?? null,
      periodEnd: period?.[1] ?? null,
      earmarking: flow.earmarking,
      category: null,
      notes: flow.description,
      sourceConversion: { amountUsdCents: flow.amountUsdCents, unitsPerUsd: flow.exchangeRate },
      ftsVersionId: flow.versionId,
    });
  }
  result.unmatchedObjects = [...unmatched.values()].sort((a, b) => b.flows - a.flows);
  return result;
}
