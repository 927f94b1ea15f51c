// The reconciliation served through the router, on both engines: figures conserve their
// sources, explanations add up to the figure, drill-downs add up to the task.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ENGINES } from "@coherence/db/testing";
import { createFixture, flowInput } from "./support";
import type { Caller, Fixture } from "./support";

const PK_2024 = { kind: "peacekeeping", year: 2024 } as const;

describe.each(ENGINES)("reports on %s", (engine) => {
  let fx: Fixture;
  let reviewer: Caller;
  beforeAll(async () => {
    fx = await createFixture(engine, inject("pgUrl"));
    reviewer = fx.caller("reviewer");
  });
  afterAll(async () => {
    await fx.close();
  });

  it("lists the operation's tasks in mandate rank order, with gap, surplus and coverage as the BRIEF defines them", async () => {
    const report = await reviewer.report.operation({ operation: "MINUSCA", period: PK_2024 });
    expect(report.period).toMatchObject({ from: "2024-07-01", to: "2025-06-30", label: "2024/25" });
    // Two mandate versions are in force in 2024/25: the ranks come from the latest adopted.
    expect(report.resolution).toBe("S/RES/2759 (2024)");
    expect(report.tasks.map((t) => [t.rank, t.taskCode])).toEqual([
      [1, "CIV-PROTECT"],
      [2, "STATE-AUTH"],
      [3, "PEACE-PROC"],
      [4, "HUMANITARIAN"],
      [5, "UN-PROTECT"],
    ]);
    for (const { figures: f } of report.tasks) {
      expect(f.funded).toBe(f.committed + f.paid);
      expect(f.gap).toBe(Math.max(0, f.requirement - f.funded));
      expect(f.surplus).toBe(Math.max(0, f.funded - f.requirement));
    }
    // Assessed money carries no task: it is attributed to the tasks and labelled so.
    expect(report.tasks.every((t) => t.figures.attributed.funded > 0)).toBe(true);
  });

  it("conserves money: tasks + Not specified + unallocated balances = the operation's total", async () => {
    const report = await reviewer.report.operation({ operation: "MINUSCA", period: PK_2024 });
    const parts = [
      ...report.tasks.map((t) => t.figures),
      report.notSpecified.figures,
      ...report.unallocated.map((u) => u.figures),
    ];
    for (const measure of ["requirement", "pledged", "committed", "paid"] as const) {
      expect(parts.reduce((sum, f) => sum + f[measure], 0)).toBe(report.total[measure]);
    }
    for (const task of report.tasks) {
      const byType = Object.values(task.fundedByType).reduce((a, b) => a + b, 0);
      expect(byType).toBe(task.figures.funded);
    }
  });

  it("explains a gap with records whose contributions sum exactly to each side", async () => {
    const report = await reviewer.report.operation({ operation: "MINUSCA", period: PK_2024 });
    const poc = report.tasks.find((t) => t.taskCode === "CIV-PROTECT")!;
    const why = await reviewer.report.explain({
      operation: "MINUSCA",
      period: PK_2024,
      taskCode: "CIV-PROTECT",
      measure: "gap",
    });
    const side = (measure: string) => why.explanations.find((e) => e.measure === measure)!;
    expect(side("requirement").value).toBe(poc.figures.requirement);
    expect(side("funded").value).toBe(poc.figures.funded);
    for (const e of why.explanations) {
      const sum =
        e.contributions.reduce((s, c) => s + c.cents, 0) +
        e.attributions.reduce((s, a) => s + a.cents, 0);
      expect(sum).toBe(e.value);
    }
    expect(side("requirement").value - side("funded").value).toBe(poc.figures.gap);
    expect(side("requirement").contributions.map((c) => c.recordId)).toContain(
      "MINUSCA-2024/25-POC",
    );
  });

  it("drills down by donor, entity, funding type and category, each adding up to the task", async () => {
    const report = await reviewer.report.operation({ operation: "MINUSCA", period: PK_2024 });
    for (const by of ["donor", "entity", "fundingType", "category"] as const) {
      const drill = await reviewer.report.drilldown({ operation: "MINUSCA", period: PK_2024, by });
      for (const task of report.tasks) {
        const rows = drill.rows.filter((r) => r.bucket === "task" && r.taskCode === task.taskCode);
        expect(rows.reduce((s, r) => s + r.figures.funded, 0)).toBe(task.figures.funded);
        expect(rows.reduce((s, r) => s + r.figures.requirement, 0)).toBe(task.figures.requirement);
      }
    }
  });

  it("filters the task table by a donor", async () => {
    const filtered = await reviewer.report.operation({
      operation: "MINUSCA",
      period: { kind: "calendar", year: 2025 },
      filter: { donorCode: "USA" },
    });
    const drill = await reviewer.report.drilldown({
      operation: "MINUSCA",
      period: { kind: "calendar", year: 2025 },
      by: "donor",
    });
    for (const task of filtered.tasks) {
      const usa = drill.rows.filter(
        (r) => r.bucket === "task" && r.taskCode === task.taskCode && r.value === "USA",
      );
      expect(task.figures.funded).toBe(usa.reduce((s, r) => s + r.figures.funded, 0));
    }
  });

  it("moves a task's funded figure by exactly a new flow's amount when the flow falls in the period", async () => {
    const period = { kind: "calendar", year: 2025 } as const;
    const funded = async () =>
      (await reviewer.report.operation({ operation: "MINUSCA", period })).tasks.find(
        (t) => t.taskCode === "PEACE-PROC",
      )!.figures.funded;
    const before = await funded();
    await fx.caller("financeOwn").flow.create({
      ...flowInput,
      taskCode: "PEACE-PROC",
      amount: "7654321.09",
      periodStart: "2025-01-01",
      periodEnd: "2025-12-31",
    });
    expect((await funded()) - before).toBe(765_432_109);
  });

  it("lists every operation in the portfolio, an operation without data at zero", async () => {
    const portfolio = await reviewer.report.portfolio({ period: PK_2024 });
    expect(portfolio.operations.map((o) => o.code)).toEqual([
      "MINURSO",
      "MINUSCA",
      "MONUSCO",
      "UNIFIL",
      "UNMISS",
    ]);
    const minurso = portfolio.operations.find((o) => o.code === "MINURSO")!;
    expect(minurso.total.funded).toBe(0);
    expect(minurso.alignment.score).toBeNull();
    expect(portfolio.operations.find((o) => o.code === "MINUSCA")!.alignment.scoreDecimal).toMatch(
      /^0\.\d{6}$/,
    );
  });

  it("refuses a custom period that ends before it starts, and answers NOT_FOUND for an unknown operation", async () => {
    await expect(
      reviewer.report.operation({
        operation: "MINUSCA",
        period: { kind: "custom", from: "2025-06-01", to: "2025-01-01" },
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      reviewer.report.operation({ operation: "NOPE", period: PK_2024 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses bad flow input with field-level errors and writes nothing to the figures", async () => {
    const period = { kind: "calendar", year: 2025 } as const;
    const before = await reviewer.report.operation({ operation: "MINUSCA", period });
    const officer = fx.caller("financeOwn");
    for (const bad of [
      { amount: "12.345" },
      { amount: "-5" },
      { date: "2025-02-30" },
      { periodEnd: "2024-12-31" },
    ]) {
      await expect(officer.flow.create({ ...flowInput, ...bad })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    }
    await expect(officer.flow.create({ ...flowInput, source: "NOPE" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Unknown organization NOPE",
      cause: { field: "source" },
    });
    expect(await reviewer.report.operation({ operation: "MINUSCA", period })).toEqual(before);
  });

  it("computes predictability, execution and scorecards", async () => {
    const p = await reviewer.report.predictability({ operation: "MINUSCA", asOf: "2025-11-01" });
    expect(p.assessedShare).not.toBeNull();
    const e = await reviewer.report.execution({ operation: "MINUSCA", period: PK_2024 });
    expect(e.total.appropriated).toBe(115_724_600_000);
    const s = await reviewer.report.scorecards({ operation: "MINUSCA", period: PK_2024 });
    expect(s.entities.map((x) => x.entityCode)).toContain("UN-DPO");
  });

  it("explains an operation's total and a drill-down cell, each summing to the figure shown", async () => {
    const report = await reviewer.report.operation({ operation: "MINUSCA", period: PK_2024 });
    const total = await reviewer.report.explain({
      operation: "MINUSCA",
      period: PK_2024,
      taskCode: null,
      bucket: "all",
      measure: "funded",
    });
    expect(total.explanations[0]!.value).toBe(report.total.funded);
    const drill = await reviewer.report.drilldown({
      operation: "MINUSCA",
      period: PK_2024,
      by: "donor",
    });
    const cell = drill.rows.find(
      (r) => r.bucket === "task" && r.value !== null && r.figures.funded > 0,
    )!;
    const why = await reviewer.report.explain({
      operation: "MINUSCA",
      period: PK_2024,
      taskCode: cell.taskCode,
      measure: "funded",
      filter: { donorCode: cell.value! },
    });
    const e = why.explanations[0]!;
    expect(e.value).toBe(cell.figures.funded);
    expect(
      e.contributions.reduce((s, c) => s + c.cents, 0) +
        e.attributions.reduce((s, a) => s + a.cents, 0),
    ).toBe(e.value);
  });

  it("explains drill-down cells by every dimension (task, Not specified, unallocated), each summing to the cell", async () => {
    for (const by of ["entity", "category", "fundingType", "donor"] as const) {
      const drill = await reviewer.report.drilldown({ operation: "MINUSCA", period: PK_2024, by });
      const funded = drill.rows.filter((r) => r.figures.funded > 0);
      // One cell of each bucket present, and a second task cell: the records cost a reconcile each.
      const cells = [
        ...funded.filter((r) => r.bucket === "task").slice(0, 2),
        ...["not_specified", "unallocated"].flatMap((b) =>
          funded.filter((r) => r.bucket === b).slice(0, 1),
        ),
      ];
      expect(cells.length).toBeGreaterThan(0);
      for (const cell of cells) {
        const key = {
          entity: "entityCode",
          category: "categoryCode",
          fundingType: "fundingType",
          donor: "donorCode",
        }[by];
        const why = await reviewer.report.explain({
          operation: "MINUSCA",
          period: PK_2024,
          bucket: cell.bucket,
          taskCode: cell.taskCode,
          measure: "funded",
          filter: { [key]: cell.value },
        });
        const e = why.explanations[0]!;
        expect(e.value, `${by} ${cell.bucket} ${cell.taskCode} ${cell.value}`).toBe(
          cell.figures.funded,
        );
        expect(
          e.contributions.reduce((s, c) => s + c.cents, 0) +
            e.attributions.reduce((s, a) => s + a.cents, 0),
        ).toBe(e.value);
      }
    }
  });

  it("explains the records without a value with a null filter, and refuses a task outside the task bucket", async () => {
    const report = await reviewer.report.operation({ operation: "MINUSCA", period: PK_2024 });
    // Budget lines have no donor: the requirement of records without a donor is the whole requirement.
    const noDonor = await reviewer.report.explain({
      operation: "MINUSCA",
      period: PK_2024,
      measure: "requirement",
      filter: { donorCode: null },
    });
    expect(noDonor.explanations[0]!.value).toBe(report.total.requirement);
    await expect(
      reviewer.report.explain({
        operation: "MINUSCA",
        period: PK_2024,
        taskCode: "CIV-PROTECT",
        bucket: "unallocated",
        measure: "funded",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
