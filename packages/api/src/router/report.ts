import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import {
  FUNDING_TYPES,
  alignmentOf,
  entityScorecards,
  execution,
  explainFigure,
  predictability,
} from "@coherence/funding-model";
import {
  alignmentOut,
  figuresOut,
  operationLedger as loadOperationLedger,
  operationReport,
  predictabilityOut,
  reconcileOptions as options,
} from "@coherence/reports";
import { filterFlows, filterOut, predictabilityInput } from "../reports/flow-filter";
import { ledgersOf } from "../reports/ledgers";
import { periodInput, resolvePeriod } from "../reports/period";
import { API_MESSAGES } from "../messages";
import { protectedProcedure } from "../trpc";
import type { Context } from "../trpc";
import { code } from "../validators";

const DRILL_DIMENSIONS = ["entity", "category", "fundingType", "donor"] as const;

// An unknown operation (UnknownOperationError) becomes NOT_FOUND in errors.ts.
function operationLedger(ctx: Context, operation: string) {
  return loadOperationLedger(ctx.db, operation, ledgersOf(ctx));
}

const drillFilter = z
  .object({
    entityCode: code.optional(),
    donorCode: code.optional(),
    fundingType: z.enum(FUNDING_TYPES).optional(),
    categoryCode: z.string().max(40).optional(),
  })
  .default({});

/** The drill-down filter, where null selects the records without a value (a budget line's donor). */
const explainFilter = z
  .object({
    entityCode: code.nullable().optional(),
    donorCode: code.nullable().optional(),
    fundingType: z.enum(FUNDING_TYPES).nullable().optional(),
    categoryCode: z.string().max(40).optional(),
  })
  .default({});

