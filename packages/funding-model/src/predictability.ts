import { flowStateAsOf, flowUsage } from "./build-totals";
import { toDayNumber } from "./dates";
import type { IsoDate } from "./dates";
import { dispersion } from "./dispersion";
import type { Dispersion } from "./dispersion";
import { ratioOf, ratioToDecimalString } from "./ratio";
import type { Ratio } from "./ratio";
import { OUTSIDE, compileScheme, periodByIndex } from "./periods";
import type { Period, PeriodScheme } from "./periods";
import type { RateTable } from "./rates";
import { SpreadBuffer, spreadInto } from "./spread";
import type { Flow, FlowStatus, FundingType } from "./types";

export interface PredictabilityOptions {
  rates: RateTable;
  /** The review date: statuses as they stood then; arrears and the five years end there. */
  asOf: IsoDate;
  /** Years for volatility (default calendar years). */
  scheme?: PeriodScheme;
}

/** Decimals of the exact ratio strings (shares, fulfilment, volatility). */
export const PREDICTABILITY_PLACES = 6;

interface RecordBase {
  flowId: string;
  donorCode: string;
  entityCode: string;
  fundingType: FundingType;
}

/** A contribution that was ever pledged: pledge fulfilment and pledge-to-payment days use it. */
export interface PledgeInput extends RecordBase {
  pledgedOn: IsoDate;
  /** The first pledge's amount, converted at the rate in force on its date (cents). */
  pledgedCents: number;
  /** Its status as of the review date. */
  status: FlowStatus;
  /** First payment date, when paid by the review date. */
  paidOn: IsoDate | null;
  /** What counts as paid (cents at the rate on the current status date), 0 if not paid. */
  paidCents: number;
  /** Days from the first pledge to the first payment, when paid. */
  daysToPayment: number | null;
}

/** A contribution funded (committed or paid) as of the review date: the shares use it. */
export interface FundedInput extends RecordBase {
  status: "committed" | "paid";
  date: IsoDate;
  cents: number;
  usage: [IsoDate, IsoDate];
  usageDays: number;
  /** Usage period longer than 366 days. */
  multiYear: boolean;
  assessed: boolean;
}

/** One year of voluntary funding: each contribution's part of it (spread by days of overlap). */
export interface AnnualInput {
  period: Period;
  fundedCents: number;
  parts: { flowId: string; cents: number }[];
}

export interface ArrearsInput {
  flowId: string;
  committedOn: IsoDate;
  daysUnpaid: number;
  cents: number;
}

/** Every record each predictability measure is computed from, per measure. */
export interface PredictabilityInputs {
  asOf: IsoDate;
  pledges: PledgeInput[];
  funded: FundedInput[];
  /** The last five full years, oldest first. */
  annualVoluntary: AnnualInput[];
  arrears: ArrearsInput[];
}

/** The predictability panel's measures, each explained by the records it is computed from. */
export const PREDICTABILITY_MEASURES = [
  "pledgeFulfilment",
  "medianDays",
  "arrears",
  "multiYearShare",
  "assessedShare",
  "volatility",
] as const;
export type PredictabilityMeasure = (typeof PREDICTABILITY_MEASURES)[number];

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
  /** The same ratios as exact decimal strings ({@link PREDICTABILITY_PLACES} decimals). */
  decimals: {
    pledgeFulfilment: string | null;
    multiYearShare: string | null;
    assessedShare: string | null;
    volatility: string | null;
  };
  /** The arithmetic behind volatility: Σ, Σ², mean and standard deviation of the five years. */
  volatilityInputs: Dispersion;
  annualVoluntary: { period: Period; fundedCents: number }[];
  /** Assessed contributions committed and still unpaid 30 days (or more) after their commitment date. */
  arrears: { totalCents: number; flows: ArrearsInput[] };
}

/**
 * The records behind each predictability measure (BRIEF item 10) as of a review date: the
 * contributions ever pledged, those funded, each year's voluntary parts and the arrears. Every
 * figure of {@link predictability} is a sum or a median over these, so an explanation that lists
 * them sums to the figure. Amounts are converted as in the reconciliation: at the rate in force
 * on the date of the status they are counted at.
 *
 * @example predictabilityInputs(flows, { rates, asOf: "2024-06-30" }).pledges[0] // → { flowId: "1", pledgedCents: 100000, paidCents: 80000, daysToPayment: 60, … }
 */
