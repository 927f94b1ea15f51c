import { csvLine } from "../csv/write-csv";
import { neutralise } from "../neutralise";
import type { CanonicalKind } from "../records";
import { canonicalColumns } from "./export";
import type { RejectedRow } from "./reader";
import { REJECT_COLUMNS } from "./reader";

/**
 * Writes the rejected rows of a partial import as CSV: the kind's canonical columns with the
 * row's original cells, then `line,column,reason` (the columns at fault, and every reason).
 * Every cell is neutralised against formulas. The canonical readers ignore the three extra
 * columns, so a fixed rejects file can be imported as it is.
 * @example fs.writeFileSync("flows.rejects.csv", writeRejectsCsv("flows", result.rejects));
 */
export function writeRejectsCsv(kind: CanonicalKind, rejects: readonly RejectedRow[]): string {
  const columns = canonicalColumns(kind);
  let text = `\uFEFF${csvLine([...columns, ...REJECT_COLUMNS])}\n`;
  for (const reject of rejects) {
    const faulty = [...new Set(reject.problems.map((p) => p.column).filter((c) => c !== null))];
    const reasons = reject.problems.map((p) =>
      p.column === null ? p.reason : `${p.column}: ${p.reason}`,
    );
    const cells = columns.map((c) => neutralise(reject.cells[c] ?? ""));
    text += `${csvLine([...cells, String(reject.line), faulty.join(";"), neutralise(reasons.join("; "))])}\n`;
  }
  return text;
}
