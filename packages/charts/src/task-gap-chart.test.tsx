import { act } from "react";
import { createRoot } from "react-dom/client";
import { describe, expect, it } from "vitest";
import { TaskGapChart } from "./task-gap-chart";

const labels = {
  title: "Gap by task",
  description: "Requirement and funding per priority task",
  requirement: "requirement",
  funded: "funded",
  gap: "gap",
  pledged: "pledged",
};

describe("TaskGapChart", () => {
  it("renders an accessible svg with one focusable, labelled row per task", () => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    const container = document.createElement("div");
    document.body.append(container);
    const root = createRoot(container);
    act(() => {
      root.render(
        <TaskGapChart
          data={[
            {
              key: "POC",
              label: "Protection of civilians",
              requirementCents: 10_000,
              fundedCents: 2_550,
              pledgedCents: 100,
            },
            {
              key: "PP",
              label: "Peace process",
              requirementCents: 0,
              fundedCents: 0,
              pledgedCents: 0,
            },
          ]}
          labels={labels}
          formatCents={(c) => `$${(c / 100).toFixed(2)}`}
          formatAxis={(c) => `$${c / 100}`}
        />,
      );
    });
    const svg = container.querySelector("svg");
    expect(svg?.getAttribute("role")).toBe("img");
    expect(svg?.querySelector("title")?.textContent).toBe("Gap by task");
    const rows = container.querySelectorAll(".task-gap-row");
    expect(rows).toHaveLength(2);
    expect(rows[0]?.getAttribute("tabindex")).toBe("0");
    expect(rows[0]?.getAttribute("aria-label")).toBe(
      "Protection of civilians: requirement $100.00, funded $25.50, gap $74.50, pledged $1.00",
    );
    expect(rows[0]?.getAttribute("data-funded-cents")).toBe("2550");
    act(() => {
      root.unmount();
    });
  });
});
