import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { formatProblem } from "../problem";
import { exportXlsx } from "./export";
import { parseCanonicalCsv } from "./parse-csv";
import { parseCanonicalXlsx } from "./parse-xlsx";
import { parseCanonical } from "./parse";
import { writeRejectsCsv } from "./rejects";
import { SAMPLES } from "../testing/samples";

const FLOWS_HEADER =
  "external_ref,source,recipient,operation,task_code,funding_type,status,amount,currency,date,period_start,period_end,earmarking,category,notes";

async function messages(
  kind: Parameters<typeof parseCanonicalCsv>[0],
  text: string | Uint8Array,
  fileName = "f.csv",
) {
  const result = await parseCanonical(kind, text, { fileName });
  return result.problems.map(formatProblem);
}

describe("canonical CSV: every problem, pointing at line and column", () => {
  it("reports all bad cells of all rows, with physical line numbers after an embedded newline", async () => {
    const csv = [
      FLOWS_HEADER,
      'F1,DEU,UNDP,MINUSCA,,voluntary_core,paid,10.00,USD,2025-02-30,,,,,"multi',
      'line note"',
      "F2,DEU,UNDP,MINUSCA,,gift,paid,12.345,USD,2025-01-01,,,,,",
      "F3,DEU,UNDP,MINUSCA,,assessed,paid,12a,usd,2025-01-01,2025-12-31,2025-01-01,,,",
      "F4,DEU,UNDP,MINUSCA,,assessed,paid,-5,USD,2025-01-01,,,very,,",
      "F1,DEU,UNDP,MINUSCA,,assessed,paid,5,XYZ,2025-01-01,,,,,",
      "F6,DEU,UNDP,MINUSCA,,assessed,paid,1000000000000000000,USD,2025-01-01,,,,,",
    ].join("\n");
    expect(await messages("flows", csv)).toEqual([
      'f.csv:2: column "date": value "2025-02-30": no such date',
      'f.csv:4: column "funding_type": value "gift": unknown value: expected one of assessed, voluntary_core, voluntary_earmarked, pooled',
      'f.csv:4: column "amount": value "12.345": USD allows 2 decimals',
      'f.csv:5: column "currency": value "usd": unknown currency code (codes are upper case)',
      'f.csv:5: column "amount": value "12a": not a decimal number',
      'f.csv:5: column "period_end": value "2025-01-01": ends before period_start (2025-12-31)',
      'f.csv:6: column "amount": value "-5": negative amounts are not allowed',
      'f.csv:6: column "earmarking": value "very": unknown value: expected one of unearmarked, softly_earmarked, earmarked, tightly_earmarked',
      'f.csv:7: column "currency": value "XYZ": unknown currency code',
      'f.csv:8: column "amount": value "1000000000000000000": too large',
    ]);
  });

  it("rejects letters in an amount even when the currency is valid", async () => {
    const csv = `${FLOWS_HEADER}\nF1,DEU,UNDP,MINUSCA,,assessed,paid,12a,USD,2025-01-01,,,,,\n`;
    expect(await messages("flows", csv)).toEqual([
      'f.csv:2: column "amount": value "12a": not a decimal number',
    ]);
  });

  it("reports duplicate keys with the line of the first", async () => {
    const csv = `${FLOWS_HEADER}\nF1,DEU,UNDP,,,assessed,paid,1,USD,2025-01-01,,,,,\nF1,DEU,UNDP,,,assessed,paid,2,USD,2025-01-01,,,,,\n`;
    expect(await messages("flows", csv)).toEqual([
      'f.csv:3: column "external_ref": value "F1": duplicate external_ref: already on line 2',
    ]);
    const req =
      "external_ref,operation,entity,task_code,category,period_start,period_end,stage,amount,currency,document\n" +
      "L1,M,E,,,2024-01-01,2024-12-31,proposed,1,USD,\nL1,M,E,,,2024-01-01,2024-12-31,proposed,2,USD,\nL1,M,E,,,2024-01-01,2024-12-31,revised,2,EUR,\n";
    expect(await messages("requirements", req)).toEqual([
      'f.csv:3: value "L1, proposed": duplicate (external_ref, stage): already on line 2',
      'f.csv:4: column "currency": value "EUR": differs from line 2, the proposed row of budget line L1 (USD)',
    ]);
    const rates =
      "currency,units_per_usd,effective_date\nEUR,0.9,2024-01-01\nEUR,0.91,2024-01-01\n";
    expect(await messages("rates", rates)).toEqual([
      'f.csv:3: value "EUR, 2024-01-01": duplicate (currency, effective_date): already on line 2',
    ]);
  });

  it("reports missing and unknown columns", async () => {
    expect(await messages("rates", "currency,rate,effective_date\nEUR,1,2024-01-01\n")).toEqual([
      'f.csv:1: column "rate": unknown column (the rates columns are currency,units_per_usd,effective_date)',
      'f.csv:1: column "units_per_usd": missing column',
    ]);
  });

  it("refuses a tab-separated file, an empty file, a binary file and an unclosed quote", async () => {
    expect(
      await messages("rates", "currency\tunits_per_usd\teffective_date\nEUR\t1\t2024-01-01\n"),
    ).toEqual(["f.csv:1: the file is tab-separated: use a comma or a semicolon as the delimiter"]);
    expect(await messages("rates", new Uint8Array(0))).toEqual([
      "f.csv: the file is empty (0 bytes)",
    ]);
    expect(await messages("rates", new Uint8Array([1, 2, 0, 4, 5]))).toEqual([
      "f.csv: binary file (contains NUL bytes)",
    ]);
    expect(await messages("rates", new Uint8Array([0xff, 0xfe, 0x41, 0]))).toEqual([
      "f.csv: this is UTF-16 text: save it as UTF-8",
    ]);
    expect(await messages("rates", new Uint8Array([0x61, 0x2c, 0xc3, 0x28, 0x0a]))).toEqual([
      'f.csv: the file is not valid UTF-8 text (save it as "CSV UTF-8")',
    ]);
    expect(
      await messages(
        "rates",
        'currency,units_per_usd,effective_date\nEUR,"1,2024-01-01\nGBP,2,2024-01-01\n',
      ),
    ).toEqual(["f.csv:2: a quoted field is never closed"]);
  });

  it("reads semicolon files with a decimal comma, and a BOM", async () => {
    const result = await parseCanonicalCsv(
      "rates",
      "\uFEFFcurrency;units_per_usd;effective_date\r\nEUR;0,92;2024-01-01\r\n",
      { fileName: "r.csv" },
    );
    expect(result.problems).toEqual([]);
    expect(result.records).toEqual([
      { line: 2, currency: "EUR", unitsPerUsd: "0.92", effectiveDate: "2024-01-01" },
    ]);
    expect(
      await messages("rates", 'currency,units_per_usd,effective_date\nEUR,"1,234.5",2024-01-01\n'),
    ).toEqual([
      'f.csv:2: column "units_per_usd": value "1,234.5": a comma is not allowed in a number (no thousands separators; a decimal comma only in semicolon-separated files)',
    ]);
  });

  it("reports rows with the wrong number of fields", async () => {
    expect(await messages("rates", "currency,units_per_usd,effective_date\nEUR,1\n")).toEqual([
      "f.csv:2: the row has 2 fields but the header has 3 (a missing delimiter, or the wrong one?)",
    ]);
  });

  it("checks crosswalk shares sum to exactly 1 and scales to 100, once per group", async () => {
    const crosswalk =
      "taxonomy,category,common_category,share\nT,A,UNSDG-1,0.3333\nT,A,UNSDG-2,0.6666\nT,B,UNSDG-9,1\n";
    expect(await messages("crosswalk", crosswalk)).toEqual([
      'f.csv:2: column "share": value "0.3333": shares sum to 9999/10000, not 1 (category "A" of taxonomy "T", lines 2, 3)',
      'f.csv:4: column "common_category": value "UNSDG-9": unknown value: expected one of UNSDG-1, UNSDG-2, UNSDG-3, UNSDG-4, UNSDG-5, UNSDG-6, UNSDG-7, UNSDG-8',
    ]);
    const result = await parseCanonicalCsv("crosswalk", crosswalk, { fileName: "f.csv" });
    expect(result.records).toEqual([]);
    expect(result.rejects.map((r) => r.line)).toEqual([2, 3, 4]);
    const scales =
      "scale,member_state,period_start,period_end,rate_percent\nS,A,2024-01-01,2024-12-31,50\nS,B,2024-01-01,2024-12-31,49.999\n";
    expect(await messages("scales", scales)).toEqual([
      'f.csv:2: column "rate_percent": value "50": the rates of scale "S" for 2024-01-01..2024-12-31 sum to 99.999 percent, not 100 (2 rows from line 2)',
    ]);
  });

  it("checks that the rows of one mandate agree", async () => {
    const csv =
      "operation,country,resolution,adopted_on,period_start,period_end,task_code,task_title,rank\n" +
      "M,CAF,R1,2023-11-14,2023-11-15,2024-11-15,A,Task A,1\n" +
      "M,CAF,R1,2023-11-14,2023-11-16,2024-11-15,B,Task B,1\n" +
      "M,Car,R2,2023-11-14,2023-11-15,2023-11-14,A,Task A,1\n";
    expect(await messages("mandates", csv)).toEqual([
      'f.csv:3: column "period_start": value "2023-11-16": differs from line 2 of the same mandate (2023-11-15)',
      'f.csv:3: column "rank": value "1": rank 1 is already task A on line 2',
      'f.csv:4: column "country": value "Car": not an ISO 3166-1 alpha-3 country code (e.g. CAF)',
      'f.csv:4: column "period_end": value "2023-11-14": ends before period_start (2023-11-15)',
    ]);
  });

  it("reads the shared MINUSCA mandate file", async () => {
    const { readFileSync } = await import("node:fs");
    const { sharedDataPath } = await import("../testing/paths");
    const result = await parseCanonicalCsv(
      "mandates",
      readFileSync(sharedDataPath("minusca-mandate.csv")),
      { fileName: "minusca-mandate.csv" },
    );
    expect(result.problems).toEqual([]);
    expect(result.records).toHaveLength(10);
    expect(result.records[9]).toMatchObject({
      line: 11,
      resolution: "S/RES/2759 (2024)",
      taskCode: "UN-PROTECT",
      rank: 5,
      militaryCeiling: 14400,
      policeCeiling: 3020,
    });
  });

  it("writes a rejects file with the original cells plus line, column and reason, which re-imports", async () => {
    const csv = `${FLOWS_HEADER}\nF1,DEU,UNDP,,,assessed,paid,1.234,USD,2025-01-01,,,,,=cmd\nF2,DEU,UNDP,,,assessed,paid,1,USD,2025-01-01,,,,,ok\n`;
    const result = await parseCanonicalCsv("flows", csv, { fileName: "f.csv" });
    expect(result.records.map((r) => r.externalRef)).toEqual(["F2"]);
    const rejects = writeRejectsCsv("flows", result.rejects);
    expect(rejects.split("\n")[0]).toBe(
      `\uFEFF${FLOWS_HEADER},amount_usd,units_per_usd,line,column,reason`,
    );
    expect(rejects.split("\n")[1]).toBe(
      "F1,DEU,UNDP,,,assessed,paid,1.234,USD,2025-01-01,,,,,'=cmd,,,2,amount,amount: USD allows 2 decimals",
    );
    const fixed = rejects.replace("1.234", "1.23");
    const again = await parseCanonicalCsv("flows", fixed, { fileName: "fixed.csv" });
    expect(again.problems).toEqual([]);
    expect(again.records[0]).toMatchObject({ externalRef: "F1", amountMinor: 123, notes: "=cmd" });
  });
});

