import { describe, expect, it } from "vitest";
import {
  canWrite,
  localFieldErrors,
  localeAmountToDecimal,
  minorToDecimal,
  parseTsv,
} from "./common";
import { wsEn, wsFr } from "./messages";
import type { Me } from "../api-types";
import { catalogShape } from "../i18n/catalog-shape";

describe("workspace helpers", () => {
  it("has every workspace string in French too", () => {
    expect(catalogShape(wsFr)).toEqual(catalogShape(wsEn));
  });
  it("says a pasted row's cell messages in the interface language from their codes", () => {
    const errors = { date: ["Enter a date, written YYYY-MM-DD"], _row: ["from a newer server"] };
    const codes = {
      date: [{ code: "date_required", params: {} }],
      _row: [{ code: "not_yet_known", params: {} }],
    };
    expect(localFieldErrors(errors, codes, "fr")).toEqual({
      date: ["Saisissez une date, sous la forme AAAA-MM-JJ"],
      _row: ["from a newer server"],
    });
    expect(localFieldErrors(errors, codes, "en")).toEqual(errors);
  });
  it("writes amounts as exact decimals", () => {
    expect(minorToDecimal(125050, "USD")).toBe("1250.50");
    expect(minorToDecimal(5, "USD")).toBe("0.05");
    expect(minorToDecimal(500, "JPY")).toBe("500");
    expect(minorToDecimal(900719925474099, "USD")).toBe("9007199254740.99");
  });
  it("reads amounts typed in either language", () => {
    expect(localeAmountToDecimal("1 250,50", "fr-FR")).toBe("1250.50");
    expect(localeAmountToDecimal("1\u202f250,50", "fr-FR")).toBe("1250.50");
    expect(localeAmountToDecimal("1,250.50", "en-US")).toBe("1250.50");
    expect(localeAmountToDecimal("1250.50", "en-US")).toBe("1250.50");
  });
  it("splits spreadsheet blocks into cells", () => {
    expect(parseTsv('a\tb\r\n"x\ty"\t2\n\n')).toEqual([
      ["a", "b"],
      ["x\ty", "2"],
    ]);
  });
  it("mirrors the server's scope rule", () => {
    const fo = {
      username: "f",
      displayName: "F",
      role: "finance_officer",
      assignments: [{ operationId: 1, entityId: null }],
    } as Me;
    expect(canWrite(fo, { operationId: 1, entityId: 7 })).toBe(true);
    expect(canWrite(fo, { operationId: 2, entityId: 7 })).toBe(false);
    expect(canWrite({ ...fo, role: "reviewer" } as Me, { operationId: 1, entityId: 7 })).toBe(
      false,
    );
  });
});
