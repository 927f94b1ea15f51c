import { act } from "react";
import { describe, expect, it, vi } from "vitest";
import { CoverageHeatmap } from "./coverage-heatmap";
import { FlowSankey } from "./flow-sankey";
import { TimelineChart } from "./timeline-chart";
import { expectFramed, render } from "./test-support";

const money = (c: number) => `$${(c / 100).toFixed(2)}`;

describe("CoverageHeatmap", () => {
  it("is one tab stop; arrow keys move the active cell and announce it; Enter activates it", () => {
    const onActivate = vi.fn();
    const rows = Array.from({ length: 50 }, (_, i) => ({ key: `T${i}`, label: `Task ${i}` }));
    const columns = ["2024", "2025"].map((k) => ({ key: k, label: k }));
    const container = render(
      <CoverageHeatmap
        rows={rows}
        columns={columns}
        coverage={rows.map(() => [0.5, null])}
        cellText={(r, c) => (c === 1 ? "—" : `${r}%`)}
        describeCell={(r, c) => `Task ${r}, ${columns[c]!.label}`}
        labels={{
          title: "Coverage",
          instructions: "Use arrows",
          bands: ["a", "b", "c", "d", "e"],
          noRequirement: "none",
        }}
        onActivate={onActivate}
      />,
    );
    const grid = container.querySelector<HTMLElement>(".heatmap-viewport")!;
    expect(container.querySelectorAll("[tabindex]")).toHaveLength(1);
    expect(grid.getAttribute("aria-label")).toBe("Coverage");
    const key = (k: string) => {
      act(() => {
        grid.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true }));
      });
    };
    act(() => {
      grid.focus();
    });
    key("ArrowDown");
    key("ArrowRight");
    expect(grid.dataset.active).toBe("1,1");
    expect(container.querySelector(".heatmap-announcement")!.textContent).toBe("Task 1, 2025");
    key("Enter");
    expect(onActivate).toHaveBeenCalledWith(1, 1);
  });
});

describe("FlowSankey", () => {
  it("labels every node with its exact money and selects it with Enter", () => {
    const onSelect = vi.fn();
    const container = render(
      <FlowSankey
        nodes={[
          { id: "org:USA", kind: "organization", label: "USA", code: "USA" },
          { id: "task:POC", kind: "task", label: "POC", code: "POC", rank: 1 },
        ]}
        links={[{ source: "org:USA", target: "task:POC", cents: 12_345, kind: "allocation" }]}
        labels={{
          title: "Flows",
          description: "Who funds what",
          linkKinds: {},
          nodeKinds: {},
          node: (n, i, o) => `${n.label}: in ${i}, out ${o}`,
        }}
        formatCents={money}
        onSelect={onSelect}
        stamp={["Data as of 1 Dec 2025", "Filters: none"]}
      />,
    );
    expectFramed(container.querySelector("svg")!, {
      title: "Flows",
      description: "Who funds what",
      stamp: ["Data as of 1 Dec 2025", "Filters: none"],
    });
    const node = container.querySelector<SVGGElement>(".flow-node[data-node='task:POC']")!;
    expect(node.getAttribute("aria-label")).toBe("POC: in $123.45, out $0.00");
    act(() => {
      node.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    });
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ id: "task:POC" }));
  });
});

describe("TimelineChart", () => {
  it("draws a line per status, the requirement and a lag lane per pledge", () => {
    const container = render(
      <TimelineChart
        data={{
          events: [
            { date: "2024-01-01", status: "pledged", cents: 100, flowId: "1" },
            { date: "2024-03-01", status: "paid", cents: 100, flowId: "1" },
          ],
          requirement: [{ periodStart: "2023-07-01", periodEnd: "2024-06-30", cents: 400 }],
        }}
        labels={{
          title: "Timeline",
          description: "Over time",
          statuses: { pledged: "pledged", committed: "committed", paid: "paid" },
          requirement: "requirement",
          lags: "lags",
          unpaid: "unpaid",
          lag: (id, p, paid, d) => `${id} ${p} ${paid ?? "-"} ${d ?? "-"}`,
        }}
        formatCents={money}
        formatAxis={money}
        formatTick={(d) => d.toISOString().slice(0, 7)}
        formatDate={(d) => d}
        stamp={["Data as of 1 Dec 2025"]}
      />,
    );
    expectFramed(container.querySelector("svg")!, {
      title: "Timeline",
      description: "Over time",
      stamp: ["Data as of 1 Dec 2025"],
    });
    expect(container.querySelectorAll(".timeline-line")).toHaveLength(3);
    expect(container.querySelectorAll(".timeline-requirement")).toHaveLength(1);
    expect(container.querySelector(".timeline-lag")!.getAttribute("data-days")).toBe("60");
    expect(container.querySelector("svg")!.getAttribute("data-paid-cents")).toBe("100");
  });
});
