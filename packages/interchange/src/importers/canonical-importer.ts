import { parseCanonical } from "../canonical/parse";
import type { CanonicalKind, CanonicalRecords } from "../records";
import { emptyRecords } from "./importer";
import type { ImportResult, Importer } from "./importer";

/**
 * The importer of a canonical kind (CSV or XLSX with the canonical columns).
 * @example const result = await canonicalImporter("flows").import([{ fileName: "flows.csv", data: bytes }]);
 */
export function canonicalImporter(kind: CanonicalKind): Importer {
  return {
    kind,
    label: `Coherence ${kind} (canonical CSV or XLSX)`,
    extensions: [".csv", ".xlsx"],
    async import(files) {
      const result: ImportResult = {
        kind,
        fileNames: files.map((f) => f.fileName),
        records: emptyRecords(),
        problems: [],
        rejects: [],
        report: { read: 0, taken: 0, refused: 0, mapped: [], notMapped: [] },
      };
      for (const file of files) {
        const parsed = await parseCanonical(kind, file.data, { fileName: file.fileName });
        const target = result.records[kind] as CanonicalRecords[CanonicalKind][];
        for (const r of parsed.records) target.push(r);
        result.problems.push(...parsed.problems);
        result.rejects.push(...parsed.rejects);
        result.report.read += parsed.records.length + parsed.rejects.length;
        result.report.taken += parsed.records.length;
        result.report.refused += parsed.rejects.length;
      }
      result.report.mapped.push({ what: kind, count: result.report.taken });
      if (result.report.refused > 0)
        result.report.notMapped.push({
          what: `${kind} rows with problems`,
          count: result.report.refused,
          reason: "see problems",
        });
      return result;
    },
  };
}
