import { describe, expect, it } from "vitest";
import { analyticsEn, analyticsFr } from "./analytics-messages";

function shape(value: unknown): unknown {
  if (typeof value === "function") return `fn/${value.length}`;
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .map(([k, v]) => [k, shape(v)])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
  return typeof value;
}

describe("analytic views' catalogs", () => {
  it("has every English string in French too, with the same parameters", () => {
    expect(shape(analyticsFr)).toEqual(shape(analyticsEn));
  });
  it("translates every top-level string", () => {
    const same = Object.entries(analyticsEn).filter(
      ([k, v]) => typeof v === "string" && (analyticsFr as Record<string, unknown>)[k] === v,
    );
    // "Inversions" is the same word in both languages.
    expect(same.map(([k]) => k)).toEqual(["inversions"]);
  });
});
