// A block pasted from a spreadsheet: every row validated in place, nothing saved while one is
// wrong, all saved together once fixed.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ENGINES } from "@coherence/db/testing";
import { createFixture, flowInput } from "./support";
import type { Fixture } from "./support";

describe.each(ENGINES)("pasted flows on %s", (engine) => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await createFixture(engine, inject("pgUrl"));
  });
  afterAll(async () => {
    await fx.close();
  });

  it("reports each bad row's fields, saves nothing, then saves all once fixed", async () => {
    const officer = fx.caller("financeOwn");
    const count = async () =>
      (
        await fx.connection.db
          .selectFrom("flows")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n;
    const before = await count();
    const rows = [
      { ...flowInput, externalRef: "PASTE-1", amount: "100.00" },
      { ...flowInput, externalRef: "PASTE-2", amount: "12,5", currency: "XYZ" },
      { ...flowInput, externalRef: "PASTE-3", operation: "UNMISS", taskCode: null },
    ];
    const checked = await officer.flow.createMany({ rows, dryRun: false });
    expect(checked.ok).toBe(false);
    expect(checked.saved).toBe(0);
    expect(checked.rows[0]?.errors).toEqual({});
    expect(Object.keys(checked.rows[1]?.errors ?? {}).sort()).toEqual(["amount", "currency"]);
    expect(checked.rows[2]?.errors._row?.[0]).toMatch(/not assigned/);
    expect(await count()).toBe(before);

    const fixed = [rows[0], { ...rows[1], amount: "12.50", currency: "USD" }];
    expect((await officer.flow.createMany({ rows: fixed, dryRun: true })).ok).toBe(true);
    expect(await count()).toBe(before);
    const saved = await officer.flow.createMany({ rows: fixed, dryRun: false });
    expect(saved).toMatchObject({ ok: true, saved: 2 });
    expect(await count()).toBe(before + 2);
    const again = await officer.flow.createMany({ rows: fixed, dryRun: true });
    expect(again.rows[0]?.errors.externalRef?.[0]).toMatch(/already exists/);
  });
});
