import { act } from "react";
import type { ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LocaleProvider } from "../i18n/locale";
import { en } from "../i18n/messages";
import type { Loadable } from "./loadable";
import { ViewScaffold, ViewSections } from "./view-scaffold";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
let container: HTMLElement;
let unmount: () => void;
beforeEach(() => {
  localStorage.setItem("coherence.locale", "en");
});
afterEach(() => {
  unmount();
  container.remove();
});

function render(node: ReactNode) {
  container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  act(() => {
    root.render(<LocaleProvider>{node}</LocaleProvider>);
  });
  unmount = () => {
    act(() => {
      root.unmount();
    });
  };
}

const query = <T,>(over: Partial<Loadable<T>>): Loadable<T> => ({
  data: undefined,
  error: null,
  refetch: vi.fn(),
  ...over,
});
const stamp = { operation: "MINUSCA", asOf: "2026-11-28T08:07:00Z" };

describe("ViewScaffold", () => {
  it("shows the controls and 'loading' until the data is there", () => {
    const view = vi.fn(() => <p>view</p>);
    render(
      <ViewScaffold toolbar={<button type="button">period</button>} query={query({})}>
        {view}
      </ViewScaffold>,
    );
    expect(container.querySelector(".toolbar button")?.textContent).toBe("period");
    expect(container.querySelector("[role='status']")?.textContent).toBe(en.loading);
    expect(view).not.toHaveBeenCalled();
  });

  it("shows the server's error with a retry, and keeps the controls", () => {
    const failed = query({ error: { message: "connection refused" } });
    render(
      <ViewScaffold toolbar={<span>controls</span>} query={failed}>
        {() => <p>view</p>}
      </ViewScaffold>,
    );
    const alert = container.querySelector("[role='alert']")!;
    expect(alert.textContent).toContain(en.loadFailed);
    expect(alert.textContent).toContain("connection refused");
    expect(container.querySelector(".toolbar")?.textContent).toBe("controls");
    act(() => {
      alert.querySelector("button")!.click();
    });
    expect(failed.refetch).toHaveBeenCalledOnce();
  });

  it("draws the view from its data, without a toolbar when it has none", () => {
    render(
      <ViewScaffold query={query({ data: { total: 42 } })}>
        {(data) => <p className="figure">{data.total}</p>}
      </ViewScaffold>,
    );
    expect(container.querySelector(".figure")?.textContent).toBe("42");
    expect(container.querySelector(".toolbar")).toBeNull();
  });
});

describe("ViewSections", () => {
  const table = () => ({ name: "t", header: ["a"], rows: [] });

  it("puts the intro, the lead, the exports, the body, the stamp and the footer in order", () => {
    render(
      <ViewSections
        intro="What this view answers."
        lead={<p className="lead">summary</p>}
        exports={{ table }}
        stamp={stamp}
        footer={<p className="footer">more</p>}
      >
        <table className="body" />
      </ViewSections>,
    );
    const order = [...container.children].map(
      (e) => e.getAttribute("class") ?? e.getAttribute("data-testid"),
    );
    expect(order).toEqual(["intro", "lead", "export-bar", "body", "stamp", "footer"]);
    expect(container.querySelector(".export-bar")?.getAttribute("aria-label")).toBe(en.exportTitle);
    expect(container.querySelector(".export-bar")?.textContent).toContain(en.print);
    expect(container.querySelector("[data-testid='stamp']")?.textContent).toContain("MINUSCA");
  });

  it("says why there is nothing to show instead of the exports and the body, and still stamps", () => {
    render(
      <ViewSections
        intro="intro"
        lead={<p className="lead">summary</p>}
        empty="No money in this period."
        exports={{ table }}
        stamp={stamp}
      >
        <table className="body" />
      </ViewSections>,
    );
    expect(container.querySelector(".state.empty")?.textContent).toBe("No money in this period.");
    expect(container.querySelector(".export-bar")).toBeNull();
    expect(container.querySelector(".body")).toBeNull();
    expect(container.querySelector(".lead")).not.toBeNull();
    expect(container.querySelector("[data-testid='stamp']")).not.toBeNull();
  });
});
