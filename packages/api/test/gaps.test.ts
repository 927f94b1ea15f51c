// Through the real router, on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Connection } from "@coherence/db";
import { ENGINES } from "@coherence/db/testing";
import { createFixture } from "./support";
import type { Caller, Fixture } from "./support";

describe.each(ENGINES)("gaps and flows on %s", (engine) => {
  let fx: Fixture;
  let connection: Connection;
  let caller: Caller;

  beforeAll(async () => {
    fx = await createFixture(engine, inject("pgUrl"));
    connection = fx.connection;
    caller = fx.caller("financeOwn");
  });
  afterAll(async () => {
    await fx.close();
  });

  const newFlow = {
    externalRef: null,
    category: null,
    source: "NOR",
    recipient: "UNICEF",
    operation: "MINUSCA",
    taskCode: "CIV-PROTECT",
    fundingType: "voluntary_earmarked",
    status: "paid",
    date: "2025-06-01",
    amount: "1234567.89",
    currency: "USD",
    periodStart: "2025-01-01",
    periodEnd: "2025-12-31",
    earmarking: "earmarked",
    notes: null,
  } as const;

  it("lists tasks in rank order with the Not specified bucket last", async () => {
    const result = await caller.gaps.byTask({ operation: "MINUSCA" });
    expect(result.tasks.map((t) => t.taskCode)).toEqual([
      "CIV-PROTECT",
      "STATE-AUTH",
      "PEACE-PROC",
      "HUMANITARIAN",
      "UN-PROTECT",
      null,
    ]);
  });

  it("raises a task's funded figure by exactly the new flow's amount", async () => {
    const before = await caller.gaps.byTask({ operation: "MINUSCA" });
    await caller.flow.create(newFlow);
    const after = await caller.gaps.byTask({ operation: "MINUSCA" });
    const funded = (r: typeof before) => r.tasks.find((t) => t.taskCode === "CIV-PROTECT")!.funded;
    expect(funded(after) - funded(before)).toBe(123_456_789);
  });

  it("refuses bad input with field-level errors and writes nothing", async () => {
    const count = async () =>
      (
        await connection.db
          .selectFrom("flows")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n;
    const before = await count();
    await expect(caller.flow.create({ ...newFlow, amount: "12.345" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(caller.flow.create({ ...newFlow, amount: "-5" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(caller.flow.create({ ...newFlow, date: "2025-02-30" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(caller.flow.create({ ...newFlow, periodEnd: "2024-12-31" })).rejects.toMatchObject(
      { code: "BAD_REQUEST" },
    );
    await expect(caller.flow.create({ ...newFlow, source: "NOPE" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Unknown organization NOPE",
      cause: { field: "source" },
    });
    expect(await count()).toBe(before);
  });

  it("answers NOT_FOUND for an unknown operation", async () => {
    await expect(caller.gaps.byTask({ operation: "NOPE" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
