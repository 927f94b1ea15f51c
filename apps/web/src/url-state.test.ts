import { describe, expect, it } from "vitest";
import {
  defaultPeriod,
  operationSearch,
  parseOperationView,
  parsePeriod,
  parsePortfolioView,
  portfolioSearch,
  serializePeriod,
} from "./url-state";
import type { OperationView, WhyTarget } from "./url-state";

describe("periods in the URL", () => {
  it("round-trips every kind", () => {
    for (const p of [
      { kind: "calendar", year: 2025 },
      { kind: "peacekeeping", year: 2024 },
      { kind: "custom", from: "2025-01-01", to: "2025-06-30" },
    ] as const) {
      expect(parsePeriod(serializePeriod(p))).toEqual(p);
    }
  });
  it("falls back on anything malformed", () => {
    const fallback = { kind: "calendar", year: 2000 } as const;
    for (const bad of ["", "xx2025", "cy20", "2025-06-30..2025-01-01", "2025-1-1..2025-02-01"]) {
      expect(parsePeriod(bad, fallback)).toEqual(fallback);
    }
  });
  it("defaults to the last complete calendar year", () => {
    expect(defaultPeriod(new Date("2026-11-28T00:00:00Z"))).toEqual({
      kind: "calendar",
      year: 2025,
    });
  });
});

describe("operation view", () => {
  it("round-trips period, filters, drill-down, display and the open explanation", () => {
    const view: OperationView = {
      period: { kind: "peacekeeping", year: 2024 },
      filter: { donorCode: "USA", fundingType: "assessed" },
      by: "donor",
      display: "table",
      why: { taskCode: "CIV-PROTECT", measure: "gap" },
    };
    expect(parseOperationView(operationSearch(view))).toEqual(view);
    const notSpecified = { ...view, why: { taskCode: null, measure: "funded" as const } };
    expect(parseOperationView(operationSearch(notSpecified))).toEqual(notSpecified);
  });
  it("round-trips a drill-down figure's explanation: a cell, a cell without a value, a row total, unallocated", () => {
    const base: OperationView = {
      period: { kind: "calendar", year: 2025 },
      filter: {},
      by: "donor",
      display: "chart",
      why: null,
    };
    for (const why of [
      { taskCode: "CIV-PROTECT", measure: "funded", drill: { by: "donor", value: "NOR" } },
      { taskCode: "CIV-PROTECT", measure: "funded", drill: { by: "entity", value: null } },
      { taskCode: null, measure: "funded", drill: { by: "fundingType" } },
      {
        taskCode: null,
        measure: "funded",
        unallocated: true,
        drill: { by: "donor", value: "PBF" },
      },
    ] satisfies WhyTarget[]) {
      const view = { ...base, why };
      expect(parseOperationView(operationSearch(view))).toEqual(view);
    }
    expect(
      operationSearch({ ...base, why: { taskCode: null, measure: "funded", unallocated: true } }),
    ).toContain("why=%7E%3Afunded");
    // A drill value that is not a code, or an unknown dimension, is dropped (the figure stays).
    expect(parseOperationView("why=POC:funded&whyby=donor:%3Cx%3E").why).toEqual({
      taskCode: "POC",
      measure: "funded",
    });
    expect(parseOperationView("why=POC:funded&whyby=colour:red").why?.drill).toBeUndefined();
  });
  it("ignores unknown values rather than passing them to the server", () => {
    const view = parseOperationView("by=colour&type=gift&donor=%3Cscript%3E&why=X:nonsense");
    expect(view.by).toBeNull();
    expect(view.filter).toEqual({});
    expect(view.why).toBeNull();
  });
});

describe("portfolio view", () => {
  it("round-trips the sort", () => {
    const view = {
      period: { kind: "calendar", year: 2025 },
      sort: "gap",
      direction: "desc",
    } as const;
    expect(parsePortfolioView(portfolioSearch(view))).toEqual(view);
    expect(parsePortfolioView("sort=bogus").sort).toBe("code");
  });
});
