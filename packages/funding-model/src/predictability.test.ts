import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, fromDayNumber, toDayNumber } from "./dates";
import { predictability, predictabilityInputs } from "./predictability";
import { RateTable } from "./rates";
import type { Flow, FlowStatusChange } from "./types";

const rates = new RateTable([{ currency: "EUR", effectiveFrom: "2015-01-01", unitsPerUsd: "0.8" }]);

const flow = (
  f: Partial<Flow> & Pick<Flow, "id" | "status" | "statusDate" | "amountMinor">,
): Flow => ({
  operationCode: "OP",
  taskCode: null,
  donorCode: "D",
  recipientEntityCode: "E",
  fundingType: "voluntary_earmarked",
  currency: "USD",
  ...f,
});

describe("predictability inputs", () => {
  const flows: Flow[] = [
    flow({
      id: "paid-late",
      status: "paid",
      statusDate: "2024-03-01",
      amountMinor: 800,
      history: [
        { status: "pledged", date: "2024-01-01", amountMinor: 1000 },
        { status: "paid", date: "2024-03-01" },
      ],
    }),
    flow({ id: "pledged-only", status: "pledged", statusDate: "2024-05-01", amountMinor: 700 }),
    flow({
      id: "multi-year-eur",
      status: "committed",
      statusDate: "2023-01-01",
      amountMinor: 400,
      currency: "EUR",
      usageStart: "2023-01-01",
      usageEnd: "2024-12-31",
    }),
    flow({
      id: "assessed-unpaid",
      status: "committed",
      statusDate: "2024-04-01",
      amountMinor: 300,
      fundingType: "assessed",
    }),
  ];
  const inputs = predictabilityInputs(flows, { rates, asOf: "2024-05-31" });
  const p = predictability(flows, { rates, asOf: "2024-05-31" });

  it("lists the pledged contributions behind pledge fulfilment and the pledge-to-payment days", () => {
    expect(inputs.pledges).toEqual([
      expect.objectContaining({
        flowId: "paid-late",
        pledgedOn: "2024-01-01",
        pledgedCents: 1000,
        paidOn: "2024-03-01",
        paidCents: 800,
        daysToPayment: 60,
      }),
      expect.objectContaining({
        flowId: "pledged-only",
        pledgedCents: 700,
        paidCents: 0,
        paidOn: null,
        daysToPayment: null,
      }),
    ]);
    // paid ÷ pledged with both sums, and the ratio as an exact decimal string.
    expect(p.pledgeFulfilment).toEqual({ numerator: 800, denominator: 1700 });
    expect(p.decimals.pledgeFulfilment).toBe("0.470588");
    expect(p.medianDaysPledgeToPayment).toBe(60);
  });

  it("lists the funded contributions behind the multi-year and assessed shares", () => {
    expect(
      inputs.funded.map((f) => [f.flowId, f.cents, f.usageDays, f.multiYear, f.assessed]),
    ).toEqual([
      ["paid-late", 800, 1, false, false],
      // 400 EUR cents at 0.8 per USD = 500 US cents, over 731 days.
      ["multi-year-eur", 500, 731, true, false],
      ["assessed-unpaid", 300, 1, false, true],
    ]);
    expect(p.multiYearShare).toEqual({ numerator: 500, denominator: 1600 });
    expect(p.decimals.multiYearShare).toBe("0.312500");
    expect(p.assessedShare).toEqual({ numerator: 300, denominator: 1600 });
    expect(p.decimals.assessedShare).toBe("0.187500");
    expect(inputs.arrears.map((a) => [a.flowId, a.daysUnpaid, a.cents])).toEqual([
      ["assessed-unpaid", 60, 300],
    ]);
  });

  it("lists each year's voluntary parts behind volatility, with its arithmetic", () => {
    expect(inputs.annualVoluntary.map((y) => y.period.label)).toEqual([
      "2019",
      "2020",
      "2021",
      "2022",
      "2023",
    ]);
    // The multi-year flow's 500 over 2023–2024 (365 + 366 days): 250 in 2023 (largest remainder).
    expect(inputs.annualVoluntary.at(-1)).toMatchObject({
      fundedCents: 250,
      parts: [{ flowId: "multi-year-eur", cents: 250 }],
    });
    expect(p.volatilityInputs).toMatchObject({ count: 5, sum: 250n, mean: "50.000000" });
    expect(p.volatilityInputs.standardDeviation).toBe("100.000000");
    expect(p.decimals.volatility).toBe("2.000000");
    expect(p.volatility).toBe(2);
  });
});