describe("canonical XLSX", () => {
  async function sheet(rows: ExcelJS.CellValue[][]): Promise<Uint8Array> {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("Sheet1");
    for (const row of rows) ws.addRow(row);
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }

  it("refuses a numeric cell with more decimals than the currency allows, never rounding it", async () => {
    const header = FLOWS_HEADER.split(",");
    const bytes = await sheet([
      header,
      ["F1", "DEU", "UNDP", null, null, "assessed", "paid", 12.345, "USD", "2025-01-01"],
      [
        "F2",
        "DEU",
        "UNDP",
        null,
        null,
        "assessed",
        "paid",
        0.1 + 0.2,
        "USD",
        new Date(Date.UTC(2025, 0, 2)),
      ],
      [
        "F3",
        "DEU",
        "UNDP",
        null,
        null,
        "assessed",
        "paid",
        1500,
        "JPY",
        { formula: "DATE(2025,1,3)", result: new Date(Date.UTC(2025, 0, 3)) },
      ],
      ["F4", "DEU", "UNDP", null, null, "assessed", "paid", { error: "#N/A" }, "USD", "2025-01-01"],
    ]);
    const result = await parseCanonicalXlsx("flows", bytes, { fileName: "f.xlsx" });
    expect(result.problems.map(formatProblem)).toEqual([
      'f.xlsx:2: column "amount": value "12.345": USD allows 2 decimals',
      'f.xlsx:3: column "amount": value "0.30000000000000004": USD allows 2 decimals',
      'f.xlsx:5: column "amount": value "#N/A": the cell holds the error #N/A',
    ]);
    expect(result.records).toMatchObject([
      { line: 4, externalRef: "F3", amountMinor: 1500, currency: "JPY", date: "2025-01-03" },
    ]);
  });

  it("refuses a truncated, an empty and a non-XLSX file with a clear reason", async () => {
    const good = await exportXlsx("rates", SAMPLES.rates);
    const truncated = good.slice(0, Math.floor(good.length / 2));
    const [t] = await messages("rates", truncated, "r.xlsx");
    expect(t).toMatch(/^r\.xlsx: not a readable XLSX file: it is truncated or damaged/);
    expect(await messages("rates", new Uint8Array(0), "r.xlsx")).toEqual([
      "r.xlsx: the file is empty (0 bytes)",
    ]);
    expect(await messages("rates", new TextEncoder().encode("currency,units\n"), "r.xlsx")).toEqual(
      ["r.xlsx: not an XLSX file (it looks like text: import it as CSV)"],
    );
  });

  it("reads the sheet named after the kind when there are several", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("notes").addRow(["hello"]);
    const ws = workbook.addWorksheet("rates");
    ws.addRow(["currency", "units_per_usd", "effective_date"]);
    ws.addRow(["EUR", "0.92", "2024-01-01"]);
    const result = await parseCanonicalXlsx(
      "rates",
      new Uint8Array(await workbook.xlsx.writeBuffer()),
      { fileName: "r.xlsx" },
    );
    expect(result.problems).toEqual([]);
    expect(result.records).toHaveLength(1);
  });
});
