// What the chart tests share: rendering into the test document (happy-dom, unmounted after each
// test) and the check that a chart is drawn in its ChartFrame.
import { act } from "react";
import type { ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { afterEach, expect } from "vitest";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

/** The element the node was rendered into. */
export function render(node: ReactNode): HTMLElement {
  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  act(() => {
    root.render(node);
  });
  cleanup = () => {
    act(() => {
      root.unmount();
    });
    container.remove();
  };
  return container;
}

/**
 * What ChartFrame promises, checked on a drawn chart: an svg role=img named by its title and
 * described by its desc, the legend hidden from assistive technology, and the stamp lines in
 * order inside the drawing.
 */
export function expectFramed(
  svg: Element,
  { title, description, stamp }: { title: string; description: string; stamp: readonly string[] },
): void {
  expect(svg.tagName.toLowerCase()).toBe("svg");
  expect(svg.getAttribute("role")).toBe("img");
  const titleElement = svg.querySelector("title");
  const descElement = svg.querySelector("desc");
  expect(titleElement?.textContent).toBe(title);
  expect(titleElement?.getAttribute("id")).toBe(svg.getAttribute("aria-labelledby"));
  expect(descElement?.textContent).toBe(description);
  expect(descElement?.getAttribute("id")).toBe(svg.getAttribute("aria-describedby"));
  const legend = svg.querySelector(".chart-legend");
  if (legend) expect(legend.getAttribute("aria-hidden")).toBe("true");
  const lines = [...svg.querySelectorAll(".chart-stamp text")];
  expect(lines.map((t) => t.textContent)).toEqual(stamp);
  const height = Number(svg.getAttribute("viewBox")!.split(" ")[3]);
  const ys = lines.map((t) => Number(t.getAttribute("y")));
  expect(ys).toEqual([...ys].sort((a, b) => a - b));
  if (ys.length) expect(ys.at(-1)!).toBeLessThan(height);
}
