import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { exportCsv } from "../canonical/export";
import { SAMPLES } from "../testing/samples";
import { IMPORTER_KINDS, IMPORTERS, importerFor } from "./registry";

describe("importer registry", () => {
  it("has one importer per kind, each under its own kind", () => {
    expect(IMPORTER_KINDS.sort()).toEqual(
      [
        "crosswalk",
        "fts",
        "iati",
        "mandates",
        "organizations",
        "rates",
        "requirements",
        "scales",
        "un-rates",
        "flows",
      ].sort(),
    );
    for (const kind of IMPORTER_KINDS) expect(IMPORTERS[kind].kind).toBe(kind);
    expect(importerFor("nope")).toBeUndefined();
  });

  it("imports a canonical file from a Node stream, with a report", async () => {
    const csv = exportCsv("flows", SAMPLES.flows) + "BAD,,,,,,,,,,,,,,\n";
    const result = await importerFor("flows")!.import([
      { fileName: "flows.csv", data: Readable.from([Buffer.from(csv)]) },
    ]);
    expect(result.records.flows).toHaveLength(3);
    expect(result.report).toMatchObject({ read: 4, taken: 3, refused: 1 });
    expect(result.rejects).toHaveLength(1);
  });

  it("never throws on garbage, whatever the importer", async () => {
    const garbage = new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]);
    for (const kind of IMPORTER_KINDS) {
      const result = await IMPORTERS[kind].import([
        {
          fileName: `x.${kind === "iati" ? "xml" : kind === "fts" ? "json" : "xlsx"}`,
          data: garbage,
        },
      ]);
      expect(result.problems.length, kind).toBeGreaterThan(0);
    }
  });
});
