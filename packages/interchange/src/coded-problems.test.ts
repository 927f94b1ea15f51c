// Every problem a reader reports carries a code of the REASONS catalog whose English template,
// filled with the problem's parameters, is the problem's own English text: an application can
// then say it in another language from the code alone. Malformed files of every format.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseCanonical } from "./canonical/parse";
import { importerFor } from "./importers/registry";
import type { Problem } from "./problem";
import { REASONS, fillTemplate } from "./reasons";

async function problemsOf(kind: string, fileName: string, data: string | Uint8Array) {
  const result = await importerFor(kind)!.import([{ fileName, data }]);
  return result.problems;
}

/** The code of each problem, after checking that its text is its template filled in. */
function codesOf(problems: readonly Problem[]): string[] {
  for (const p of problems) {
    expect(p.code in REASONS).toBe(true);
    expect(fillTemplate(REASONS[p.code], p.params)).toBe(p.reason);
  }
  return problems.map((p) => p.code);
}

const FTS_FLOW = {
  id: "1",
  status: "paid",
  amountUSD: 10,
  boundary: "incoming",
  onBoundary: "single",
};

describe("coded problems", () => {
  it("FTS JSON: truncated, of another shape, and flows with bad fields", async () => {
    expect(codesOf(await problemsOf("fts", "cut.json", '{"data": {"flows": [{"id": 1'))).toEqual([
      "json_truncated",
    ]);
    expect(codesOf(await problemsOf("fts", "bad.json", '{"data": nope}'))).toEqual([
      "json_invalid",
    ]);
    expect(codesOf(await problemsOf("fts", "a.json", "[1, 2]"))).toEqual(["fts_answer_array"]);
    const other = await problemsOf("fts", "o.json", '{"flows": [], "meta": {}}');
    expect(codesOf(other)).toEqual(["fts_answer_object"]);
    expect(other[0]!.params).toEqual({ keys: "flows, meta" });
    expect(codesOf(await problemsOf("fts", "n.json", "42"))).toEqual(["fts_answer_value"]);
    const flows = [
      { ...FTS_FLOW, status: "gift", amountUSD: 1.234 },
      { ...FTS_FLOW, id: "", boundary: "sideways", onBoundary: "both", originalCurrency: "XYZ" },
      "not a flow",
    ];
    expect(codesOf(await problemsOf("fts", "f.json", JSON.stringify({ data: { flows } })))).toEqual(
      [
        "fts_unknown_status",
        "fts_usd_decimals",
        "fts_missing_id",
        "unknown_currency",
        "fts_unknown_boundary",
        "fts_unknown_on_boundary",
        "fts_not_flow_object",
      ],
    );
  });

  it("FTS CSV and empty or binary files", async () => {
    expect(codesOf(await problemsOf("fts", "f.csv", "id,status\n1,paid\n"))).toEqual([
      "fts_missing_column",
    ]);
    expect(codesOf(await problemsOf("fts", "e.json", ""))).toEqual(["empty_file"]);
    expect(codesOf(await problemsOf("fts", "p.json", "%PDF-1.4 ..."))).toEqual(["binary_pdf"]);
  });

  it("IATI: unsafe, truncated, not IATI, wrong version, no identifier, unknown currency", async () => {
    const doctype = '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n<iati-activities/>';
    expect(codesOf(await problemsOf("iati", "x.xml", doctype))).toEqual(["xml_entities"]);
    const cut = await problemsOf("iati", "c.xml", "<iati-activities><iati-activity>");
    expect(codesOf(cut)).toEqual(["xml_unclosed"]);
    expect(codesOf(await problemsOf("iati", "h.xml", "<html/>"))).toEqual([
      "iati_not_activity_file",
    ]);
    const activity = (currency: string) =>
      `<iati-activity><iati-identifier>${currency === "USD" ? "" : "A-1"}</iati-identifier>` +
      `<reporting-org ref="R"/><transaction><transaction-type code="1"/>` +
      `<transaction-date iso-date="2025-01-01"/><value currency="${currency}">5</value>` +
      `<provider-org ref="P"/></transaction></iati-activity>`;
    const file = `<iati-activities version="1.05">${activity("USD")}${activity("XYZ")}</iati-activities>`;
    const problems = await problemsOf("iati", "a.xml", file);
    expect(codesOf(problems)).toEqual([
      "iati_no_identifier",
      "iati_version",
      "iati_transaction_currency",
    ]);
    expect(problems[2]!.params).toEqual({ index: 1, activity: "A-1" });
  });

  it("UN rates: no header, bad cells, and a conflicting repeat", async () => {
    expect(codesOf(await problemsOf("un-rates", "u.csv", "a,b\n1,2\n"))).toEqual([
      "un_rates_no_header",
    ]);
    const csv = [
      "Country,Currency Name,Currency Code,Operational Rate,Effective Date",
      "France,Euro,EUR,0.92,2025-01-01",
      "Nowhere,,XYZ,zero,someday",
      "Germany,Euro,EUR,0.93,2025-01-01",
    ].join("\n");
    expect(codesOf(await problemsOf("un-rates", "u.csv", csv))).toEqual([
      "unknown_currency",
      "not_positive_decimal",
      "un_rates_date",
      "un_rates_conflict",
    ]);
  });

  it("XLSX: a damaged workbook, a PDF, and cells that cannot be read, each at its column", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("rates");
    sheet.addRow(["currency", "units_per_usd", "effective_date"]);
    sheet.addRow(["EUR", { error: "#DIV/0!" }, new Date(Date.UTC(2025, 0, 1, 12))]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const read = await parseCanonical("rates", bytes, { fileName: "r.xlsx" });
    expect(codesOf(read.problems)).toEqual(["cell_error", "cell_date_with_time"]);
    expect(read.problems.map((p) => [p.column, p.params])).toEqual([
      ["units_per_usd", { error: "#DIV/0!" }],
      ["effective_date", {}],
    ]);
    const damaged = await parseCanonical("rates", bytes.slice(0, bytes.length / 2), {
      fileName: "r.xlsx",
    });
    expect(codesOf(damaged.problems)).toEqual(["xlsx_damaged"]);
    const pdf = await parseCanonical("rates", new TextEncoder().encode("%PDF-1.4"), {
      fileName: "r.xlsx",
    });
    expect(codesOf(pdf.problems)).toEqual(["not_xlsx_pdf"]);
  });

  it("crosswalk: the sum and a share above 1, each a code of its own with its values", async () => {
    const csv = [
      "taxonomy,category,common_category,share",
      "T,A,UNSDG-1,0.5",
      "T,A,UNSDG-2,0.4",
      "T,B,UNSDG-1,3/2",
    ].join("\n");
    const { problems } = await parseCanonical("crosswalk", csv, { fileName: "c.csv" });
    expect(codesOf(problems)).toEqual(["crosswalk_sum", "crosswalk_share_range"]);
    expect(problems.map((p) => p.params)).toEqual([
      { category: "A", taxonomy: "T", lines: "2, 3", sum: "9/10" },
      { category: "B", taxonomy: "T", lines: "4", share: "3/2" },
    ]);
  });
});
