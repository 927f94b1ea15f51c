import { describe, expect, it } from "vitest";
import { Crosswalk } from "./crosswalk";
import { MINUSCA_DEMO as demo } from "./demo-data";
import { RateTable } from "./rates";
import { reconcile } from "./reconcile";
import type { ReconcileOptions } from "./reconcile";

const options: ReconcileOptions = {
  scheme: { kind: "peacekeeping" },
  rates: new RateTable(demo.rates),
  crosswalk: new Crosswalk(demo.crosswalk),
  entities: demo.entities,
  mandates: demo.mandates,
};

describe("reconcile on the MINUSCA demo data", () => {
  const rec = reconcile(demo, options);
  const table = rec.taskTable("MINUSCA", 2023);

  it("lists every task in rank order, with the requirement at the highest stage", () => {
    expect(table.tasks.map((t) => [t.taskCode, t.rank])).toEqual([
      ["CIV-PROTECT", 1],
      ["STATE-AUTH", 2],
      ["PEACE-PROC", 3],
      ["HUMANITARIAN", 4],
      ["UN-PROTECT", 5],
    ]);
    expect(table.resolution).toBe("S/RES/2709 (2023)");
    expect(table.tasks[0]!.figures.requirement).toBe(50_500_000_000);
    expect(table.tasks[0]!.figures.expended).toBe(49_800_000_000);
  });

  it("attributes assessed money without a task by appropriated requirement", () => {
    const attributed = table.tasks.reduce((s, t) => s + t.figures.attributed.funded, 0);
    // 277.5M + 195M + 400M USD + JPY 11,300,000,000 / 140 = 80,714,285.71 USD
    expect(attributed).toBe(27_750_000_000 + 19_500_000_000 + 40_000_000_000 + 8_071_428_571);
  });

  it("counts the pooled fund's allocation once and shows its unallocated balance", () => {
    expect(table.unallocated).toHaveLength(1);
    const pbf = table.unallocated[0]!;
    // EUR 9,250,000 at 0.925 = 10,000,000 USD; SAR as FTS converted it; minus the 6M allocation.
    expect(pbf.figures.paid).toBe(1_000_000_000 + 8_675_400);
    expect(pbf.figures.committed).toBe(-600_000_000);
    expect(pbf.figures.funded).toBe(1_000_000_000 + 8_675_400 - 600_000_000);
    expect(table.tasks[2]!.figures.committed).toBeGreaterThanOrEqual(600_000_000);
  });

  it("keeps money for a task outside the mandate in Not specified", () => {
    expect(table.notSpecified.paid).toBe(50_000_000);
  });
});
