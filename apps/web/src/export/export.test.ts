import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "./csv";
import { num, safeFileName, text } from "./table-data";
import type { ExportTable } from "./table-data";
import { toXlsx } from "./xlsx";

const table: ExportTable = {
  name: "MINUSCA 2024/25 tasks",
  stamp: [
    ["Operation", "MINUSCA"],
    ["Filters", "none"],
  ],
  header: ["Task", "Funded (USD)"],
  rows: [
    [text('Protection of civilians, "POC"'), num("1234567.89")],
    [text("=HYPERLINK(1)"), num("-0.05")],
  ],
};

describe("CSV export", () => {
  it("writes the stamp, a blank line, the header and exact decimals, and parses back", () => {
    const csv = toCsv(table);
    expect(csv.split("\r\n").slice(0, 4)).toEqual([
      "Operation,MINUSCA",
      "Filters,none",
      "",
      "Task,Funded (USD)",
    ]);
    const rows = parseCsv(csv);
    expect(rows[4]).toEqual(['Protection of civilians, "POC"', "1234567.89"]);
    expect(rows[5]).toEqual(["'=HYPERLINK(1)", "-0.05"]);
  });
});

describe("XLSX export", () => {
  it("is a zip holding one sheet with inline strings and exact numeric cells", () => {
    const files = unzipSync(toXlsx(table));
    expect(Object.keys(files).sort()).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/worksheets/sheet1.xml",
    ]);
    const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]!);
    expect(sheet).toContain('<c r="B5"><v>1234567.89</v></c>');
    expect(sheet).toContain("Protection of civilians, &quot;POC&quot;");
    expect(sheet).toContain('<c r="A4" t="inlineStr" s="1">');
    expect(strFromU8(files["xl/workbook.xml"]!)).toContain('name="MINUSCA 2024-25 tasks"');
  });
});

it("makes safe file names", () => {
  expect(safeFileName("MINUSCA 2024/25: tasks")).toBe("MINUSCA-2024-25-tasks");
});
