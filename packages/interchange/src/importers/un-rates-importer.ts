import { parseUnRates } from "../un-rates/parse-un-rates";
import { emptyRecords } from "./importer";
import type { Importer } from "./importer";

/** UN operational rates of exchange (CSV or XLSX as published) → rate records. */
export const unRatesImporter: Importer = {
  kind: "un-rates",
  label: "UN operational rates of exchange (CSV or XLSX)",
  extensions: [".csv", ".xlsx"],
  async import(files) {
    const records = emptyRecords();
    const problems = [];
    let read = 0;
    let repeats = 0;
    for (const file of files) {
      const parsed = await parseUnRates(file.data, file.fileName);
      records.rates.push(...parsed.rates);
      problems.push(...parsed.problems);
      read += parsed.rowsRead;
      repeats += parsed.sameRateRepeats;
    }
    return {
      kind: "un-rates",
      fileNames: files.map((f) => f.fileName),
      records,
      problems,
      rejects: [],
      report: {
        read,
        taken: records.rates.length,
        refused: read - records.rates.length - repeats,
        mapped: [
          { what: "rates", count: records.rates.length },
          {
            what: "rows repeating a currency and date with the same rate (merged)",
            count: repeats,
          },
        ],
        notMapped:
          problems.length > 0
            ? [
                {
                  what: "rows with problems",
                  count: read - records.rates.length - repeats,
                  reason: "see problems",
                },
              ]
            : [],
      },
    };
  },
};
