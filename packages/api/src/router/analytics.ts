import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import {
  PREDICTABILITY_MEASURES,
  mandateView,
  predictabilityInputs,
  summarisePredictability,
} from "@coherence/funding-model";
import type { CustomPeriod } from "@coherence/funding-model";
import { figuresOut, predictabilityOut, ratesInForce } from "@coherence/reports";
import { filterFlows, filterOut, predictabilityInput } from "../reports/flow-filter";
import { ledgersOf } from "../reports/ledgers";
import { periodInput, resolvePeriod } from "../reports/period";
import { API_MESSAGES, apiMessage } from "../messages";
import { codedError, protectedProcedure } from "../trpc";
import type { Context } from "../trpc";
import { code } from "../validators";

async function ledgerFor(ctx: Context, operation: string) {
  const row = await ctx.db
    .selectFrom("operations")
    .select(["code", "name"])
    .where("code", "=", operation)
    .executeTakeFirst();
  if (!row) throw codedError("NOT_FOUND", apiMessage("unknown_operation", { code: operation }));
  return { operation: row, ledger: await ledgersOf(ctx).ledger(operation) };
}

const year = z.number().int().min(1945).max(2100);

/** Donor and entity filters the analytic views share (a node selected in the flow diagram). */
const coverageFilter = z
  .object({ entityCode: code.optional(), donorCode: code.optional() })
  .default({});

