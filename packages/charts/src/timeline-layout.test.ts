import { describe, expect, it } from "vitest";
import { cumulativeSteps, median, pledgeToPayment, timelineLayout } from "./timeline-layout";
import type { TimelineEvent } from "./timeline-layout";

const events: TimelineEvent[] = [
  { date: "2024-03-10", status: "pledged", cents: 1_000, flowId: "A" },
  { date: "2024-01-05", status: "pledged", cents: 500, flowId: "B" },
  { date: "2024-04-01", status: "committed", cents: 1_000, flowId: "A" },
  { date: "2024-06-09", status: "paid", cents: 1_000, flowId: "A" },
  { date: "2024-06-09", status: "paid", cents: 250, flowId: "C" },
  { date: "2024-02-04", status: "paid", cents: 500, flowId: "B" },
];
const size = { width: 600, plotHeight: 200, laneHeight: 8, maxLanesHeight: 40 };

describe("timeline maths", () => {
  it("accumulates each status by date, merging events of the same day", () => {
    const steps = cumulativeSteps(events);
    expect(steps.pledged).toEqual([
      { date: "2024-01-05", cents: 500 },
      { date: "2024-03-10", cents: 1_500 },
    ]);
    expect(steps.paid).toEqual([
      { date: "2024-02-04", cents: 500 },
      { date: "2024-06-09", cents: 1_750 },
    ]);
    expect(steps.committed).toEqual([{ date: "2024-04-01", cents: 1_000 }]);
  });

  it("measures each contribution's days from first pledge to first payment; unpaid pledges stay open", () => {
    const lags = pledgeToPayment([
      ...events,
      { date: "2024-05-01", status: "pledged", cents: 70, flowId: "D" },
    ]);
    expect(lags).toEqual([
      { flowId: "B", pledgedOn: "2024-01-05", paidOn: "2024-02-04", days: 30, cents: 500 },
      { flowId: "A", pledgedOn: "2024-03-10", paidOn: "2024-06-09", days: 91, cents: 1_000 },
      { flowId: "D", pledgedOn: "2024-05-01", paidOn: null, days: null, cents: 70 },
    ]);
    // C was paid with no recorded pledge: no lag.
    expect(lags.some((l) => l.flowId === "C")).toBe(false);
    expect(median([30, 91])).toBe(60.5);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([])).toBeNull();
  });

  it("spans whole months, scales to the largest amount and clips requirement levels to the axis", () => {
    const layout = timelineLayout(
      {
        events,
        requirement: [
          { periodStart: "2023-07-01", periodEnd: "2024-06-30", cents: 4_000 },
          { periodStart: "2024-07-01", periodEnd: "2025-06-30", cents: 9_000 },
        ],
      },
      size,
    );
    expect(layout.domain).toEqual({ from: "2024-01-01", to: "2024-07-01", maxCents: 4_000 });
    // The requirement of 2023/24 starts before the axis: clipped to its start (x = 0) and ends at its end.
    expect(layout.requirement).toHaveLength(1);
    expect(layout.requirement[0]).toMatchObject({ x0: 0, x1: 600, cents: 4_000 });
    expect(layout.requirement[0]!.y).toBeCloseTo(0);
    // Lines start at 0 and step after each date; the paid line ends at the paid total.
    expect(layout.paths.paid.startsWith("M0,200")).toBe(true);
    expect(layout.steps.paid.at(-1)!.cents).toBe(1_750);
    // One lane per pledged contribution, shrunk to fit the lane area.
    expect(layout.lags.map((l) => l.flowId)).toEqual(["B", "A"]);
    expect(layout.lags[1]!.x1).toBeGreaterThan(layout.lags[1]!.x0);
    expect(layout.lanesHeight).toBe(16);
  });

  it("lays out an empty timeline without failing", () => {
    const layout = timelineLayout({ events: [], requirement: [] }, size);
    expect(layout.lags).toEqual([]);
    expect(layout.domain.maxCents).toBe(0);
  });
});
