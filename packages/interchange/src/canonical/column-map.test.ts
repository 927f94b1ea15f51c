import { describe, expect, it } from "vitest";
import { formatProblem } from "../problem";
import { mappingGaps, normaliseColumnName, suggestColumnMapping } from "./column-map";
import { parseCanonicalCsv } from "./parse-csv";
import { readTableHeader } from "./table-header";

describe("normaliseColumnName", () => {
  it("ignores case, accents, surrounding space, punctuation and a BOM", () => {
    expect(normaliseColumnName("\uFEFF Date du Statut ")).toBe("date_du_statut");
    expect(normaliseColumnName("Entité bénéficiaire")).toBe("entite_beneficiaire");
    expect(normaliseColumnName("Units per USD (rate)")).toBe("units_per_usd_rate");
  });
});

describe("suggestColumnMapping", () => {
  it("matches canonical names exactly, then aliases, and leaves the rest unmapped", () => {
    expect(
      suggestColumnMapping("rates", ["Devise", "Units_Per_USD", "En vigueur depuis", "Memo"]),
    ).toEqual([
      { header: "Devise", field: "currency", matchedBy: "alias" },
      { header: "Units_Per_USD", field: "units_per_usd", matchedBy: "exact" },
      { header: "En vigueur depuis", field: "effective_date", matchedBy: "alias" },
      { header: "Memo", field: null, matchedBy: "none" },
    ]);
  });

  it("puts the mapping remembered for the source first, including columns to ignore", () => {
    const out = suggestColumnMapping("rates", ["currency", "Code devise", "effective_date"], {
      currency: null,
      "code devise": "currency",
    });
    expect(out).toEqual([
      { header: "currency", field: null, matchedBy: "remembered" },
      { header: "Code devise", field: "currency", matchedBy: "remembered" },
      { header: "effective_date", field: "effective_date", matchedBy: "exact" },
    ]);
  });

  it("never proposes one field for two headers; an exact name wins over an earlier alias", () => {
    expect(suggestColumnMapping("rates", ["Devise", "currency", "CCY"])).toEqual([
      { header: "Devise", field: null, matchedBy: "none" },
      { header: "currency", field: "currency", matchedBy: "exact" },
      { header: "CCY", field: null, matchedBy: "none" },
    ]);
  });

  it("ignores remembered fields the kind does not have", () => {
    const [s] = suggestColumnMapping("rates", ["Donor"], { Donor: "source" });
    expect(s).toEqual({ header: "Donor", field: null, matchedBy: "none" });
  });
});

describe("mappingGaps", () => {
  it("names required columns left out, columns given twice and unknown columns", () => {
    expect(mappingGaps("rates", { A: "currency", B: "currency", C: "colour", D: null })).toEqual({
      missing: ["units_per_usd", "effective_date"],
      duplicated: ["currency"],
      unknown: ["colour"],
    });
    expect(
      mappingGaps("rates", { A: "currency", B: "units_per_usd", C: "effective_date" }),
    ).toEqual({ missing: [], duplicated: [], unknown: [] });
  });
});

describe("reading with a column mapping", () => {
  const csv = "Devise;Taux;Depuis;Commentaire\nEUR;0,92;2024-01-01;ok\nGBP;x;2024-01-01;bad\n";
  const columns = {
    Devise: "currency",
    Taux: "units_per_usd",
    depuis: "effective_date",
    Commentaire: null,
  };

  it("reads the file's columns as the mapped canonical ones and ignores the others", async () => {
    const result = await parseCanonicalCsv("rates", csv, { fileName: "taux.csv", columns });
    expect(result.records).toEqual([
      { line: 2, currency: "EUR", unitsPerUsd: "0.92", effectiveDate: "2024-01-01" },
    ]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ line: 3, column: "units_per_usd", value: "x" });
    // Rejected rows keep the canonical columns, so a fixed rejects file imports without mapping.
    expect(Object.keys(result.rejects[0]!.cells).sort()).toEqual(
      ["currency", "effective_date", "units_per_usd"].sort(),
    );
  });

  it("reports a required column the mapping leaves out, and two headers mapped to one column", async () => {
    const missing = await parseCanonicalCsv("rates", csv, {
      fileName: "taux.csv",
      columns: { ...columns, Taux: null },
    });
    expect(missing.problems.map(formatProblem)).toEqual([
      'taux.csv:1: column "units_per_usd": missing column',
    ]);
    const twice = await parseCanonicalCsv("rates", csv, {
      fileName: "taux.csv",
      columns: { ...columns, Commentaire: "currency" },
    });
    expect(twice.problems.map((p) => p.reason)).toContain("this column appears twice");
  });

  it("without a mapping, the same file's columns are unknown", async () => {
    const result = await parseCanonicalCsv("rates", csv, { fileName: "taux.csv" });
    expect(result.records).toEqual([]);
    expect(result.problems.some((p) => p.reason.startsWith("unknown column"))).toBe(true);
  });
});

describe("readTableHeader", () => {
  it("returns the header cells as written, trailing empty cells left out", async () => {
    expect(await readTableHeader("flows", "\uFEFF Donor ;Montant;;\n1;2\n", "f.csv")).toEqual({
      headers: ["Donor", "Montant"],
      problems: [],
    });
  });

  it("returns a problem, not an exception, for an empty or binary file", async () => {
    const empty = await readTableHeader("flows", new Uint8Array(0), "f.csv");
    expect(empty.headers).toEqual([]);
    expect(empty.problems[0]!.reason).toBe("the file is empty (0 bytes)");
    const binary = await readTableHeader("flows", new Uint8Array([0, 1, 2, 0, 0]), "f.csv");
    expect(binary.problems).toHaveLength(1);
  });
});

describe("optional values in a mapped file", () => {
  it("a column whose cells may be empty need not be mapped; one that must have a value must", async () => {
    const columns = {
      Ref: "external_ref",
      Donor: "source",
      To: "recipient",
      Type: "funding_type",
      Status: "status",
      Amount: "amount",
      Ccy: "currency",
      Date: "date",
    };
    expect(mappingGaps("flows", columns).missing).toEqual([]);
    expect(mappingGaps("flows", { ...columns, Amount: null }).missing).toEqual(["amount"]);
    const result = await parseCanonicalCsv(
      "flows",
      "Ref,Donor,To,Type,Status,Amount,Ccy,Date\nX-1,NOR,UNDP,voluntary_core,paid,10.00,USD,2024-01-02\n",
      { fileName: "x.csv", columns },
    );
    expect(result.problems).toEqual([]);
    expect(result.records[0]).toMatchObject({ externalRef: "X-1", operation: null, notes: null });
  });
});