/** Quarters or years of a calendar or peacekeeping scheme, from one year to another. */
function gridPeriods(
  kind: "calendar" | "peacekeeping",
  granularity: "year" | "quarter",
  from: number,
  to: number,
): CustomPeriod[] {
  const startMonth = kind === "calendar" ? 1 : 7;
  const periods: CustomPeriod[] = [];
  const iso = (y: number, m: number, d: number) =>
    `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  for (let y = from; y <= to; y++) {
    const label =
      kind === "calendar" ? String(y) : `${y}/${String((y + 1) % 100).padStart(2, "0")}`;
    const steps = granularity === "year" ? 1 : 4;
    const months = 12 / steps;
    for (let q = 0; q < steps; q++) {
      const firstMonth = startMonth - 1 + q * months; // 0-based from January of y
      const sy = y + Math.floor(firstMonth / 12);
      const sm = (firstMonth % 12) + 1;
      const lastMonth = firstMonth + months - 1;
      const ey = y + Math.floor(lastMonth / 12);
      const em = (lastMonth % 12) + 1;
      periods.push({
        label: granularity === "year" ? label : `${label} Q${q + 1}`,
        from: iso(sy, sm, 1),
        to: iso(ey, em, lastDay(ey, em)),
      });
    }
  }
  return periods;
}

/** The views behind "how did we get here, who carries the load, can we count on it". */
export const analyticsRouter = {
  /**
   * Pledges, commitments and payments over time: each contribution counts on the date it
   * reached each status (from its dated history), month by month, cumulative.
   */
  timeline: protectedProcedure
    .input(
      z.object({
        operation: code,
        donor: code.optional(),
        entity: code.optional(),
        task: code.optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const { operation, ledger } = await ledgerFor(ctx, input.operation);
      const flows = filterFlows(ledger.records.flows, input);
      const events: {
        date: string;
        status: "pledged" | "committed" | "paid";
        cents: number;
        flowId: string;
      }[] = [];
      const lags: number[] = [];
      for (const flow of flows) {
        const history = flow.history?.length
          ? flow.history
          : [{ status: flow.status, date: flow.statusDate }];
        const seen = new Set<string>();
        let pledgedOn: string | null = null;
        for (const change of history) {
          if (seen.has(change.status)) continue;
          seen.add(change.status);
          const amount = change.amountMinor ?? flow.amountMinor;
          const cents =
            flow.sourceConversion && amount === flow.amountMinor
              ? flow.sourceConversion.amountUsdCents
              : ledger.rates.convert(amount, flow.currency, change.date).amountUsdCents;
          events.push({ date: change.date, status: change.status, cents, flowId: flow.id });
          if (change.status === "pledged") pledgedOn = change.date;
          if (change.status === "paid" && pledgedOn)
            lags.push((Date.parse(change.date) - Date.parse(pledgedOn)) / 86_400_000);
        }
      }
      events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      const months = new Map<string, { pledged: number; committed: number; paid: number }>();
      const running = { pledged: 0, committed: 0, paid: 0 };
      for (const e of events) {
        running[e.status] += e.cents;
        months.set(e.date.slice(0, 7), { ...running });
      }
      lags.sort((a, b) => a - b);
      const median =
        lags.length === 0
          ? null
          : lags.length % 2
            ? lags[(lags.length - 1) / 2]!
            : (lags[lags.length / 2 - 1]! + lags[lags.length / 2]!) / 2;
      // The requirement line: each peacekeeping year's requirement, from the reconciliation the
      // peacekeeping-year reports share (not a reconciliation of its own).
      const years = [...new Set(events.map((e) => Number(e.date.slice(0, 4))))].sort();
      const rec = ledgersOf(ctx).reconciliation(ledger, { kind: "peacekeeping" });
      const requirement = (years.length ? [years[0]! - 1, ...years] : []).map((y) => ({
        periodStart: `${y}-07-01`,
        periodEnd: `${y + 1}-06-30`,
        cents: rec.total({ operationCode: operation.code, periodIndex: y }).requirement,
      }));
      return {
        operation,
        donor: input.donor ?? null,
        entity: input.entity ?? null,
        task: input.task ?? null,
        asOf: ledger.asOf,
        series: [...months].map(([month, sums]) => ({ month, ...sums })),
        events,
        requirement,
        medianDaysPledgeToPayment: median,
      };
    }),

  /**
   * Donor → entity → task flows for a Sankey diagram, counted once: money passing through a
   * pooled fund runs donor → fund → agency → task, and what the fund has not allocated ends in
   * its "unallocated" node. A fund that passes on, in this period, money it received in an
   * earlier one draws on its balance: a "carryover" node feeds it, so every fund balances.
   */
  flowGraph: protectedProcedure
    .input(z.object({ operation: code, period: periodInput }))
    .query(async ({ ctx, input }) => {
      const period = resolvePeriod(input.period);
      const { operation, ledger } = await ledgerFor(ctx, input.operation);
      const rec = ledgersOf(ctx).reconciliation(ledger, period.scheme);
      const where = { operationCode: operation.code, periodIndex: period.index };
      const links: {
        source: string;
        target: string;
        cents: number;
        kind: "contribution" | "transfer" | "allocation" | "carryover";
      }[] = [];
      const pooled = new Set(
        ledger.entities.filter((e) => e.kind === "pooled_fund").map((e) => e.code),
      );
      for (const row of rec.rows({ groupBy: ["donor", "entity"], where })) {
        const donor = row.key.donorCode;
        const entity = row.key.entityCode;
        if (!donor || !entity || donor === entity || row.figures.funded <= 0) continue;
        links.push({
          source: `org:${donor}`,
          target: `org:${entity}`,
          cents: row.figures.funded,
          kind: pooled.has(donor) ? "transfer" : "contribution",
        });
      }
      for (const row of rec.rows({ groupBy: ["entity", "bucket", "task"], where })) {
        const entity = row.key.entityCode;
        if (!entity) continue;
        if (row.key.bucket === "unallocated" && row.figures.funded < 0) {
          links.push({
            source: `carryover:${entity}`,
            target: `org:${entity}`,
            cents: -row.figures.funded,
            kind: "carryover",
          });
          continue;
        }
        if (row.figures.funded <= 0) continue;
        const target =
          row.key.bucket === "task"
            ? `task:${row.key.taskCode ?? ""}`
            : row.key.bucket === "unallocated"
              ? `unallocated:${entity}`
              : "task:not-specified";
        links.push({
          source: `org:${entity}`,
          target,
          cents: row.figures.funded,
          kind: "allocation",
        });
      }
      const table = rec.taskTable(operation.code, period.index);
      const names = new Map(ledger.entities.map((e) => [e.code, e.name]));
      const ids = new Set(links.flatMap((l) => [l.source, l.target]));
      const nodes = [...ids].map((id) => {
        const [kind, key] = id.split(":") as [string, string];
        if (kind === "org")
          return {
            id,
            kind: pooled.has(key) ? "pooled_fund" : "organization",
            label: names.get(key) ?? key,
            code: key,
          };
        if (kind === "unallocated") return { id, kind: "unallocated", label: key, code: key };
        if (kind === "carryover") return { id, kind: "carryover", label: key, code: key };
        const task = table.tasks.find((t) => t.taskCode === key);
        return {
          id,
          kind: "task",
          label: task?.title ?? key,
          code: key === "not-specified" ? null : key,
          rank: task?.rank ?? null,
        };
      });
      return { operation, period, asOf: ledger.asOf, nodes, links };
    }),

  /** Coverage of every task in every period (years or quarters): the heatmap's data. */
  coverageGrid: protectedProcedure
    .input(
      z
        .object({
          operation: code,
          kind: z.enum(["calendar", "peacekeeping"]),
          granularity: z.enum(["year", "quarter"]),
          fromYear: year,
          toYear: year,
          filter: coverageFilter,
        })
        .refine((v) => v.fromYear <= v.toYear && v.toYear - v.fromYear <= 30, {
          path: ["toYear"],
          error: API_MESSAGES.years_range,
        }),
    )
    .query(async ({ ctx, input }) => {
      const { operation, ledger } = await ledgerFor(ctx, input.operation);
      const periods = gridPeriods(input.kind, input.granularity, input.fromYear, input.toYear);
      const rec = ledgersOf(ctx).reconciliation(ledger, { kind: "custom", periods });
      const view = mandateView(
        ledger.mandates,
        operation.code,
        periods[0]!.from,
        periods[periods.length - 1]!.to,
      );
      const tasks = view.tasks.map((t) => ({ taskCode: t.code, title: t.title, rank: t.rank }));
      const cells = tasks.map((task) =>
        periods.map((_, index) => {
          const f = figuresOut(
            rec.total({
              operationCode: operation.code,
              periodIndex: index,
              bucket: "task",
              taskCode: task.taskCode,
              ...input.filter,
            }),
          );
          return {
            requirement: f.requirement,
            funded: f.funded,
            gap: f.gap,
            coverage: f.coverage,
            coverageDecimal: f.coverageDecimal,
          };
        }),
      );
      return {
        operation,
        asOf: ledger.asOf,
        // The rates in force at the end of the grid's last period (every export is stamped).
        ratesInForce: ratesInForce(ledger, periods[periods.length - 1]!.to),
        filter: input.filter,
        periods: periods.map((p, index) => ({ ...p, index })),
        tasks,
        cells,
      };
    }),

  /**
   * "Why this number?" for a predictability measure: the records it is computed from and its
   * arithmetic — the pledged contributions (paid ÷ pledged, and the days to payment), the funded
   * ones (multi-year and assessed shares), each year's voluntary parts (volatility), the arrears.
   * Only the records of the measure asked are listed; the figures are the panel's.
   */
  predictabilityExplain: protectedProcedure
    .input(predictabilityInput.extend({ measure: z.enum(PREDICTABILITY_MEASURES) }))
    .query(async ({ ctx, input }) => {
      const { operation, ledger } = await ledgerFor(ctx, input.operation);
      const flows = filterFlows(ledger.records.flows, input);
      const inputs = predictabilityInputs(flows, { rates: ledger.rates, asOf: input.asOf });
      const summary = summarisePredictability(inputs);
      const pledges =
        input.measure === "pledgeFulfilment"
          ? inputs.pledges
          : input.measure === "medianDays"
            ? inputs.pledges
                .filter((p) => p.daysToPayment !== null)
                .sort(
                  (a, b) => a.daysToPayment! - b.daysToPayment! || (a.flowId < b.flowId ? -1 : 1),
                )
            : [];
      const funded =
        input.measure === "multiYearShare" || input.measure === "assessedShare"
          ? inputs.funded
          : [];
      const out = predictabilityOut(summary);
      return {
        operation,
        asOf: input.asOf,
        dataAsOf: ledger.asOf,
        measure: input.measure,
        filter: filterOut(input),
        pledgeFulfilment: summary.pledgeFulfilment,
        medianDaysPledgeToPayment: summary.medianDaysPledgeToPayment,
        multiYearShare: summary.multiYearShare,
        assessedShare: summary.assessedShare,
        decimals: summary.decimals,
        volatility: out.volatilityInputs,
        pledges,
        funded,
        annualVoluntary: input.measure === "volatility" ? inputs.annualVoluntary : [],
        arrears: input.measure === "arrears" ? inputs.arrears : [],
        arrearsTotalCents: summary.arrears.totalCents,
      };
    }),

  /** One donor's contributions across operations and tasks, earmarking mix and payment record. */
  donor: protectedProcedure.input(z.object({ donor: code })).query(async ({ ctx, input }) => {
    const org = await ctx.db
      .selectFrom("organizations")
      .select(["id", "code", "name", "kind"])
      .where("code", "=", input.donor)
      .executeTakeFirst();
    if (!org)
      throw codedError("NOT_FOUND", apiMessage("unknown_organization", { code: input.donor }));
    const flows = await ctx.db
      .selectFrom("flows")
      .leftJoin("operations", "operations.id", "flows.operation_id")
      .innerJoin("organizations as recipient", "recipient.id", "flows.recipient_id")
      .select([
        "flows.id",
        "flows.external_ref",
        "flows.status",
        "flows.status_date",
        "flows.amount",
        "flows.currency",
        "flows.amount_usd_cents",
        "flows.earmarking",
        "flows.funding_type",
        "flows.task_code",
        "operations.code as operation",
        "recipient.code as recipient",
      ])
      .where("flows.source_id", "=", org.id)
      .where("flows.deleted_at", "is", null)
      .orderBy("flows.status_date")
      .execute();
    const history = flows.length
      ? await ctx.db
          .selectFrom("flow_status_history")
          .select(["flow_id", "status", "status_date"])
          .where(
            "flow_id",
            "in",
            flows.map((f) => f.id),
          )
          .orderBy("id")
          .execute()
      : [];
    const funded = (f: (typeof flows)[number]) => (f.status === "pledged" ? 0 : f.amount_usd_cents);
    const sumBy = (key: (f: (typeof flows)[number]) => string) => {
      const sums = new Map<string, { funded: number; pledged: number }>();
      for (const f of flows) {
        const k = key(f);
        const s = sums.get(k) ?? { funded: 0, pledged: 0 };
        s.funded += funded(f);
        if (f.status === "pledged") s.pledged += f.amount_usd_cents;
        sums.set(k, s);
      }
      return [...sums].map(([k, v]) => ({ key: k, ...v })).sort((a, b) => b.funded - a.funded);
    };
    return {
      donor: org,
      byOperationTask: sumBy((f) => `${f.operation ?? "—"}|${f.task_code ?? ""}`).map(
        ({ key, ...v }) => {
          const [operation = "", task = ""] = key.split("|");
          return { operation: operation === "—" ? null : operation, taskCode: task || null, ...v };
        },
      ),
      earmarkingMix: sumBy((f) => f.earmarking ?? "unspecified").map(({ key, ...v }) => ({
        earmarking: key,
        ...v,
      })),
      payments: flows.map((f) => {
        const steps = history.filter((h) => h.flow_id === f.id);
        const on = (status: string) => steps.find((h) => h.status === status)?.status_date ?? null;
        return {
          id: f.id,
          externalRef: f.external_ref,
          operation: f.operation,
          recipient: f.recipient,
          taskCode: f.task_code,
          fundingType: f.funding_type,
          status: f.status,
          amount: f.amount,
          currency: f.currency,
          amountUsdCents: f.amount_usd_cents,
          pledgedOn: on("pledged"),
          committedOn: on("committed"),
          paidOn: on("paid"),
        };
      }),
    };
  }),
} satisfies TRPCRouterRecord;
