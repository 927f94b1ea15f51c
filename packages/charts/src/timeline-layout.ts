// Pure maths of the funding timeline: cumulative pledged, committed and paid money stepping up
// on the day each contribution reached each status, the requirement of each peacekeeping year as
// a level line, and one lane per contribution from its pledge to its payment (the lag).
import { max } from "d3-array";
import { scaleLinear, scaleUtc } from "d3-scale";
import { curveStepAfter, line } from "d3-shape";

export const TIMELINE_STATUSES = ["pledged", "committed", "paid"] as const;
export type TimelineStatus = (typeof TIMELINE_STATUSES)[number];

export interface TimelineEvent {
  /** ISO date the contribution reached the status. */
  date: string;
  status: TimelineStatus;
  cents: number;
  flowId: string;
}

export interface TimelineRequirement {
  periodStart: string;
  periodEnd: string;
  cents: number;
}

export interface TimelineData {
  events: readonly TimelineEvent[];
  requirement: readonly TimelineRequirement[];
}

export interface TimelineStep {
  date: string;
  cents: number;
}

export interface TimelineLag {
  flowId: string;
  pledgedOn: string;
  /** Null while the pledge is not yet paid (the lane runs to the chart's end). */
  paidOn: string | null;
  days: number | null;
  cents: number;
  x0: number;
  x1: number;
  y: number;
}

export interface TimelineLayout {
  /** Cumulative steps per status, one point per event date (plus the start at 0). */
  steps: Record<TimelineStatus, TimelineStep[]>;
  paths: Record<TimelineStatus, string>;
  requirement: { x0: number; x1: number; y: number; cents: number; periodStart: string }[];
  lags: TimelineLag[];
  xTicks: { date: Date; x: number }[];
  yTicks: { cents: number; y: number }[];
  domain: { from: string; to: string; maxCents: number };
  plotHeight: number;
  lanesHeight: number;
}

export interface TimelineSize {
  width: number;
  plotHeight: number;
  /** Height of one pledge→payment lane; lanes shrink to fit maxLanesHeight. */
  laneHeight: number;
  maxLanesHeight: number;
}

const DAY = 86_400_000;
const utc = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
const days = (from: string, to: string) =>
  Math.round((utc(to).getTime() - utc(from).getTime()) / DAY);

