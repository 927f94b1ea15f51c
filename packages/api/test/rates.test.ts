// Changing a rate re-converts the records it applies to, so stored USD amounts, table totals
// and the reports always agree; removing the only rate some record needs is refused.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ENGINES } from "@coherence/db/testing";
import { createFixture, flowInput } from "./support";
import type { Fixture } from "./support";

describe.each(ENGINES)("exchange rates on %s", (engine) => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await createFixture(engine, inject("pgUrl"));
  });
  afterAll(async () => {
    await fx.close();
  });

  it("re-converts flows when a rate in force is corrected, and refuses to leave one without a rate", async () => {
    const admin = fx.caller("admin");
    await admin.rate.set({ currency: "CHF", effectiveDate: "2025-01-01", unitsPerUsd: "0.90" });
    const flow = await fx
      .caller("financeOwn")
      .flow.create({ ...flowInput, currency: "CHF", amount: "1000.00", date: "2025-03-01" });
    expect(flow.amount_usd_cents).toBe(111_111);

    const corrected = await admin.rate.set({
      currency: "CHF",
      effectiveDate: "2025-01-01",
      unitsPerUsd: "0.88",
    });
    expect(corrected.reconverted).toBe(1);
    const stored = await fx.connection.db
      .selectFrom("flows")
      .selectAll()
      .where("id", "=", flow.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      amount_usd_cents: 113_636,
      units_per_usd: "0.88",
      version: 1,
    });

    const list = await fx
      .caller("reviewer")
      .flow.list({ operation: "MINUSCA", search: "", limit: 500 });
    const report = await fx.caller("reviewer").report.explain({
      operation: "MINUSCA",
      period: { kind: "calendar", year: 2025 },
      taskCode: "CIV-PROTECT",
      measure: "paid",
    });
    const contribution = report.explanations[0]!.contributions.find(
      (c) => c.recordId === String(flow.id),
    );
    expect(contribution?.conversion.amountUsdCents).toBe(113_636);
    expect(list.items.find((f) => f.id === flow.id)?.amount_usd_cents).toBe(113_636);

    await expect(
      admin.rate.remove({ currency: "CHF", effectiveDate: "2025-01-01" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const rate = await fx.caller("reviewer").rate.inForce({ currency: "CHF", date: "2025-03-01" });
    expect(rate?.units_per_usd).toBe("0.88");
  });
});
