import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CANONICAL_KINDS } from "../records";
import type { CanonicalKind, FlowRecord } from "../records";
import { SAMPLES, withoutLines } from "../testing/samples";
import { exportCsv, exportXlsx, templateCsv, templateXlsx } from "./export";
import { parseCanonicalCsv } from "./parse-csv";
import { parseCanonicalXlsx } from "./parse-xlsx";

function stripped(kind: CanonicalKind): unknown[] {
  return withoutLines<{ line: number }>(SAMPLES[kind]);
}

describe("export → import gives the same records", () => {
  for (const kind of CANONICAL_KINDS) {
    it(`${kind} in CSV`, async () => {
      const csv = exportCsv(kind, SAMPLES[kind]);
      const result = await parseCanonicalCsv(kind, csv, { fileName: `${kind}.csv` });
      expect(result.problems).toEqual([]);
      expect(withoutLines(result.records)).toEqual(stripped(kind));
    });

    it(`${kind} in XLSX`, async () => {
      const bytes = await exportXlsx(kind, SAMPLES[kind]);
      const result = await parseCanonicalXlsx(kind, bytes, { fileName: `${kind}.xlsx` });
      expect(result.problems).toEqual([]);
      expect(withoutLines(result.records)).toEqual(stripped(kind));
      expect(result.records.map((r) => r.line)).toEqual(SAMPLES[kind].map((_, i) => i + 2));
    });

    it(`${kind} templates are header-only and read back as empty`, async () => {
      const csv = templateCsv(kind);
      expect(csv.split("\n").filter((l) => l !== "")).toHaveLength(1);
      expect((await parseCanonicalCsv(kind, csv, { fileName: "t.csv" })).problems).toEqual([]);
      const xlsx = await parseCanonicalXlsx(kind, await templateXlsx(kind), { fileName: "t.xlsx" });
      expect(xlsx.problems).toEqual([]);
      expect(xlsx.records).toEqual([]);
    });
  }

  it("neutralises formula-like text in the CSV and XLSX it writes", async () => {
    const csv = exportCsv("organizations", SAMPLES.organizations, { bom: false });
    expect(csv).toContain("'=HYPERLINK");
    expect(csv).toContain('"\'+Formula-like; name\nwith a newline"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await exportXlsx("organizations", SAMPLES.organizations)) as unknown as ArrayBuffer,
    );
    expect(workbook.worksheets[0]!.getCell("A4").value).toBe("'=HYPERLINK");
  });

  it("keeps arbitrary text fields (quotes, newlines, delimiters, formula-like) through CSV (property)", async () => {
    const text = fc.string({
      unit: fc.constantFrom(
        "a",
        " ",
        ",",
        ";",
        '"',
        "\n",
        "\r\n",
        "=",
        "+",
        "-",
        "@",
        "'",
        "\t",
        "é",
        "\u0001",
      ),
    });
    const nonBlank = text.filter((s) => s.trim() !== "" && s.trim() === s);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(nonBlank, text), { minLength: 1, maxLength: 6 }),
        async (pairs) => {
          const flows: FlowRecord[] = pairs.map(([ref, notes], i) => ({
            ...SAMPLES.flows[0]!,
            line: i + 2,
            externalRef: `${ref}#${i}`,
            source: ref,
            notes: notes.trim() === "" ? null : notes,
          }));
          const result = await parseCanonicalCsv("flows", exportCsv("flows", flows), {
            fileName: "p.csv",
          });
          expect(result.problems).toEqual([]);
          expect(withoutLines(result.records)).toEqual(withoutLines(flows));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("XLSX keeps arbitrary text", () => {
  it("through export and import (property)", async () => {
    const text = fc.string({
      unit: fc.constantFrom(
        "a",
        " ",
        '"',
        "\n",
        "\r\n",
        "\r",
        "=",
        "-",
        "'",
        "\t",
        "_x000D_",
        "_x0041_",
        "\u0001",
        "<&>",
      ),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 4 }), async (notes) => {
        const flows: FlowRecord[] = notes.map((n, i) => ({
          ...SAMPLES.flows[0]!,
          line: i + 2,
          externalRef: `R${i}`,
          notes: n.trim() === "" ? null : n,
        }));
        const result = await parseCanonicalXlsx("flows", await exportXlsx("flows", flows), {
          fileName: "p.xlsx",
        });
        expect(result.problems).toEqual([]);
        expect(withoutLines(result.records)).toEqual(withoutLines(flows));
      }),
      { numRuns: 40 },
    );
  });
});
