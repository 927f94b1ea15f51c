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
    await admin.rate.set({ currency: "SAR", effectiveDate: "2025-01-01", unitsPerUsd: "3.70" });
    const flow = await fx
      .caller("financeOwn")
      .flow.create({ ...flowInput, currency: "SAR", amount: "325328.00", date: "2025-03-01" });
    expect(flow.amount_usd_cents).toBe(8_792_649);

    const corrected = await admin.rate.set({
      currency: "SAR",
      effectiveDate: "2025-01-01",
      unitsPerUsd: "3.75",
    });
    expect(corrected.reconverted).toBe(1);
    const stored = await fx.connection.db
      .selectFrom("flows")
      .selectAll()
      .where("id", "=", flow.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      amount_usd_cents: 8_675_413,
      units_per_usd: "3.75",
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
    expect(contribution?.conversion.amountUsdCents).toBe(8_675_413);
    expect(list.items.find((f) => f.id === flow.id)?.amount_usd_cents).toBe(8_675_413);

    await expect(
      admin.rate.remove({ currency: "SAR", effectiveDate: "2025-01-01" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const rate = await fx.caller("reviewer").rate.inForce({ currency: "SAR", date: "2025-03-01" });
    expect(rate?.units_per_usd).toBe("3.75");
  });
});
