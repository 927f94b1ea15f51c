// Bad input is refused with a message tied to the field, and leaves the database unchanged.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ENGINES } from "@coherence/db/testing";
import { createFixture, flowInput } from "./support";
import type { Caller, Fixture } from "./support";

async function snapshot(fx: Fixture) {
  const db = fx.connection.db;
  const count = async (
    table: "flows" | "requirements" | "audit_log" | "crosswalk_shares" | "flow_status_history",
  ) =>
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n;
  return {
    flows: await count("flows"),
    requirements: await count("requirements"),
    audit: await count("audit_log"),
    shares: await count("crosswalk_shares"),
    history: await count("flow_status_history"),
  };
}

const requirement = {
  externalRef: "BAD-INPUT-1",
  operation: "MINUSCA",
  entity: "UN-DPO",
  taskCode: "PEACE-PROC",
  category: null,
  periodStart: "2025-07-01",
  periodEnd: "2026-06-30",
  stage: "proposed" as const,
  amount: "1000.00",
  currency: "USD",
  document: null,
};

describe.each(ENGINES)("bad input on %s", (engine) => {
  let fx: Fixture;
  let caller: Caller;
  beforeAll(async () => {
    fx = await createFixture(engine, inject("pgUrl"));
    caller = fx.caller("financeOwn");
    await fx.connection.db
      .insertInto("taxonomies")
      .values({ code: "UNDP-TAX", name: "UNDP" })
      .execute();
  });
  afterAll(async () => {
    await fx.close();
  });

  const flowCases: [string, Record<string, unknown>, string][] = [
    ["an amount of the wrong type", { amount: 12 }, "amount"],
    ["a negative amount", { amount: "-5.00" }, "amount"],
    ["an amount with letters", { amount: "12a.00" }, "amount"],
    ["an absurd amount", { amount: "99999999999999999999.00" }, "amount"],
    ["more decimals than USD has", { amount: "12.345" }, "amount"],
    ["decimals in a currency without any", { amount: "1000.5", currency: "JPY" }, "amount"],
    ["an unknown currency", { currency: "XYZ" }, "currency"],
    // The demo dataset's rates start on 2023-01-01.
    ["a currency with no rate in force", { currency: "EUR", date: "2022-06-01" }, "currency"],
    [
      "a period ending before it starts",
      { periodStart: "2025-12-31", periodEnd: "2025-01-01" },
      "periodEnd",
    ],
    ["an impossible date", { date: "2025-02-30" }, "date"],
    ["an unknown donor", { source: "NOPE" }, "source"],
    ["an unknown operation", { operation: "NOPE" }, "operation"],
    ["a task that is not in the mandate", { taskCode: "NOT-A-TASK" }, "taskCode"],
    ["an unknown funding type", { fundingType: "gift" }, "fundingType"],
    ["an oversized note", { notes: "x".repeat(5000) }, "notes"],
    ["an oversized code", { source: "X".repeat(500) }, "source"],
  ];

  it.each(flowCases)(
    "refuses a flow with %s, naming the field, writing nothing",
    async (_name, change, field) => {
      const before = await snapshot(fx);
      const error = await caller.flow.create({ ...flowInput, ...change }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: "BAD_REQUEST" });
      const shape = error as { cause?: { field?: string; issues?: { path: string[] }[] } };
      const fields = shape.cause?.field
        ? [shape.cause.field]
        : (shape.cause?.issues ?? []).map((i) => i.path[0]);
      expect(fields).toContain(field);
      expect(await snapshot(fx)).toEqual(before);
    },
  );

  // The first problem of a record wins, with the field it belongs to, its English text and its
  // code and parameters (for the client's language), the same whether the record is a flow or a
  // budget line. Pinned on the code before the columns were shared with the importers.
  const problem = (error: unknown) => {
    const e = error as {
      code?: string;
      message?: string;
      cause?: { field?: string; messages?: { coded: { code: string | null; params: object } }[] };
    };
    return {
      code: e.code,
      field: e.cause?.field,
      message: e.message,
      coded: e.cause?.messages?.[0]?.coded,
    };
  };
  /** Field, English text, code and parameters of the error expected. */
  type Expected = [string, string, string, object];
  const unknownOrganization = (field: string): Expected => [
    field,
    "Unknown organization NOPE",
    "unknown_organization",
    { code: "NOPE" },
  ];
  const UNKNOWN_OPERATION: Expected = [
    "operation",
    "Unknown operation NOPE",
    "unknown_operation",
    { code: "NOPE" },
  ];
  const TASK_OUTSIDE: Expected = [
    "taskCode",
    "No priority task NOT-A-TASK in this operation's mandates",
    "unknown_task",
    { task: "NOT-A-TASK" },
  ];
  const tooManyDecimals = (amount: string): Expected => [
    "amount",
    `Invalid USD amount "${amount}": USD allows 2 decimals`,
    "amount_decimals",
    { currency: "USD", decimals: 2 },
  ];
  const NO_EUR_RATE: Expected = [
    "currency",
    "No EUR rate in force on 2022-06-01: enter the UN operational rate first",
    "no_rate",
    { currency: "EUR", date: "2022-06-01" },
  ];
  const flowProblems: [string, Record<string, unknown>, Expected][] = [
    ["unknown source", { source: "NOPE" }, unknownOrganization("source")],
    ["unknown recipient", { recipient: "NOPE" }, unknownOrganization("recipient")],
    ["unknown operation", { operation: "NOPE" }, UNKNOWN_OPERATION],
    ["task outside the mandates", { taskCode: "NOT-A-TASK" }, TASK_OUTSIDE],
    [
      "task without operation",
      { operation: null },
      ["taskCode", "A task needs an operation", "task_needs_operation", {}],
    ],
    ["too many decimals", { amount: "12.345" }, tooManyDecimals("12.345")],
    ["no rate in force", { currency: "EUR", date: "2022-06-01" }, NO_EUR_RATE],
    [
      "unknown source and a bad amount",
      { source: "NOPE", amount: "12.345" },
      unknownOrganization("source"),
    ],
    [
      "unknown task and no rate",
      { taskCode: "NOT-A-TASK", currency: "EUR", date: "2022-06-01" },
      TASK_OUTSIDE,
    ],
  ];
  it.each(flowProblems)(
    "words a flow's %s as before",
    async (_name, change, [field, message, code, params]) => {
      const error = await caller.flow.create({ ...flowInput, ...change }).catch((e: unknown) => e);
      expect(problem(error)).toEqual({
        code: "BAD_REQUEST",
        field,
        message,
        coded: { code, params },
      });
    },
  );

  const requirementProblems: [string, Record<string, unknown>, Expected][] = [
    ["unknown operation", { operation: "NOPE" }, UNKNOWN_OPERATION],
    ["unknown entity", { entity: "NOPE" }, unknownOrganization("entity")],
    ["unknown operation and entity", { operation: "NOPE", entity: "NOPE" }, UNKNOWN_OPERATION],
    ["task outside the mandates", { taskCode: "NOT-A-TASK" }, TASK_OUTSIDE],
    ["too many decimals", { amount: "1.001" }, tooManyDecimals("1.001")],
    [
      "no rate on the first day of its period",
      { currency: "EUR", periodStart: "2022-06-01" },
      NO_EUR_RATE,
    ],
  ];
  it.each(requirementProblems)(
    "words a budget line's %s as before",
    async (_name, change, [field, message, code, params]) => {
      const error = await caller.requirement
        .create({ ...requirement, ...change })
        .catch((e: unknown) => e);
      expect(problem(error)).toEqual({
        code: "BAD_REQUEST",
        field,
        message,
        coded: { code, params },
      });
    },
  );

  it("refuses a requirement with more decimals than its currency, and an end before its start", async () => {
    const before = await snapshot(fx);
    await expect(
      caller.requirement.create({ ...requirement, amount: "1.001" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "amount" } });
    await expect(
      caller.requirement.create({ ...requirement, periodEnd: "2024-01-01" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await snapshot(fx)).toEqual(before);
  });

  it("refuses crosswalk shares that do not sum to exactly 1, and keeps the old shares", async () => {
    const admin = fx.caller("admin");
    await admin.crosswalk.setCategory({
      taxonomy: "UNDP-TAX",
      category: "STAFF",
      name: "Staff",
      shares: [{ commonCategory: "UNSDG-1", share: "1" }],
    });
    const before = await snapshot(fx);
    await expect(
      admin.crosswalk.setCategory({
        taxonomy: "UNDP-TAX",
        category: "STAFF",
        name: "Staff",
        shares: [
          { commonCategory: "UNSDG-1", share: "0.333" },
          { commonCategory: "UNSDG-2", share: "0.333" },
          { commonCategory: "UNSDG-7", share: "0.333" },
        ],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "shares" } });
    expect(await snapshot(fx)).toEqual(before);
    const crosswalk = await admin.crosswalk.list({ taxonomy: "UNDP-TAX" });
    expect(crosswalk.categories[0]?.shares).toEqual([{ commonCategory: "UNSDG-1", share: "1" }]);
  });

  it("accepts thirds written exactly enough to sum to 1", async () => {
    const admin = fx.caller("admin");
    await expect(
      admin.crosswalk.setCategory({
        taxonomy: "UNDP-TAX",
        category: "OPS",
        name: "Operations",
        shares: [
          { commonCategory: "UNSDG-1", share: "0.25" },
          { commonCategory: "UNSDG-2", share: "0.25" },
          { commonCategory: "UNSDG-7", share: "0.5" },
        ],
      }),
    ).resolves.toEqual({ ok: true });
  });

  it("converts a foreign-currency flow at the rate in force on its date, exactly", async () => {
    await fx
      .caller("admin")
      .rate.set({ currency: "GBP", effectiveDate: "2025-05-01", unitsPerUsd: "0.775" });
    const flow = await caller.flow.create({
      ...flowInput,
      currency: "GBP",
      amount: "5000000.00",
      date: "2025-05-31",
    });
    expect(flow.amount_usd_cents).toBe(645_161_290);
    expect(flow.units_per_usd).toBe("0.775");
    // The demo dataset's GBP rate from 2025-01-01 is 0.79; before 2023 there is none.
    const earlier = await caller.flow.create({
      ...flowInput,
      currency: "GBP",
      amount: "790.00",
      date: "2025-04-30",
    });
    expect(earlier.amount_usd_cents).toBe(100_000);
    await expect(
      caller.flow.create({ ...flowInput, currency: "GBP", date: "2022-12-31" }),
    ).rejects.toThrow(/No GBP rate in force on 2022-12-31/);
  });

  it("refuses to remove an organization that records still refer to, changing nothing", async () => {
    const admin = fx.caller("admin");
    const usa = await fx.connection.db
      .selectFrom("organizations")
      .select(["id", "version"])
      .where("code", "=", "USA")
      .executeTakeFirstOrThrow();
    const before = await snapshot(fx);
    await expect(admin.organization.remove(usa)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await snapshot(fx)).toEqual(before);
    expect(
      await fx.connection.db
        .selectFrom("organizations")
        .select("code")
        .where("id", "=", usa.id)
        .executeTakeFirst(),
    ).toEqual({ code: "USA" });
  });

  it("refuses a mandate whose tasks share a rank", async () => {
    await expect(
      caller.mandate.create({
        operation: "MINUSCA",
        resolution: "S/RES/DUPLICATE-RANKS",
        adoptedOn: "2025-11-13",
        periodStart: "2025-11-15",
        periodEnd: "2026-11-15",
        tasks: [
          { code: "A", title: "A", rank: 1 },
          { code: "B", title: "B", rank: 1 },
        ],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "tasks" } });
  });
});
