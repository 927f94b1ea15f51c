import { addMinor } from "@coherence/funding-model";
import type { FtsFlow } from "./types";

/** Sums of a group of flows, in USD cents (FTS's own amountUSD). */
export interface FtsSums {
  /** Status commitment or paid. */
  fundingUsdCents: number;
  /** Status pledge. */
  pledgesUsdCents: number;
  flowCount: number;
}

/**
 * A location-year's figures by FTS's own rule. `incoming` is FTS's headline: incoming flows
 * wholly inside the boundary (`onBoundary` single). Shared incoming flows (several locations
 * or years), internal flows (transfers inside the plan: never new money) and outgoing flows are
 * reported apart, never added in.
 */
export interface FtsLocationYearTotals {
  incoming: FtsSums;
  incomingShared: FtsSums;
  internal: FtsSums;
  outgoing: FtsSums;
  /** Flows without a boundary (e.g. a CSV export that leaves it out). */
  unknown: FtsSums;
}

function empty(): FtsSums {
  return { fundingUsdCents: 0, pledgesUsdCents: 0, flowCount: 0 };
}

/**
 * Computes a location-year's totals from its flows (pass them de-duplicated, e.g. through
 * `mergeFtsFlows`): incoming funding = Σ amountUSD over incoming, single-boundary flows with
 * status commitment or paid; pledges apart.
 * @example
 * const { flows } = mergeFtsFlows(pages.map((p) => p.flows));
 * ftsLocationYearTotals(flows).incoming.fundingUsdCents / 100; // → 381508179 for oPt 2020
 */
export function ftsLocationYearTotals(flows: readonly FtsFlow[]): FtsLocationYearTotals {
  const totals: FtsLocationYearTotals = {
    incoming: empty(),
    incomingShared: empty(),
    internal: empty(),
    outgoing: empty(),
    unknown: empty(),
  };
  for (const flow of flows) {
    let sums: FtsSums;
    if (flow.boundary === "incoming")
      sums = flow.onBoundary === "shared" ? totals.incomingShared : totals.incoming;
    else if (flow.boundary === "internal") sums = totals.internal;
    else if (flow.boundary === "outgoing") sums = totals.outgoing;
    else sums = totals.unknown;
    sums.flowCount++;
    if (flow.status === "pledge")
      sums.pledgesUsdCents = addMinor(sums.pledgesUsdCents, flow.amountUsdCents);
    else sums.fundingUsdCents = addMinor(sums.fundingUsdCents, flow.amountUsdCents);
  }
  return totals;
}
