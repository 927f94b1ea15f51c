import { describe, expect, it } from "vitest";
import { analyticsEn, analyticsFr } from "./analytics-messages";
import { catalogShape } from "./catalog-shape";

describe("analytic views' catalogs", () => {
  it("has every English string in French too, with the same parameters", () => {
    expect(catalogShape(analyticsFr)).toEqual(catalogShape(analyticsEn));
  });
  it("translates every top-level string", () => {
    const same = Object.entries(analyticsEn).filter(
      ([k, v]) => typeof v === "string" && (analyticsFr as Record<string, unknown>)[k] === v,
    );
    // "Inversions" is the same word in both languages.
    expect(same.map(([k]) => k)).toEqual(["inversions"]);
  });
});
