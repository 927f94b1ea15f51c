import { describe, expect, it } from "vitest";
import {
  analyticsHref,
  analyticsSearch,
  operationViewSearch,
  parseAnalyticsView,
  queryFilter,
  selectedNodeId,
  stampFilter,
  switchView,
  toggleFilter,
} from "./analytics-state";

const today = new Date("2026-03-15T12:00:00Z");

describe("analytics URL state", () => {
  it("round-trips every view's settings", () => {
    const search =
      "period=pk2024&donor=USA&task=CIV-PROTECT&grid=cy&by=quarter&from=2022&to=2025&display=table&why=cell:1:2";
    const view = parseAnalyticsView("coverage", search, today);
    expect(view).toMatchObject({
      period: { kind: "peacekeeping", year: 2024 },
      filter: { donor: "USA", task: "CIV-PROTECT" },
      coverage: { kind: "calendar", granularity: "quarter", fromYear: 2022, toYear: 2025 },
      display: "table",
      why: "cell:1:2",
    });
    expect(parseAnalyticsView("coverage", analyticsSearch(view), today)).toEqual(view);
    expect(analyticsHref("MINUSCA", view)).toBe(
      "/operations/MINUSCA/coverage?period=pk2024&donor=USA&task=CIV-PROTECT&grid=cy&by=quarter&from=2022&to=2025&display=table&why=cell%3A1%3A2",
    );
  });

  it("defaults to four peacekeeping years up to the current one, today as review date, and drops bad values", () => {
    const view = parseAnalyticsView(
      "predictability",
      "donor=<script>&from=abcd&asof=2025-13",
      today,
    );
    expect(view.filter).toEqual({});
    expect(view.coverage).toEqual({
      kind: "peacekeeping",
      granularity: "year",
      fromYear: 2022,
      toYear: 2025,
    });
    expect(view.asOf).toBe("2026-03-15");
    expect(analyticsSearch(view)).toBe("period=cy2025&asof=2026-03-15");
    // Years out of order are swapped; more than 30 years are cut to 30.
    expect(parseAnalyticsView("coverage", "from=2025&to=2020", today).coverage).toMatchObject({
      fromYear: 2020,
      toYear: 2025,
    });
    expect(parseAnalyticsView("coverage", "from=1950&to=2025", today).coverage.fromYear).toBe(1995);
  });

  it("carries period and filter from one view to another, closing any panel", () => {
    const view = parseAnalyticsView("flows", "period=cy2025&entity=UNDP&why=link:3", today);
    const next = switchView(view, "scorecards");
    expect(next).toMatchObject({ view: "scorecards", filter: { entity: "UNDP" }, why: null });
    expect(operationViewSearch(view.period, { ...view.filter, task: "X" })).toBe(
      "period=cy2025&entity=UNDP",
    );
  });

  it("selecting a node sets its filter; selecting it again clears it", () => {
    expect(toggleFilter({}, { donor: "USA" })).toEqual({ donor: "USA" });
    expect(toggleFilter({ donor: "USA" }, { donor: "USA" })).toEqual({});
    expect(toggleFilter({ donor: "USA" }, { task: "POC" })).toEqual({ task: "POC" });
    expect(toggleFilter({ donor: "USA" }, null)).toEqual({ donor: "USA" });
    expect(selectedNodeId({ task: "POC" })).toBe("task:POC");
    expect(selectedNodeId({ donor: "USA" })).toBe("org:USA");
    expect(selectedNodeId({})).toBeNull();
  });

  it("hands the filter to the API and the stamp with only what is set", () => {
    const filter = { donor: "USA", entity: "", task: "POC" };
    expect(queryFilter(filter)).toEqual({ donor: "USA", task: "POC" });
    expect(stampFilter(filter)).toEqual({ donorCode: "USA", taskCode: "POC" });
    expect(queryFilter({})).toEqual({});
    expect(stampFilter({ entity: "UNDP" })).toEqual({ entityCode: "UNDP" });
  });
});
