import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../problem";
import { normaliseRateDate } from "./date-forms";
import { parseUnRates } from "./parse-un-rates";

describe("UN operational rates of exchange", () => {
  it("normalises the date forms such a file uses, and refuses impossible or ambiguous ones", () => {
    expect(normaliseRateDate("2025-01-01")).toBe("2025-01-01");
    expect(normaliseRateDate("1-Jan-2025")).toBe("2025-01-01");
    expect(normaliseRateDate("01-JAN-25")).toBe("2025-01-01");
    expect(normaliseRateDate("1 January 2025")).toBe("2025-01-01");
    expect(normaliseRateDate("29.02.2024")).toBe("2024-02-29");
    expect(normaliseRateDate("29-Feb-2025")).toBe(null);
    expect(normaliseRateDate("2025-02-30")).toBe(null);
    expect(normaliseRateDate("01/02/2025")).toBe(null);
    expect(normaliseRateDate("1 Janvier 2025")).toBe(null);
  });

  it("reads a CSV, merging countries that share a currency and reporting conflicts", async () => {
    const csv = [
      "Country,Currency Name,Currency Code,Operational Rate,Effective Date",
      "Germany,Euro,EUR,0.920,01-Jan-2025",
      "France,Euro,EUR,0.92,01-Jan-2025",
      'Korea,Won,KRW,"1,310.50",01-Jan-2025',
      "Italy,Euro,EUR,0.93,01-Jan-2025",
      "Nowhere,Nothing,XXX,1,01/01/2025",
    ].join("\n");
    const result = await parseUnRates(csv, "un.csv");
    expect(
      result.rates.map(({ currency, unitsPerUsd, effectiveDate }) => [
        currency,
        unitsPerUsd,
        effectiveDate,
      ]),
    ).toEqual([
      ["EUR", "0.920", "2025-01-01"],
      ["KRW", "1310.50", "2025-01-01"],
    ]);
    expect(result.sameRateRepeats).toBe(1);
    expect(result.problems.map(formatProblem)).toEqual([
      'un.csv:5: column "Operational Rate": value "0.93": conflicts with line 2: EUR on 2025-01-01 is 0.920 there',
      'un.csv:6: column "Currency Code": value "XXX": unknown currency code',
      'un.csv:6: column "Effective Date": value "01/01/2025": not a date (accepted: 2025-01-01, 1-Jan-2025, 01-JAN-25, 1 January 2025, 01.01.2025)',
    ]);
  });

  it("reads an XLSX with a title row, numeric rates and date cells", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("Rates");
    ws.addRow(["UN Operational Rates of Exchange"]);
    ws.addRow(["Country", "Currency Name", "Currency Code", "Operational Rate", "Effective Date"]);
    ws.addRow(["Japan", "Yen", "JPY", 157.1, new Date(Date.UTC(2025, 0, 1))]);
    ws.addRow(["Kuwait", "Dinar", "KWD", 0.308, "1-Jan-2025"]);
    const result = await parseUnRates(new Uint8Array(await workbook.xlsx.writeBuffer()), "un.xlsx");
    expect(result.problems).toEqual([]);
    expect(result.rates).toEqual([
      { line: 3, currency: "JPY", unitsPerUsd: "157.1", effectiveDate: "2025-01-01" },
      { line: 4, currency: "KWD", unitsPerUsd: "0.308", effectiveDate: "2025-01-01" },
    ]);
  });

  it("reports a file without the expected columns", async () => {
    expect((await parseUnRates("a,b\n1,2\n", "x.csv")).problems.map(formatProblem)).toEqual([
      "x.csv:1: no header row with the columns country, currency name, currency code, operational rate, effective date",
    ]);
    expect(
      (await parseUnRates("Currency Code,Rate\nEUR,1\n", "y.csv")).problems.map(formatProblem),
    ).toEqual([
      'y.csv:1: column "operational rate": missing column',
      'y.csv:1: column "effective date": missing column',
    ]);
  });
});
