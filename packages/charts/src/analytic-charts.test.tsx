import { act } from "react";
import { describe, expect, it, vi } from "vitest";
import { CoverageHeatmap } from "./coverage-heatmap";
import { FlowSankey } from "./flow-sankey";
import { TimelineChart } from "./timeline-chart";
import type { TimelineData } from "./timeline-layout";
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
  const labels = {
    title: "Timeline",
    description: "Over time",
    statuses: { pledged: "pledged", committed: "committed", paid: "paid" },
    requirement: "requirement",
    lags: "lags",
    unpaid: "unpaid",
    lag: (id: string, p: string, paid: string | null, d: number | null) =>
      `${id} ${p} ${paid ?? "-"} ${d ?? "-"}`,
  };

  const renderTimeline = (
    data: TimelineData,
    formatTick: (date: Date) => string,
    stamp?: readonly string[],
  ) =>
    render(
      <TimelineChart
        data={data}
        labels={labels}
        formatCents={money}
        formatAxis={money}
        formatTick={formatTick}
        formatDate={(d) => d}
        stamp={stamp}
      />,
    );

  it("draws a line per status, the requirement and a lag lane per pledge", () => {
    const container = renderTimeline(
      {
        events: [
          { date: "2024-01-01", status: "pledged", cents: 100, flowId: "1" },
          { date: "2024-03-01", status: "paid", cents: 100, flowId: "1" },
        ],
        requirement: [{ periodStart: "2023-07-01", periodEnd: "2024-06-30", cents: 400 }],
      },
      (d) => d.toISOString().slice(0, 7),
      ["Data as of 1 Dec 2025"],
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

  it("keeps the time axis's last label inside the chart: flush with the right edge, not centred past it", () => {
    // Two peacekeeping years: the axis runs from July 2023 to July 2025, its last tick at the end;
    // the ticks are named as in French, where the labels are widest.
    const container = renderTimeline(
      {
        events: [
          { date: "2023-07-05", status: "pledged", cents: 100, flowId: "1" },
          { date: "2025-06-20", status: "paid", cents: 100, flowId: "1" },
        ],
        requirement: [],
      },
      (d) => d.toLocaleDateString("fr-FR", { month: "short", year: "numeric", timeZone: "UTC" }),
    );
    const svgWidth = Number(container.querySelector("svg")!.getAttribute("viewBox")!.split(" ")[2]);
    const translateX = (el: Element) =>
      Number(/translate\(([-\d.]+)/.exec(el.getAttribute("transform") ?? "")?.[1] ?? 0);
    const ticks = [...container.querySelectorAll(".timeline-x-tick")];
    const tickLabels = ticks.map((t) => t.querySelector("text")!);
    const last = ticks.at(-1)!;
    const lastLabel = tickLabels.at(-1)!;
    expect(lastLabel.textContent).toBe("juil. 2025");
    // At the right edge: the label ends inside the drawing (not centred past it), at or right of
    // its tick.
    expect(lastLabel.getAttribute("text-anchor")).toBe("end");
    const tickX = translateX(last.parentElement!) + translateX(last);
    const labelEnd = tickX + Number(lastLabel.getAttribute("x") ?? 0);
    expect(labelEnd).toBeLessThan(svgWidth);
    expect(labelEnd).toBeGreaterThanOrEqual(tickX);
    // The others, the first one included (the amounts' margin leaves it room), stay centred.
    for (const label of tickLabels.slice(0, -1)) {
      expect(label.getAttribute("text-anchor")).toBe("middle");
      expect(label.getAttribute("x")).toBeNull();
    }
  });
});