/** Cumulative sums per status at each date an event happened, oldest first. */
export function cumulativeSteps(
  events: readonly TimelineEvent[],
): Record<TimelineStatus, TimelineStep[]> {
  const sorted = [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const out = { pledged: [], committed: [], paid: [] } as Record<TimelineStatus, TimelineStep[]>;
  const running = { pledged: 0, committed: 0, paid: 0 };
  for (const e of sorted) {
    running[e.status] += e.cents;
    const steps = out[e.status];
    const last = steps[steps.length - 1];
    if (last?.date === e.date) last.cents = running[e.status];
    else steps.push({ date: e.date, cents: running[e.status] });
  }
  return out;
}

/**
 * Each contribution's first pledge and first payment; a contribution paid without a recorded
 * pledge has no lag. Sorted by pledge date, then flow id.
 */
export function pledgeToPayment(events: readonly TimelineEvent[]): {
  flowId: string;
  pledgedOn: string;
  paidOn: string | null;
  days: number | null;
  cents: number;
}[] {
  const flows = new Map<string, { pledgedOn?: string; paidOn?: string; cents: number }>();
  for (const e of events) {
    const f = flows.get(e.flowId) ?? { cents: 0 };
    if (e.status === "pledged" && (!f.pledgedOn || e.date < f.pledgedOn)) {
      f.pledgedOn = e.date;
      f.cents = Math.max(f.cents, e.cents);
    }
    if (e.status === "paid" && (!f.paidOn || e.date < f.paidOn)) {
      f.paidOn = e.date;
      f.cents = e.cents;
    }
    flows.set(e.flowId, f);
  }
  return [...flows]
    .filter(([, f]) => f.pledgedOn !== undefined)
    .map(([flowId, f]) => ({
      flowId,
      pledgedOn: f.pledgedOn!,
      paidOn: f.paidOn ?? null,
      days: f.paidOn ? days(f.pledgedOn!, f.paidOn) : null,
      cents: f.cents,
    }))
    .sort((a, b) =>
      a.pledgedOn < b.pledgedOn ? -1 : a.pledgedOn > b.pledgedOn ? 1 : a.flowId < b.flowId ? -1 : 1,
    );
}

/** The median of a list of numbers (mean of the two middle ones for an even count), or null. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Positions of everything the timeline draws. The time axis runs from the first day of the month
 * of the first event to the first day of the month after the last event; requirement levels are
 * clipped to it.
 *
 * @example
 * timelineLayout({ events: [{ date: "2024-01-10", status: "paid", cents: 100, flowId: "1" }], requirement: [] },
 *   { width: 400, plotHeight: 200, laneHeight: 6, maxLanesHeight: 60 }).steps.paid // → [{ date: "2024-01-10", cents: 100 }]
 */
export function timelineLayout(data: TimelineData, size: TimelineSize): TimelineLayout {
  const steps = cumulativeSteps(data.events);
  const dates = data.events.map((e) => e.date).sort();
  const first = dates[0] ?? new Date().toISOString().slice(0, 10);
  const last = dates[dates.length - 1] ?? first;
  const from = `${first.slice(0, 7)}-01`;
  const lastMonth = utc(`${last.slice(0, 7)}-01`);
  lastMonth.setUTCMonth(lastMonth.getUTCMonth() + 1);
  const to = lastMonth.toISOString().slice(0, 10);
  const x = scaleUtc()
    .domain([utc(from), utc(to)])
    .range([0, size.width]);
  const visibleRequirement = data.requirement.filter(
    (r) => r.periodEnd >= from && r.periodStart < to,
  );
  const maxCents =
    max([
      ...TIMELINE_STATUSES.map((s) => steps[s][steps[s].length - 1]?.cents ?? 0),
      ...visibleRequirement.map((r) => r.cents),
    ]) ?? 0;
  const y = scaleLinear()
    .domain([0, maxCents || 1])
    .range([size.plotHeight, 0])
    .nice();
  const path = line<TimelineStep>()
    .x((d) => x(utc(d.date)))
    .y((d) => y(d.cents))
    .curve(curveStepAfter);
  const paths = Object.fromEntries(
    TIMELINE_STATUSES.map((s) => {
      const points = steps[s];
      const lastPoint = points[points.length - 1];
      const full = [
        { date: from, cents: 0 },
        ...points,
        { date: to, cents: lastPoint?.cents ?? 0 },
      ];
      return [s, path(full) ?? ""];
    }),
  ) as Record<TimelineStatus, string>;
  const clamp = (iso: string) => (iso < from ? from : iso > to ? to : iso);
  const requirement = visibleRequirement.map((r) => {
    const end = utc(r.periodEnd);
    end.setUTCDate(end.getUTCDate() + 1);
    return {
      x0: x(utc(clamp(r.periodStart))),
      x1: x(utc(clamp(end.toISOString().slice(0, 10)))),
      y: y(r.cents),
      cents: r.cents,
      periodStart: r.periodStart,
    };
  });
  const lagRows = pledgeToPayment(data.events);
  const lane = lagRows.length
    ? Math.min(size.laneHeight, size.maxLanesHeight / lagRows.length)
    : size.laneHeight;
  const lags = lagRows.map((l, i) => ({
    ...l,
    x0: x(utc(l.pledgedOn)),
    x1: x(utc(l.paidOn ?? to)),
    y: i * lane,
  }));
  return {
    steps,
    paths,
    requirement,
    lags,
    xTicks: x.ticks(6).map((date) => ({ date, x: x(date) })),
    yTicks: y.ticks(5).map((cents) => ({ cents, y: y(cents) })),
    domain: { from, to, maxCents },
    plotHeight: size.plotHeight,
    lanesHeight: lagRows.length * lane,
  };
}
