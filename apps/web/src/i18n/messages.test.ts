import { describe, expect, it } from "vitest";
import { en, fr } from "./messages";

function shape(value: unknown): unknown {
  if (typeof value === "function") return `fn/${value.length}`;
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .map(([k, v]) => [k, shape(v)])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
  return typeof value;
}

describe("message catalogs", () => {
  it("has every English string in French too, with the same parameters", () => {
    expect(shape(fr)).toEqual(shape(en));
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
