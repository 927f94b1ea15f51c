// Two clients read version 1 of a record, then both write: exactly one wins, the other gets
// CONFLICT naming who changed it, and the audit log shows exactly what happened.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ENGINES } from "@coherence/db/testing";
import { createFixture, flowInput, insertFlow } from "./support";
import type { Fixture } from "./support";

describe.each(ENGINES)("optimistic concurrency on %s", (engine) => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await createFixture(engine, inject("pgUrl"));
  });
  afterAll(async () => {
    await fx.close();
  });

  it("lets exactly one of two concurrent writers win", async () => {
    const flow = await insertFlow(fx.connection);
    const alice = fx.caller("financeOwn");
    const bob = fx.caller("admin");
    const [readByAlice, readByBob] = await Promise.all([
      alice.flow.get({ id: flow.id }),
      bob.flow.get({ id: flow.id }),
    ]);
    expect(readByAlice.flow.version).toBe(1);
    expect(readByBob.flow.version).toBe(1);

    const results = await Promise.allSettled([
      alice.flow.update({
        ...flowInput,
        id: flow.id,
        version: readByAlice.flow.version,
        amount: "111.11",
        status: "pledged",
        date: "2025-03-01",
      }),
      bob.flow.update({
        ...flowInput,
        id: flow.id,
        version: readByBob.flow.version,
        amount: "222.22",
        status: "pledged",
        date: "2025-03-01",
      }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({ code: "CONFLICT" });
    expect((lost[0]!.reason as Error).message).toMatch(
      /changed by user:t\.(finance\.minusca|admin) at .* \(now version 2\)/,
    );

    const stored = await fx.connection.db
      .selectFrom("flows")
      .selectAll()
      .where("id", "=", flow.id)
      .executeTakeFirstOrThrow();
    expect(stored.version).toBe(2);
    const winner = (won[0] as PromiseFulfilledResult<{ amount: number }>).value;
    expect(stored.amount).toBe(winner.amount);

    const audit = await fx
      .caller("reviewer")
      .audit.list({ table: "flows", recordId: String(flow.id) });
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({
      action: "update",
      before: { amount: 100_000_00, version: 1 },
      after: { amount: winner.amount, version: 2 },
    });
  });

  it("keeps a contribution one record as it moves pledged → committed → paid, with dated history", async () => {
    const flow = await insertFlow(fx.connection);
    const officer = fx.caller("financeOwn");
    const committed = await officer.flow.advanceStatus({
      id: flow.id,
      version: 1,
      status: "committed",
      date: "2025-04-01",
    });
    const paid = await officer.flow.advanceStatus({
      id: flow.id,
      version: committed.version,
      status: "paid",
      date: "2025-05-15",
    });
    expect(paid).toMatchObject({
      id: flow.id,
      status: "paid",
      status_date: "2025-05-15",
      version: 3,
    });
    await expect(
      officer.flow.advanceStatus({
        id: flow.id,
        version: 3,
        status: "committed",
        date: "2025-06-01",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const { history } = await officer.flow.get({ id: flow.id });
    expect(history.map((h) => [h.status, h.status_date])).toEqual([
      ["committed", "2025-04-01"],
      ["paid", "2025-05-15"],
    ]);
  });

  it("soft-deletes a flow: it leaves the figures but stays in the audit log", async () => {
    const officer = fx.caller("financeOwn");
    const created = await officer.flow.create({
      ...flowInput,
      taskCode: "UN-PROTECT",
      amount: "500.00",
    });
    const fundedOf = async () =>
      (
        await officer.report.operation({
          operation: "MINUSCA",
          period: { kind: "custom", from: "1945-01-01", to: "2100-12-31" },
        })
      ).tasks.find((t) => t.taskCode === "UN-PROTECT")!.figures.funded;
    const withFlow = await fundedOf();
    await officer.flow.remove({ id: created.id, version: created.version });
    expect(await fundedOf()).toBe(withFlow - 500_00);
    const audit = await officer.audit.list({ table: "flows", recordId: String(created.id) });
    expect(audit.items.map((i) => i.action)).toEqual(["delete", "create"]);
  });
});