/** Every figure the dashboard shows, computed by funding-model from the stored records. */
export const reportRouter = {
  /** Every operation with its totals and alignment for the period. */
  portfolio: protectedProcedure
    .input(z.object({ period: periodInput }))
    .query(async ({ ctx, input }) => {
      const period = resolvePeriod(input.period);
      const ledgers = ledgersOf(ctx);
      const ledger = await ledgers.ledger();
      const rec = ledgers.reconciliation(ledger, period.scheme);
      const operations = await ctx.db
        .selectFrom("operations")
        .select(["code", "name", "country", "kind"])
        .orderBy("code")
        .execute();
      return {
        period,
        asOf: ledger.asOf,
        operations: operations.map((op) => {
          const table = rec.taskTable(op.code, period.index);
          return {
            ...op,
            resolution: table.resolution,
            total: figuresOut(table.total),
            alignment: alignmentOut(alignmentOf(table)),
          };
        }),
      };
    }),

  /** The priority-task table of one operation and period, in mandate rank order. */
  operation: protectedProcedure
    .input(z.object({ operation: code, period: periodInput, filter: drillFilter }))
    .query(async ({ ctx, input }) => {
      // An unknown operation (UnknownOperationError) becomes NOT_FOUND in errors.ts.
      return operationReport(ctx.db, input.operation, input.period, input.filter, ledgersOf(ctx));
    }),

  /** The task table broken down by one dimension: entity, category, funding type or donor. */
  drilldown: protectedProcedure
    .input(z.object({ operation: code, period: periodInput, by: z.enum(DRILL_DIMENSIONS) }))
    .query(async ({ ctx, input }) => {
      const period = resolvePeriod(input.period);
      const { operation, ledger } = await operationLedger(ctx, input.operation);
      const rec = ledgersOf(ctx).reconciliation(ledger, period.scheme);
      const rows = rec.rows({
        groupBy: ["bucket", "task", input.by],
        where: { operationCode: operation.code, periodIndex: period.index },
      });
      const valueOf = (key: (typeof rows)[number]["key"]) =>
        input.by === "entity"
          ? key.entityCode
          : input.by === "donor"
            ? key.donorCode
            : input.by === "fundingType"
              ? key.fundingType
              : key.categoryCode;
      return {
        operation,
        period,
        by: input.by,
        asOf: ledger.asOf,
        rows: rows.map((r) => ({
          bucket: r.key.bucket ?? "task",
          taskCode: r.key.taskCode ?? null,
          value: valueOf(r.key) ?? null,
          figures: figuresOut(r.figures),
        })),
      };
    }),

  /**
   * "Why this number?": the records and steps behind any figure on screen — a task's figure, the
   * Not specified or unallocated bucket, the operation's whole figure, a drill-down cell, a flow
   * link, an entity's appropriation, a coverage cell. The part of the operation is the bucket
   * (default: the task's when a task is named, else all of it), narrowed by the filter; a null
   * filter value selects the records without one (e.g. budget lines, which have no donor).
   */
  explain: protectedProcedure
    .input(
      z
        .object({
          operation: code,
          period: periodInput,
          taskCode: code.nullable().optional(),
          bucket: z.enum(["task", "not_specified", "unallocated", "all"]).optional(),
          measure: z.enum([
            "requirement",
            "appropriated",
            "expended",
            "pledged",
            "committed",
            "paid",
            "funded",
            "gap",
          ]),
          filter: explainFilter,
        })
        .refine((v) => !v.taskCode || v.bucket === undefined || v.bucket === "task", {
          path: ["taskCode"],
          error: API_MESSAGES.task_bucket,
        }),
    )
    .query(async ({ ctx, input }) => {
      const period = resolvePeriod(input.period);
      const { operation, ledger } = await operationLedger(ctx, input.operation);
      const taskCode = input.taskCode ?? undefined;
      const bucket = input.bucket ?? (taskCode ? "task" : "all");
      const base = {
        operationCode: operation.code,
        periodIndex: period.index,
        ...(bucket === "all" ? {} : { bucket }),
        ...input.filter,
        ...(taskCode ? { taskCode } : {}),
      };
      const explainMeasure = (
        measure:
          "requirement" | "funded" | "appropriated" | "expended" | "pledged" | "committed" | "paid",
      ) => explainFigure(ledger.records, options(ledger, period), { ...base, measure });
      // A gap is requirement − funded: explain both sides.
      const parts =
        input.measure === "gap" ? (["requirement", "funded"] as const) : ([input.measure] as const);
      const explanations = parts.map((measure) => ({ measure, ...explainMeasure(measure) }));
      return {
        operation,
        period,
        asOf: ledger.asOf,
        taskCode: taskCode ?? null,
        bucket,
        measure: input.measure,
        filter: input.filter,
        explanations,
      };
    }),

  /**
   * Predictability (BRIEF item 10) as of a review date: pledge fulfilment, pledge-to-payment
   * time, arrears, multi-year and assessed shares, volatility — of the whole operation, or of the
   * money one donor gives, one entity receives or one task is given (the analytic views' filter).
   */
  predictability: protectedProcedure.input(predictabilityInput).query(async ({ ctx, input }) => {
    const { operation, ledger } = await operationLedger(ctx, input.operation);
    return {
      operation,
      asOf: input.asOf,
      dataAsOf: ledger.asOf,
      filter: filterOut(input),
      ...predictabilityOut(
        predictability(filterFlows(ledger.records.flows, input), {
          rates: ledger.rates,
          asOf: input.asOf,
        }),
      ),
    };
  }),

  /** Appropriated vs expended, unencumbered balance and implementation rate, per entity. */
  execution: protectedProcedure
    .input(z.object({ operation: code, period: periodInput }))
    .query(async ({ ctx, input }) => {
      const period = resolvePeriod(input.period);
      const { operation, ledger } = await operationLedger(ctx, input.operation);
      const rec = ledgersOf(ctx).reconciliation(ledger, period.scheme);
      const where = { operationCode: operation.code, periodIndex: period.index };
      return {
        operation,
        period,
        asOf: ledger.asOf,
        total: execution(rec.total(where)),
        entities: rec
          .rows({ groupBy: ["entity"], where })
          .filter((r) => r.figures.appropriated !== 0 || r.figures.expended !== 0)
          .map((r) => ({ entityCode: r.key.entityCode ?? null, ...execution(r.figures) })),
      };
    }),

  /** Per-entity scorecards: each entity's figures, alignment with the ranking, execution. */
  scorecards: protectedProcedure
    .input(z.object({ operation: code, period: periodInput }))
    .query(async ({ ctx, input }) => {
      const period = resolvePeriod(input.period);
      const { operation, ledger } = await operationLedger(ctx, input.operation);
      const rec = ledgersOf(ctx).reconciliation(ledger, period.scheme);
      return {
        operation,
        period,
        asOf: ledger.asOf,
        entities: entityScorecards(rec, operation.code, period.index).map((s) => ({
          ...s,
          figures: figuresOut(s.figures),
          alignment: alignmentOut(s.alignment),
        })),
      };
    }),
} satisfies TRPCRouterRecord;
