import { act } from "react";
import { describe, expect, it, vi } from "vitest";
import { GapBar } from "./gap-bar";
import { TaskGapChart } from "./task-gap-chart";
import { expectFramed, render } from "./test-support";

const labels = {
  title: "Gap by task",
  description: "Requirement and funding per priority task",
  requirement: "requirement",
  funded: "funded",
  gap: "gap",
  pledged: "pledged",
  attributed: "of which attributed",
  noRequirement: "no requirement",
  segments: { assessed: "assessed", voluntary_earmarked: "earmarked" },
};
const money = (c: number) => `$${(c / 100).toFixed(2)}`;

describe("TaskGapChart", () => {
  const data = [
    {
      key: "POC",
      label: "Protection of civilians",
      requirementCents: 10_000,
      fundedCents: 2_550,
      pledgedCents: 100,
      attributedCents: 2_000,
      fundedBy: [
        { key: "assessed", cents: 2_000 },
        { key: "voluntary_earmarked", cents: 550 },
      ],
    },
    { key: "PP", label: "Peace process", requirementCents: 0, fundedCents: 0, pledgedCents: 0 },
  ];

  it("renders an accessible svg with one focusable, labelled row per task", () => {
    const container = render(
      <TaskGapChart
        data={data}
        labels={labels}
        formatCents={money}
        formatAxis={(c) => `$${c / 100}`}
        stamp={["As of 2025-01-01"]}
      />,
    );
    expectFramed(container.querySelector("svg")!, { ...labels, stamp: ["As of 2025-01-01"] });
    const rows = container.querySelectorAll(".task-gap-row");
    expect(rows).toHaveLength(2);
    expect(rows[0]?.getAttribute("tabindex")).toBe("0");
    expect(rows[0]?.getAttribute("aria-label")).toBe(
      "Protection of civilians: requirement $100.00, funded $25.50, gap $74.50, pledged $1.00, of which attributed $20.00, assessed $20.00, earmarked $5.50",
    );
    expect(rows[0]?.getAttribute("data-funded-cents")).toBe("2550");
    expect(rows[0]?.querySelectorAll(".bar-funded")).toHaveLength(2);
    expect(rows[0]?.querySelector(".bar-pledged")).not.toBeNull();
    expect(rows[1]?.querySelector(".task-gap-note")?.textContent).toBe("no requirement");
  });

  it("calls onSelect on click, Enter and Space", () => {
    const onSelect = vi.fn();
    const container = render(
      <TaskGapChart
        data={data}
        labels={labels}
        formatCents={money}
        formatAxis={String}
        onSelect={onSelect}
      />,
    );
    const row = container.querySelector(".task-gap-row")!;
    act(() => {
      row.dispatchEvent(new MouseEvent("click", { bubbles: true }));
      row.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
      row.dispatchEvent(new KeyboardEvent("keydown", { key: " ", bubbles: true }));
      row.dispatchEvent(new KeyboardEvent("keydown", { key: "a", bubbles: true }));
    });
    expect(onSelect.mock.calls).toEqual([["POC"], ["POC"], ["POC"]]);
  });
});

describe("GapBar", () => {
  it("is an image named by its label", () => {
    const container = render(
      <GapBar requirementCents={100} fundedCents={40} domainMaxCents={100} label="Op: 40%" />,
    );
    const svg = container.querySelector("svg")!;
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")).toBe("Op: 40%");
  });
});
