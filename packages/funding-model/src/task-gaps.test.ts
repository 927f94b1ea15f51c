import { describe, expect, it } from "vitest";
import { computeTaskGaps } from "./task-gaps";

const tasks = [
  { code: "STATE-AUTH", title: "State authority", rank: 2 },
  { code: "CIV-PROTECT", title: "Protection of civilians", rank: 1 },
];

describe("computeTaskGaps", () => {
  it("orders tasks by rank and ends with the Not specified bucket", () => {
    const rows = computeTaskGaps(tasks, [], []);
    expect(rows.map((r) => r.taskCode)).toEqual(["CIV-PROTECT", "STATE-AUTH", null]);
  });

  it("takes the highest stage of a line as its requirement and never counts expended", () => {
    const [poc] = computeTaskGaps(
      tasks,
      [
        { lineRef: "L1", taskCode: "CIV-PROTECT", stage: "proposed", amountUsdCents: 500 },
        { lineRef: "L1", taskCode: "CIV-PROTECT", stage: "appropriated", amountUsdCents: 400 },
        { lineRef: "L1", taskCode: "CIV-PROTECT", stage: "expended", amountUsdCents: 399 },
        { lineRef: "L2", taskCode: "CIV-PROTECT", stage: "revised", amountUsdCents: 50 },
        { lineRef: "L2", taskCode: "CIV-PROTECT", stage: "recommended", amountUsdCents: 70 },
      ],
      [],
    );
    expect(poc?.requirement).toBe(450);
  });

  it("counts committed and paid as funded, keeps pledges apart, and computes gap and coverage", () => {
    const [poc, state, notSpecified] = computeTaskGaps(
      tasks,
      [{ lineRef: "L1", taskCode: "CIV-PROTECT", stage: "appropriated", amountUsdCents: 1000 }],
      [
        { taskCode: "CIV-PROTECT", status: "pledged", amountUsdCents: 300 },
        { taskCode: "CIV-PROTECT", status: "committed", amountUsdCents: 200 },
        { taskCode: "CIV-PROTECT", status: "paid", amountUsdCents: 150 },
        { taskCode: "STATE-AUTH", status: "paid", amountUsdCents: 99 },
        { taskCode: null, status: "paid", amountUsdCents: 7 },
        { taskCode: "UNKNOWN", status: "committed", amountUsdCents: 3 },
      ],
    );
    expect(poc).toMatchObject({ pledged: 300, funded: 350, gap: 650, surplus: 0, coverage: 0.35 });
    expect(state).toMatchObject({
      requirement: 0,
      funded: 99,
      gap: 0,
      surplus: 99,
      coverage: null,
    });
    expect(notSpecified).toMatchObject({ taskCode: null, funded: 10 });
  });
});