export function predictabilityInputs(
  flows: readonly Flow[],
  options: PredictabilityOptions,
): PredictabilityInputs {
  const asOfDay = toDayNumber(options.asOf);
  const compiled = compileScheme(options.scheme ?? { kind: "calendar" });
  // The five full years that ended on or before the review date.
  const current = compiled.indexOfDay(asOfDay);
  const lastFull = compiled.endDay(current) <= asOfDay ? current : current - 1;
  const years = [lastFull - 4, lastFull - 3, lastFull - 2, lastFull - 1, lastFull];
  const annual = new Map<number, AnnualInput>(
    years.map((y) => [y, { period: periodByIndex(compiled, y), fundedCents: 0, parts: [] }]),
  );
  const buffer = new SpreadBuffer();
  const inputs: PredictabilityInputs = {
    asOf: options.asOf,
    pledges: [],
    funded: [],
    annualVoluntary: [],
    arrears: [],
  };

  for (const flow of flows) {
    const state = flowStateAsOf(flow, options.asOf);
    if (!state) continue;
    const base: RecordBase = {
      flowId: flow.id,
      donorCode: flow.donorCode,
      entityCode: flow.recipientEntityCode,
      fundingType: flow.fundingType,
    };
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
      const paid = state.status === "paid";
      inputs.pledges.push({
        ...base,
        pledgedOn: firstPledge.date,
        pledgedCents: usd(firstPledge.amountMinor ?? flow.amountMinor, firstPledge.date),
        status: state.status,
        paidOn: paid && firstPaid ? firstPaid.date : null,
        paidCents: paid ? cents : 0,
        daysToPayment:
          paid && firstPaid ? toDayNumber(firstPaid.date) - toDayNumber(firstPledge.date) : null,
      });
    }
    if (state.status === "pledged") continue;
    const usage = flowUsage(flow);
    const start = toDayNumber(usage[0]);
    const end = toDayNumber(usage[1]);
    const assessed = flow.fundingType === "assessed";
    inputs.funded.push({
      ...base,
      status: state.status,
      date: state.date,
      cents,
      usage,
      usageDays: end - start + 1,
      multiYear: end - start + 1 > 366,
      assessed,
    });
    if (assessed) {
      const committedDay = toDayNumber(state.date);
      if (state.status === "committed" && asOfDay - committedDay >= 30)
        inputs.arrears.push({
          flowId: flow.id,
          committedOn: state.date,
          daysUnpaid: asOfDay - committedDay,
          cents,
        });
    } else {
      const n = spreadInto(cents, start, end, compiled, buffer);
      for (let i = 0; i < n; i++) {
        const y = buffer.indexes[i]!;
        const year = y === OUTSIDE ? undefined : annual.get(y);
        if (!year || buffer.parts[i] === 0) continue;
        year.fundedCents += buffer.parts[i]!;
        year.parts.push({ flowId: flow.id, cents: buffer.parts[i]! });
      }
    }
  }
  inputs.annualVoluntary = years.map((y) => annual.get(y)!);
  return inputs;
}

/** The median of some numbers (the mean of the middle two for an even count), or null. */
function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const sum = <T>(items: readonly T[], cents: (item: T) => number) =>
  items.reduce((s, item) => s + cents(item), 0);

/** Each predictability measure from its inputs (the arithmetic an explanation shows). */
export function summarisePredictability(inputs: PredictabilityInputs): Predictability {
  const delays = inputs.pledges.flatMap((p) => (p.daysToPayment === null ? [] : [p.daysToPayment]));
  const fundedCents = sum(inputs.funded, (f) => f.cents);
  const fulfilment = ratioOf(
    sum(inputs.pledges, (p) => p.paidCents),
    sum(inputs.pledges, (p) => p.pledgedCents),
  );
  const multiYearShare = ratioOf(
    sum(inputs.funded, (f) => (f.multiYear ? f.cents : 0)),
    fundedCents,
  );
  const assessedShare = ratioOf(
    sum(inputs.funded, (f) => (f.assessed ? f.cents : 0)),
    fundedCents,
  );
  const volatilityInputs = dispersion(
    inputs.annualVoluntary.map((y) => y.fundedCents),
    PREDICTABILITY_PLACES,
  );
  const decimal = (r: Ratio | null) => (r ? ratioToDecimalString(r, PREDICTABILITY_PLACES) : null);
  const cv = volatilityInputs.coefficientOfVariation;
  return {
    pledgeFulfilment: fulfilment,
    pledgeFulfilmentRate: fulfilment ? fulfilment.numerator / fulfilment.denominator : null,
    medianDaysPledgeToPayment: medianOf(delays),
    paymentsAfterPledge: delays.length,
    multiYearShare,
    assessedShare,
    volatility: cv === null ? null : Number(cv),
    decimals: {
      pledgeFulfilment: decimal(fulfilment),
      multiYearShare: decimal(multiYearShare),
      assessedShare: decimal(assessedShare),
      volatility: cv,
    },
    volatilityInputs,
    annualVoluntary: inputs.annualVoluntary.map((y) => ({
      period: y.period,
      fundedCents: y.fundedCents,
    })),
    arrears: { totalCents: sum(inputs.arrears, (f) => f.cents), flows: inputs.arrears },
  };
}

/**
 * Predictability of the money in a set of flows (BRIEF item 10) as of a review date. Filter the
 * flows first (one operation, one donor, one entity...). The records behind each figure are
 * {@link predictabilityInputs}.
 *
 * @example predictability(flows, { rates, asOf: "2024-06-30" }).arrears.totalCents // → 27750000000
 */
export function predictability(
  flows: readonly Flow[],
  options: PredictabilityOptions,
): Predictability {
  return summarisePredictability(predictabilityInputs(flows, options));
}
