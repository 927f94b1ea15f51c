import { describe, expect, it } from "vitest";
import { ChartFrame, lineEntry } from "./chart-frame";
import { expectFramed, render } from "./test-support";

const stamp = ["Data as of 1 Dec 2025", "Rates in force: none needed", "Filters: none"];

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
    expectFramed(svg, { title: "Gap by task", description: "Requirement and funding", stamp });
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

describe("lineEntry", () => {
  it("is a legend entry whose mark is a line as thick and dashed as the series", () => {
    const container = render(
      <ChartFrame
        title="t"
        description="d"
        width={300}
        bodyHeight={10}
        legend={{
          columns: 1,
          entries: [
            lineEntry({ key: "p", label: "Pledged", color: "#7a5a00", width: 2, dash: "6 3" }),
          ],
        }}
      >
        <g />
      </ChartFrame>,
    );
    const line = container.querySelector(".chart-legend line")!;
    expect(line.getAttribute("stroke")).toBe("#7a5a00");
    expect(line.getAttribute("stroke-width")).toBe("2");
    expect(line.getAttribute("stroke-dasharray")).toBe("6 3");
    expect(Number(line.getAttribute("x2"))).toBe(24);
    const text = container.querySelector(".chart-legend text")!;
    expect(text.textContent).toBe("Pledged");
    expect(Number(text.getAttribute("x"))).toBeGreaterThan(24);
  });
});
