import { chunksOf, readAllBytes } from "../bytes";
import { applyFtsMapping, EMPTY_FTS_MAPPING } from "../fts/mapping";
import { mergeFtsFlows } from "../fts/merge";
import { parseFtsCsv } from "../fts/parse-fts-csv";
import { parseFtsJson } from "../fts/parse-fts-json";
import { ftsLocationYearTotals } from "../fts/totals";
import type { FtsFlow } from "../fts/types";
import { emptyRecords, reasonLines } from "./importer";
import type { Importer } from "./importer";

function looksLikeJson(bytes: Uint8Array): boolean {
  for (const b of bytes.subarray(0, 64)) {
    if (
      b === 0x20 ||
      b === 0x0a ||
      b === 0x0d ||
      b === 0x09 ||
      b === 0xef ||
      b === 0xbb ||
      b === 0xbf
    )
      continue;
    return b === 0x7b || b === 0x5b;
  }
  return false;
}

/**
 * OCHA FTS flows: pages of the API's `fts/flow/custom-search` answer (JSON) or FTS CSV exports.
 * Pages are merged by flow id (newest versionId wins), mapped through the stored `FtsMapping`,
 * and FTS's location-year totals are computed on the merged flows (`detail.totals`).
 */
export const ftsImporter: Importer = {
  kind: "fts",
  label: "OCHA FTS flows (API JSON pages or CSV export)",
  extensions: [".json", ".csv"],
  async import(files, options = {}) {
    const pages: FtsFlow[][] = [];
    const problems = [];
    for (const file of files) {
      const bytes = await readAllBytes(chunksOf(file.data));
      const json =
        file.fileName.toLowerCase().endsWith(".json") ||
        (!file.fileName.toLowerCase().endsWith(".csv") && looksLikeJson(bytes));
      const page = json
        ? await parseFtsJson(bytes, file.fileName)
        : await parseFtsCsv(bytes, file.fileName);
      pages.push(page.flows);
      problems.push(...page.problems);
    }
    const merged = mergeFtsFlows(pages);
    const mapped = applyFtsMapping(merged.flows, options.ftsMapping ?? EMPTY_FTS_MAPPING);
    const records = emptyRecords();
    records.flows = mapped.flows;
    const read = pages.reduce((n, p) => n + p.length, 0);
    return {
      kind: "fts",
      fileNames: files.map((f) => f.fileName),
      records,
      problems,
      rejects: [],
      report: {
        read,
        taken: mapped.flows.length,
        refused: mapped.unmapped.length + merged.duplicates.length,
        mapped: [
          { what: "FTS flows → flows", count: mapped.flows.length },
          {
            what: "flows without a mapped operation (kept, operation empty)",
            count: mapped.flows.filter((f) => f.operation === null).length,
          },
        ],
        notMapped: [
          ...reasonLines(
            "FTS flow",
            mapped.unmapped.map((u) => u.reason),
          ),
          ...reasonLines(
            "duplicate FTS flow",
            merged.duplicates.map((d) => d.reason),
          ),
        ],
      },
      detail: {
        ftsFlows: merged.flows,
        duplicates: merged.duplicates,
        unmapped: mapped.unmapped,
        unmatchedObjects: mapped.unmatchedObjects,
        totals: ftsLocationYearTotals(merged.flows),
      },
    };
  },
};
