// @vitest-environment node
// The server's catalogs are read from the API package itself (its English templates), so a
// code added on the server and missing here fails this test (and the compiler: the tables are
// typed Record<code, string>).
import { describe, expect, it } from "vitest";
import { API_MESSAGES, REASONS } from "@coherence/api";
import { apiMessagesFr } from "../i18n/api-messages-fr";
import { reasonsFr, serverText } from "./server-messages";

const params = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each([
  ["import reasons", REASONS as Record<string, string>, reasonsFr as Record<string, string>],
  ["API messages", API_MESSAGES as Record<string, string>, apiMessagesFr as Record<string, string>],
])("the French table of %s", (_name, english, french) => {
  it("has every code the server has, and no other", () => {
    expect(Object.keys(french).sort()).toEqual(Object.keys(english).sort());
  });

  it("uses the same parameters as the English template, for every code", () => {
    for (const [code, template] of Object.entries(english))
      expect([code, params(french[code]!)]).toEqual([code, params(template)]);
  });

  it("translates (no French text identical to the English one, but pure parameters)", () => {
    const same = Object.entries(english).filter(
      ([code, text]) => french[code] === text && !/^\{\w+\}$/.test(text),
    );
    expect(same).toEqual([]);
  });
});

describe("serverText", () => {
  const problem = {
    code: "amount_decimals",
    params: { currency: "USD", decimals: 2 },
    text: "USD allows 2 decimals",
  };

  it("words a coded message in French with its parameters", () => {
    expect(serverText(problem, "fr", "reason")).toBe("USD admet 2 décimales");
  });

  it("keeps the server's English, and falls back to it for a code it does not know", () => {
    expect(serverText(problem, "en", "reason")).toBe("USD allows 2 decimals");
    expect(
      serverText({ code: "from_a_newer_server", params: {}, text: "as sent" }, "fr", "api"),
    ).toBe("as sent");
    expect(serverText({ text: "no code" }, "fr", "reason")).toBe("no code");
  });
});
