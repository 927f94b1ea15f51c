import { describe, expect, it } from "vitest";
import { mappingGaps, mappingOf } from "./column-mapping";

const FIELDS = [
  { name: "currency", required: true },
  { name: "amount", required: true },
  { name: "notes", required: false },
];

describe("column mapping", () => {
  it("starts from the server's proposal, header by header", () => {
    expect(
      mappingOf([
        { header: "Devise", field: "currency", matchedBy: "alias" },
        { header: "Memo", field: null, matchedBy: "none" },
      ]),
    ).toEqual({ Devise: "currency", Memo: null });
  });

  it("blocks the preview while a required field has no column", () => {
    expect(mappingGaps(FIELDS, { Devise: "currency", Montant: null })).toEqual({
      missing: ["amount"],
      duplicated: [],
    });
  });

  it("blocks the preview while two columns hold one field; optional fields may stay unmapped", () => {
    expect(mappingGaps(FIELDS, { A: "currency", B: "currency", C: "amount" })).toEqual({
      missing: [],
      duplicated: ["currency"],
    });
    expect(mappingGaps(FIELDS, { A: "currency", C: "amount" })).toEqual({
      missing: [],
      duplicated: [],
    });
  });
});
