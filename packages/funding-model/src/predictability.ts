import { flowStateAsOf, flowUsage } from "./build-totals";
import { toDayNumber } from "./dates";
import type { IsoDate } from "./dates";
import { ratioOf } from "./ratio";
import type { Ratio } from "./ratio";
import { OUTSIDE, compileScheme, periodByIndex } from "./periods";
import type { Period, PeriodScheme } from "./periods";
import type { RateTable } from "./rates";
import { SpreadBuffer, spreadInto } from "./spread";
import type { Flow } from "./types";

export interface PredictabilityOptions {
  rates: RateTable;
  /** The review date: statuses as they stood then; arrears and the five years end there. */
  asOf: IsoDate;
  /** Years for volatility (default calendar years). */
  scheme?: PeriodScheme;
}

export interface Predictability {
  /** Paid ÷ value ever pledged, over contributions that were ever pledged (exact and for display). */
  pledgeFulfilment: Ratio | null;
  pledgeFulfilmentRate: number | null;
  /** Median days from first pledge to payment over contributions that reached paid after a pledge. */
  medianDaysPledgeToPayment: number | null;
  paymentsAfterPledge: number;
  /** Funded whose usage period is longer than 366 days ÷ funded. */
  multiYearShare: Ratio | null;
  /** Assessed funded ÷ funded. */
  assessedShare: Ratio | null;
  /** Coefficient of variation (population) of annual voluntary funding over the last five full years. */
  volatility: number | null;
  annualVoluntary: { period: Period; fundedCents: number }[];
  /** Assessed contributions committed and still unpaid 30 days (or more) after their commitment date. */
  arrears: {
    totalCents: number;
    flows: { flowId: string; committedOn: IsoDate; daysUnpaid: number; cents: number }[];
  };
}

/**
 * Predictability of the money in a set of flows (BRIEF item 10) as of a review date. Filter the
 * flows first (one operation, one donor, one entity...). Amounts are converted as in the
 * reconciliation: at the rate in force on the date of the status they are counted at.
 *
 * @example predictability(flows, { rates, asOf: "2024-06-30" }).arrears.totalCents // → 27750000000
 */
export function predictability(
  flows: readonly Flow[],
  options: PredictabilityOptions,
): Predictability {
  const asOfDay = toDayNumber(options.asOf);
  const compiled = compileScheme(options.scheme ?? { kind: "calendar" });
  // The five full years that ended on or before the review date.
  const current = compiled.indexOfDay(asOfDay);
  const lastFull = compiled.endDay(current) <= asOfDay ? current : current - 1;
  const years = [lastFull - 4, lastFull - 3, lastFull - 2, lastFull - 1, lastFull];
  const annual = new Map(years.map((y) => [y, 0]));
  const buffer = new SpreadBuffer();

  let pledged = 0;
  let paidOfPledged = 0;
  const delays: number[] = [];
  let funded = 0;
  let multiYear = 0;
  let assessed = 0;
  const arrears: Predictability["arrears"]["flows"] = [];

  for (const flow of flows) {
    const state = flowStateAsOf(flow, options.asOf);
    if (!state) continue;
    const usd = (amount: number, date: IsoDate) =>
      flow.sourceConversion && amount === flow.amountMinor
        ? flow.sourceConversion.amountUsdCents
        : options.rates.convert(amount, flow.currency, date).amountUsdCents;
    const changes = [
      ...(flow.history ?? []),
      { status: flow.status, date: flow.statusDate, amountMinor: flow.amountMinor },
    ].filter((c) => toDayNumber(c.date) <= asOfDay);
    const firstPledge = changes.find((c) => c.status === "pledged");
    const firstPaid = changes.find((c) => c.status === "paid");
    const cents = usd(state.amountMinor, state.date);
    if (firstPledge) {
      pledged += usd(firstPledge.amountMinor ?? flow.amountMinor, firstPledge.date);
      if (state.status === "paid") {
        paidOfPledged += cents;
        if (firstPaid) delays.push(toDayNumber(firstPaid.date) - toDayNumber(firstPledge.date));
      }
    }
    if (state.status === "pledged") continue;
    funded += cents;
    const [from, to] = flowUsage(flow);
    const start = toDayNumber(from);
    const end = toDayNumber(to);
    if (end - start + 1 > 366) multiYear += cents;
    if (flow.fundingType === "assessed") {
      assessed += cents;
      const committedDay = toDayNumber(state.date);
      if (state.status === "committed" && asOfDay - committedDay >= 30)
        arrears.push({
          flowId: flow.id,
          committedOn: state.date,
          daysUnpaid: asOfDay - committedDay,
          cents,
        });
    } else {
      const n = spreadInto(cents, start, end, compiled, buffer);
      for (let i = 0; i < n; i++) {
        const y = buffer.indexes[i]!;
        const sum = y === OUTSIDE ? undefined : annual.get(y);
        if (sum !== undefined) annual.set(y, sum + buffer.parts[i]!);
      }
    }
  }

  delays.sort((a, b) => a - b);
  const mid = delays.length >> 1;
  const median =
    delays.length === 0
      ? null
      : delays.length % 2
        ? delays[mid]!
        : (delays[mid - 1]! + delays[mid]!) / 2;
  const values = years.map((y) => annual.get(y)!);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
  const fulfilment = ratioOf(paidOfPledged, pledged);
  return {
    pledgeFulfilment: fulfilment,
    pledgeFulfilmentRate: fulfilment ? paidOfPledged / pledged : null,
    medianDaysPledgeToPayment: median,
    paymentsAfterPledge: delays.length,
    multiYearShare: ratioOf(multiYear, funded),
    assessedShare: ratioOf(assessed, funded),
    volatility: mean === 0 ? null : Math.sqrt(variance) / mean,
    annualVoluntary: years.map((y) => ({
      period: periodByIndex(compiled, y),
      fundedCents: annual.get(y)!,
    })),
    arrears: { totalCents: arrears.reduce((a, f) => a + f.cents, 0), flows: arrears },
  };
}
