// The seeded synthetic dataset of the reconciliation benchmark (see reconcile.bench.ts), in a
// module of its own so that profiling scripts can load exactly the same records.
import {
  Crosswalk,
  RateTable,
  type Entity,
  type ExchangeRate,
  type Flow,
  type FlowStatus,
  type FundingType,
  type Mandate,
  type ReconcileOptions,
  type RequirementLine,
} from "@coherence/funding-model";

export const FLOWS = Number(process.env.BENCH_FLOWS ?? 1_000_000);
export const LINES = Number(process.env.BENCH_LINES ?? 100_000);
export const OPS = 20;
export const TASKS = 12;
export const YEARS = [2020, 2021, 2022, 2023, 2024];

// mulberry32: small, fast, seeded.
let seed = 20240701;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

export const ops = Array.from({ length: OPS }, (_, i) => `OP${String(i + 1).padStart(2, "0")}`);
export const taskCodes = Array.from(
  { length: TASKS },
  (_, i) => `T${String(i + 1).padStart(2, "0")}`,
);
const agencies = ["UNDP", "UNICEF", "WFP", "OHCHR", "UNHCR", "UNFPA", "UNOPS", "FAO"];
const entities: Entity[] = [
  {
    code: "UN-DPO",
    name: "UN-DPO",
    kind: "peacekeeping",
    fiscalYearStartMonth: 7,
    reportingCurrency: "USD",
    taxonomy: "PK",
  },
  {
    code: "PBF",
    name: "Peacebuilding Fund",
    kind: "pooled_fund",
    fiscalYearStartMonth: 1,
    reportingCurrency: "USD",
  },
  ...agencies.map((code): Entity => ({
    code,
    name: code,
    kind: "agency",
    fiscalYearStartMonth: 1,
    reportingCurrency: "USD",
    taxonomy: "AG",
  })),
];
const donors = Array.from({ length: 60 }, (_, i) => `D${String(i + 1).padStart(2, "0")}`);
const currencies = ["EUR", "GBP", "JPY", "KWD", "NOK"];

// Monthly operational rates for every currency over the whole window.
const rates: ExchangeRate[] = [];
const base: Record<string, number> = { EUR: 0.92, GBP: 0.79, JPY: 140, KWD: 0.307, NOK: 10.5 };
for (let y = 2019; y <= 2026; y++)
  for (let m = 1; m <= 12; m++)
    for (const c of currencies)
      rates.push({
        currency: c,
        effectiveFrom: `${y}-${String(m).padStart(2, "0")}-01`,
        unitsPerUsd: (base[c]! * (0.9 + random() * 0.2)).toFixed(c === "JPY" ? 2 : 4),
      });

const dates: string[] = [];
for (let d = Date.UTC(2020, 6, 1); d <= Date.UTC(2025, 5, 30); d += 86400000)
  dates.push(new Date(d).toISOString().slice(0, 10));
export const dayIndex = new Map(dates.map((d, i) => [d, i]));

const mandates: Mandate[] = ops.map((operationCode) => ({
  operationCode,
  resolution: `S/RES/${operationCode}`,
  adoptedOn: "2020-06-30",
  periodStart: "2020-07-01",
  periodEnd: "2025-06-30",
  tasks: taskCodes.map((code, i) => ({ code, title: code, rank: i + 1 })),
}));

const crosswalk = new Crosswalk([
  { taxonomy: "PK", categoryCode: "OPERATIONAL", commonCode: "UNSDG-2", share: "1/3" },
  { taxonomy: "PK", categoryCode: "OPERATIONAL", commonCode: "UNSDG-4", share: "1/3" },
  { taxonomy: "PK", categoryCode: "OPERATIONAL", commonCode: "UNSDG-7", share: "1/3" },
  { taxonomy: "PK", categoryCode: "PERSONNEL", commonCode: "UNSDG-1", share: "1" },
  { taxonomy: "AG", categoryCode: "PROJECT", commonCode: "UNSDG-1", share: "0.25" },
  { taxonomy: "AG", categoryCode: "PROJECT", commonCode: "UNSDG-6", share: "0.5" },
  { taxonomy: "AG", categoryCode: "PROJECT", commonCode: "UNSDG-7", share: "0.25" },
]);

const statuses: FlowStatus[] = ["pledged", "committed", "committed", "paid", "paid", "paid"];
const voluntary: FundingType[] = ["voluntary_core", "voluntary_earmarked", "voluntary_earmarked"];

