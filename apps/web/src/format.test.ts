import { describe, expect, it } from "vitest";
import { formatUsdCents } from "./format";

describe("formatUsdCents", () => {
  it("writes exact cents in English", () => {
    expect(formatUsdCents(123_456_789, "en-US")).toBe("$1,234,567.89");
    expect(formatUsdCents(5, "en-US")).toBe("$0.05");
  });

  it("keeps every cent of amounts beyond float precision of a dollar figure", () => {
    expect(formatUsdCents(9_007_199_254_740_991, "en-US")).toBe("$90,071,992,547,409.91");
  });

  it("writes French grouping and decimal comma", () => {
    expect(formatUsdCents(123_456_789, "fr-FR").replace(/\u202f|\u00a0/g, " ")).toBe(
      "1 234 567,89 $US",
    );
  });
});