// Random contributions: statuses moving forward through dated histories, USD or EUR, some
// assessed, some spread over several years.
const STEPS = ["pledged", "committed", "paid"] as const;
const arbitraryFlow = fc.record({
  start: fc.integer({ min: 0, max: 8 * 365 }),
  from: fc.integer({ min: 0, max: 2 }),
  to: fc.integer({ min: 0, max: 2 }),
  gaps: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 3, maxLength: 3 }),
  amount: fc.integer({ min: 0, max: 50_000_000_000 }),
  eur: fc.boolean(),
  assessed: fc.boolean(),
  usageDays: fc.integer({ min: 1, max: 1500 }),
});
type FlowSpec = typeof arbitraryFlow extends fc.Arbitrary<infer T> ? T : never;

function toFlows(specs: FlowSpec[]): Flow[] {
  return specs.map((s, i) => {
    const first = Math.min(s.from, s.to);
    const last = Math.max(s.from, s.to);
    const history: FlowStatusChange[] = [];
    let day = toDayNumber("2017-01-01") + s.start;
    for (let k = first; k <= last; k++) {
      day += s.gaps[k]!;
      history.push({ status: STEPS[k]!, date: fromDayNumber(day) });
    }
    const lastChange = history.at(-1)!;
    const usageStart = history[0]!.date;
    return flow({
      id: String(i),
      status: lastChange.status,
      statusDate: lastChange.date,
      amountMinor: s.amount,
      currency: s.eur ? "EUR" : "USD",
      fundingType: s.assessed ? "assessed" : "voluntary_core",
      history,
      usageStart,
      usageEnd: addDays(usageStart, s.usageDays - 1),
    });
  });
}

describe("predictability inputs, for any contributions", () => {
  it("sum exactly to every figure they explain, and each year's parts to the year", () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryFlow, { maxLength: 25 }),
        fc.integer({ min: 0, max: 9 * 365 }),
        (specs, asOfOffset) => {
          const flows = toFlows(specs);
          const asOf = addDays("2017-01-01", asOfOffset);
          const inputs = predictabilityInputs(flows, { rates, asOf });
          const p = predictability(flows, { rates, asOf });
          const total = <T>(xs: T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);
          if (p.pledgeFulfilment) {
            expect(p.pledgeFulfilment.numerator).toBe(total(inputs.pledges, (x) => x.paidCents));
            expect(p.pledgeFulfilment.denominator).toBe(
              total(inputs.pledges, (x) => x.pledgedCents),
            );
          } else expect(total(inputs.pledges, (x) => x.pledgedCents)).toBe(0);
          const funded = total(inputs.funded, (x) => x.cents);
          expect(p.assessedShare?.denominator ?? 0).toBe(funded);
          expect(p.assessedShare?.numerator ?? 0).toBe(
            total(inputs.funded, (x) => (x.assessed ? x.cents : 0)),
          );
          expect(p.multiYearShare?.numerator ?? 0).toBe(
            total(inputs.funded, (x) => (x.usageDays > 366 ? x.cents : 0)),
          );
          expect(p.paymentsAfterPledge).toBe(
            inputs.pledges.filter((x) => x.daysToPayment !== null).length,
          );
          for (const year of inputs.annualVoluntary)
            expect(total(year.parts, (x) => x.cents)).toBe(year.fundedCents);
          // A voluntary contribution never counts for more than it is worth across the years.
          for (const f of inputs.funded.filter((x) => !x.assessed)) {
            const spread = total(
              inputs.annualVoluntary.flatMap((y) => y.parts.filter((x) => x.flowId === f.flowId)),
              (x) => x.cents,
            );
            expect(spread).toBeLessThanOrEqual(f.cents);
          }
          expect(p.arrears.totalCents).toBe(total(inputs.arrears, (x) => x.cents));
          // Every record is as of the review date: nothing dated after it.
          for (const x of inputs.pledges) expect(x.pledgedOn <= asOf).toBe(true);
          for (const x of inputs.funded) expect(x.date <= asOf).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});
