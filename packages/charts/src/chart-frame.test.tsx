import type { ReactElement } from "react";
import { describe, expect, it } from "vitest";
import { ChartFrame } from "./chart-frame";
import { FlowSankey } from "./flow-sankey";
import { heatmapSvg } from "./heatmap-svg";
import { TaskGapChart } from "./task-gap-chart";
import { render } from "./test-render";
import { TimelineChart } from "./timeline-chart";

const money = (c: number) => `$${(c / 100).toFixed(2)}`;
const stamp = ["Data as of 1 Dec 2025", "Rates in force: none needed", "Filters: none"];

/** What the frame promises: named and described, legend hidden from AT, body, stamp under it. */
function expectFramed(svg: Element, title: string, description: string) {
  expect(svg.getAttribute("role")).toBe("img");
  const titleId = svg.getAttribute("aria-labelledby")!;
  const descId = svg.getAttribute("aria-describedby")!;
  expect(svg.querySelector("title")?.getAttribute("id")).toBe(titleId);
  expect(svg.querySelector("title")?.textContent).toBe(title);
  expect(svg.querySelector("desc")?.getAttribute("id")).toBe(descId);
  expect(svg.querySelector("desc")?.textContent).toBe(description);
  expect(svg.querySelector(".chart-legend")?.getAttribute("aria-hidden")).toBe("true");
  const lines = [...svg.querySelectorAll(".chart-stamp text")];
  expect(lines.map((t) => t.textContent)).toEqual(stamp);
  // The stamp stays inside the drawing, one line under another.
  const height = Number(svg.getAttribute("viewBox")!.split(" ")[3]);
  const ys = lines.map((t) => Number(t.getAttribute("y")));
  expect(ys).toEqual([...ys].sort((a, b) => a - b));
  expect(ys.at(-1)!).toBeLessThan(height);
}

describe("ChartFrame", () => {
  it("draws the title, description, legend, body and stamp in order", () => {
    const container = render(
      <ChartFrame
        title="Gap by task"
        description="Requirement and funding"
        width={400}
        bodyHeight={120}
        legend={{
          columns: 2,
          entries: [
            { key: "a", label: "funded", swatch: <rect width={18} height={14} /> },
            { key: "b", label: "gap", swatch: <rect width={18} height={14} /> },
            { key: "c", label: "pledged", swatch: <rect width={18} height={14} /> },
          ],
        }}
        stamp={stamp}
        className="my-chart"
        data={{ "data-total": 12 }}
      >
        <rect className="body-mark" width={10} height={10} />
      </ChartFrame>,
    );
    const svg = container.querySelector("svg")!;
    expectFramed(svg, "Gap by task", "Requirement and funding");
    expect(svg.getAttribute("class")).toBe("my-chart");
    expect(svg.getAttribute("data-total")).toBe("12");
    expect(svg.getAttribute("width")).toBe("100%");
    expect([...svg.querySelectorAll(".chart-legend text")].map((t) => t.textContent)).toEqual([
      "funded",
      "gap",
      "pledged",
    ]);
    // The body sits below the legend's two rows, and the stamp below the body.
    const body = svg.querySelector(".body-mark")!.parentElement!;
    const bodyTop = Number(/translate\(0,([\d.]+)\)/.exec(body.getAttribute("transform")!)![1]);
    expect(bodyTop).toBeGreaterThanOrEqual(2 * 22);
    const firstStamp = Number(svg.querySelector(".chart-stamp text")!.getAttribute("y"));
    expect(firstStamp).toBeGreaterThan(bodyTop + 120);
    expect(svg.querySelector(".chart-heading")).toBeNull();
  });

  it("writes pixel sizes and a visible heading for a standalone image", () => {
    const container = render(
      <ChartFrame title="Heatmap" description="d" width={300} bodyHeight={50} heading pixelSize>
        <g />
      </ChartFrame>,
    );
    const svg = container.querySelector("svg")!;
    expect(svg.getAttribute("width")).toBe("300");
    expect(svg.getAttribute("height")).toBe(svg.getAttribute("viewBox")!.split(" ")[3]);
    expect(svg.querySelector(".chart-heading")?.textContent).toBe("Heatmap");
    expect(svg.querySelector(".chart-heading")?.getAttribute("aria-hidden")).toBe("true");
    expect(svg.querySelector(".chart-stamp")).toBeNull();
  });
});

describe("every chart is drawn in the frame", () => {
  const charts: [string, ReactElement][] = [
    [
      "TaskGapChart",
      <TaskGapChart
        key="t"
        data={[
          { key: "POC", label: "POC", requirementCents: 100, fundedCents: 50, pledgedCents: 0 },
        ]}
        labels={{
          title: "Gaps",
          description: "Gap by task",
          requirement: "requirement",
          funded: "funded",
          gap: "gap",
          pledged: "pledged",
          attributed: "attributed",
          noRequirement: "none",
          segments: {},
        }}
        formatCents={money}
        formatAxis={money}
        stamp={stamp}
      />,
    ],
    [
      "TimelineChart",
      <TimelineChart
        key="l"
        data={{
          events: [{ date: "2024-01-01", status: "pledged", cents: 100, flowId: "1" }],
          requirement: [],
        }}
        labels={{
          title: "Timeline",
          description: "Over time",
          statuses: { pledged: "pledged", committed: "committed", paid: "paid" },
          requirement: "requirement",
          lags: "lags",
          unpaid: "unpaid",
          lag: (id) => id,
        }}
        formatCents={money}
        formatAxis={money}
        formatTick={(d) => d.toISOString().slice(0, 7)}
        formatDate={(d) => d}
        stamp={stamp}
      />,
    ],
    [
      "FlowSankey",
      <FlowSankey
        key="s"
        nodes={[
          { id: "org:USA", kind: "organization", label: "USA", code: "USA" },
          { id: "task:POC", kind: "task", label: "POC", code: "POC", rank: 1 },
        ]}
        links={[{ source: "org:USA", target: "task:POC", cents: 100, kind: "allocation" }]}
        labels={{
          title: "Flows",
          description: "Who funds what",
          linkKinds: {},
          nodeKinds: {},
          node: (n) => n.label,
        }}
        formatCents={money}
        stamp={stamp}
      />,
    ],
  ];
  const names: Record<string, [string, string]> = {
    TaskGapChart: ["Gaps", "Gap by task"],
    TimelineChart: ["Timeline", "Over time"],
    FlowSankey: ["Flows", "Who funds what"],
  };

  it.each(charts)("%s", (name, chart) => {
    const svg = render(chart).querySelector("svg")!;
    expectFramed(svg, ...names[name]!);
  });

  it("the heatmap's SVG export", async () => {
    const text = await heatmapSvg({
      rows: [{ key: "T", label: "Task" }],
      columns: [{ key: "0", label: "2025" }],
      coverage: [[0.5]],
      cellText: () => "50%",
      labels: { title: "Coverage", description: "By task", bands: [], noRequirement: "none" },
      stamp,
    });
    const svg = new DOMParser().parseFromString(text, "image/svg+xml").documentElement;
    expectFramed(svg, "Coverage", "By task");
  });
});
