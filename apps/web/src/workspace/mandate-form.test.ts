import { describe, expect, it } from "vitest";
import {
  ceilingInput,
  mandateInputOf,
  nextRank,
  taskClashes,
  taskRowsOf,
  tasksText,
} from "./mandate-form";
import type { TaskRow } from "./mandate-form";

const row = (code: string, rank: string, title = code): TaskRow => ({
  key: code,
  code,
  title,
  rank,
  added: false,
});

describe("mandate task editing", () => {
  it("opens tasks in rank order and ranks a new one last", () => {
    const rows = taskRowsOf([
      { code: "B", title: "Second", rank: 2 },
      { code: "A", title: "First", rank: 1 },
    ]);
    expect(rows.map((r) => r.code)).toEqual(["A", "B"]);
    expect(nextRank(rows)).toBe(3);
    expect(nextRank([])).toBe(1);
  });

  it("finds the ranks and codes the server would refuse as shared", () => {
    const clashes = taskClashes([row("A", "1"), row("B", "2"), row("C", " 2 "), row("A", "3")]);
    expect([...clashes.ranks]).toEqual(["2"]);
    expect([...clashes.codes]).toEqual(["A"]);
    expect(taskClashes([row("A", "1"), row("B", "2")])).toEqual({
      ranks: new Set(),
      codes: new Set(),
    });
    // Blank cells are "missing", not "shared".
    expect(taskClashes([row("", ""), row("", "")])).toEqual({ ranks: new Set(), codes: new Set() });
  });

  it("sends whole numbers, null for a blank ceiling, and NaN for anything else (refused by field)", () => {
    expect(ceilingInput(" 14400 ")).toBe(14400);
    expect(ceilingInput("")).toBeNull();
    expect(ceilingInput("14,400")).toBeNaN();
    const input = mandateInputOf(
      {
        resolution: " S/RES/1 ",
        adoptedOn: "2025-11-13",
        periodStart: "2025-11-15",
        periodEnd: "2026-11-15",
        militaryCeiling: "",
        policeCeiling: "3020",
      },
      [row("POC", "1", " Protection of civilians "), row("NEW", "x")],
    );
    expect(input).toMatchObject({
      resolution: "S/RES/1",
      militaryCeiling: null,
      policeCeiling: 3020,
    });
    expect(input.tasks[0]).toEqual({ code: "POC", title: "Protection of civilians", rank: 1 });
    expect(input.tasks[1]!.rank).toBeNaN();
  });

  it("writes a task list to compare two versions", () => {
    expect(tasksText([row("B", "2", "Two"), row("A", "1", "One")])).toBe("1. A One\n2. B Two");
  });
});
