import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";
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
  it("writes the stamp, a blank line, the header and exact decimals, quoting and neutralising cells", () => {
    // The e2e tier reads a real export back with interchange's CSV reader.
    expect(toCsv(table).split("\r\n")).toEqual([
      "Operation,MINUSCA",
      "Filters,none",
      "",
      "Task,Funded (USD)",
      '"Protection of civilians, ""POC""",1234567.89',
      "'=HYPERLINK(1),-0.05",
      "",
    ]);
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
