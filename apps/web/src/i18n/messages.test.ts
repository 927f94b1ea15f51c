import { describe, expect, it } from "vitest";
import { en, fr } from "./messages";
import { catalogShape } from "./catalog-shape";

describe("message catalogs", () => {
  it("has every English string in French too, with the same parameters", () => {
    expect(catalogShape(fr)).toEqual(catalogShape(en));
  });
  it("translates (no French string left identical to English except names)", () => {
    const same = Object.entries(en).filter(
      ([k, v]) => typeof v === "string" && (fr as Record<string, unknown>)[k] === v,
    );
    expect(same.map(([k]) => k).sort()).toEqual([
      "appName",
      "conversion",
      "date",
      "document",
      "flowKind",
      "notes",
      "total",
    ]);
  });
});