console.log(
  `Generating ${FLOWS.toLocaleString("en")} flows and ${LINES.toLocaleString("en")} requirement lines…`,
);
export const flows: Flow[] = new Array<Flow>(FLOWS);
for (let i = 0; i < FLOWS; i++) {
  const roll = random();
  const day = Math.floor(random() * dates.length);
  const statusDate = dates[day]!;
  const multi = random() < 0.4;
  const usageEnd = multi
    ? dates[Math.min(dates.length - 1, day + 30 + Math.floor(random() * 700))]!
    : null;
  const currency = random() < 0.85 ? "USD" : pick(currencies);
  const amountMinor = Math.floor(random() * (currency === "JPY" ? 5e8 : 5e9));
  let flow: Flow;
  if (roll < 0.15) {
    // Assessed contribution: no task, to the mission; attributed by requirement.
    flow = {
      id: `F${i}`,
      operationCode: pick(ops),
      taskCode: null,
      donorCode: pick(donors),
      recipientEntityCode: "UN-DPO",
      fundingType: "assessed",
      status: pick(statuses),
      statusDate,
      amountMinor,
      currency,
      usageStart: multi ? statusDate : null,
      usageEnd,
    };
  } else if (roll < 0.2) {
    // Receipt of the pooled fund (no task) …
    flow = {
      id: `F${i}`,
      operationCode: pick(ops),
      taskCode: null,
      donorCode: pick(donors),
      recipientEntityCode: "PBF",
      fundingType: "pooled",
      status: "paid",
      statusDate,
      amountMinor,
      currency,
    };
  } else if (roll < 0.23) {
    // … and its allocations to agencies: transfers counted once.
    flow = {
      id: `F${i}`,
      operationCode: pick(ops),
      taskCode: pick(taskCodes),
      donorCode: "PBF",
      recipientEntityCode: pick(agencies),
      fundingType: "pooled",
      status: pick(statuses),
      statusDate,
      amountMinor,
      currency: "USD",
      transferFromEntityCode: "PBF",
      usageStart: multi ? statusDate : null,
      usageEnd,
    };
  } else {
    flow = {
      id: `F${i}`,
      operationCode: pick(ops),
      taskCode: random() < 0.1 ? null : pick(taskCodes),
      donorCode: pick(donors),
      recipientEntityCode: pick(agencies),
      fundingType: pick(voluntary),
      status: pick(statuses),
      statusDate,
      amountMinor,
      currency,
      usageStart: multi ? statusDate : null,
      usageEnd,
      categoryCode: random() < 0.2 ? "PROJECT" : null,
    };
  }
  flows[i] = flow;
}

export const requirementLines: RequirementLine[] = [];
// Each row is an object literal, as the API's ledger loader builds them (one hidden class for all
// rows); spreading a shared object into each row gave every row a hidden class of its own, which
// made each field read a slow megamorphic look-up — a cost of how the benchmark built its data.
type LineFields = Omit<RequirementLine, "stage" | "amountMinor">;
const line = (c: LineFields, stage: RequirementLine["stage"], amountMinor: number) => ({
  lineRef: c.lineRef,
  operationCode: c.operationCode,
  taskCode: c.taskCode,
  entityCode: c.entityCode,
  stage,
  amountMinor,
  currency: c.currency,
  periodStart: c.periodStart,
  periodEnd: c.periodEnd,
  categoryCode: c.categoryCode,
});
for (let i = 0; requirementLines.length < LINES; i++) {
  const year = pick(YEARS);
  const peacekeeping = random() < 0.5;
  const common: LineFields = {
    lineRef: `L${i}`,
    operationCode: pick(ops),
    taskCode: random() < 0.05 ? null : pick(taskCodes),
    entityCode: peacekeeping ? "UN-DPO" : pick(agencies),
    currency: "USD",
    periodStart: peacekeeping ? `${year}-07-01` : `${year + 1}-01-01`,
    periodEnd: peacekeeping ? `${year + 1}-06-30` : `${year + 1}-12-31`,
    categoryCode: peacekeeping ? pick(["OPERATIONAL", "PERSONNEL"]) : "PROJECT",
  };
  const amount = Math.floor(random() * 2e10);
  requirementLines.push(line(common, "proposed", amount));
  if (requirementLines.length < LINES)
    requirementLines.push(line(common, "appropriated", Math.floor(amount * 0.95)));
}

export const rateTable = new RateTable(rates);
export const options: ReconcileOptions = {
  scheme: { kind: "peacekeeping" },
  rates: rateTable,
  crosswalk,
  entities,
  mandates,
};
