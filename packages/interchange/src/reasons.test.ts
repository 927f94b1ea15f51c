import { describe, expect, it } from "vitest";
import { REASONS, codedMessages, fillTemplate, reason, reasonFields } from "./reasons";

describe("reasons", () => {
  it("fills a template's parameters, leaving unknown ones as written", () => {
    expect(fillTemplate("between {min} and {max}", { min: 1, max: 12 })).toBe("between 1 and 12");
    expect(fillTemplate("a {b}", {})).toBe("a {b}");
  });

  it("gives the code, the parameters and the English text", () => {
    expect(reason("duplicate_key", { columns: "external_ref", line: 12 })).toEqual({
      code: "duplicate_key",
      params: { columns: "external_ref", line: 12 },
      text: "duplicate external_ref: already on line 12",
    });
    expect(reasonFields(reason("missing_column"))).toEqual({
      reason: "missing column",
      code: "missing_column",
      params: {},
    });
  });

  it("makes catalogs of its own kind for other packages", () => {
    const message = codedMessages({ hello: "hello {name}" });
    expect(message("hello", { name: "Ana" }).text).toBe("hello Ana");
  });

  it("has well-formed templates: parameters are {word}, braces always paired", () => {
    for (const [code, template] of Object.entries(REASONS))
      expect([code, template.replace(/\{\w+\}/g, "").includes("{")]).toEqual([code, false]);
  });
});
