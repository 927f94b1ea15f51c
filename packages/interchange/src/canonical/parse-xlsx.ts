import type { ByteSource } from "../bytes";
import { reason, reasonFields } from "../reasons";
import { readAllBytes } from "../bytes";
import { FileProblemError } from "../problem";
import type { CanonicalKind, CanonicalRecords } from "../records";
import { loadWorkbook, sheetRows } from "../xlsx/read-xlsx";
import { KIND_SPECS } from "./kinds";
import { CanonicalReader } from "./reader";
import type { ParseBatch } from "./reader";
import { collect } from "./parse-result";
import type { ParseResult } from "./parse-result";
import type { ReadOptions } from "./parse-csv";

async function* xlsxBatches<K extends CanonicalKind>(
  kind: K,
  source: ByteSource,
  fileName: string,
  columns: ReadOptions["columns"],
): AsyncGenerator<ParseBatch<CanonicalRecords[K]>> {
  const reader = new CanonicalReader(KIND_SPECS[kind], fileName, false, columns);
  try {
    const workbook = await loadWorkbook(await readAllBytes(source), fileName);
    const rows = sheetRows(workbook, kind, fileName);
    const [header, ...data] = rows;
    if (!header) {
      reader.fail({
        file: fileName,
        line: null,
        column: null,
        value: null,
        ...reasonFields(reason("empty_worksheet")),
      });
      yield reader.take();
      return;
    }
    if (!reader.header(header.line, header.cells)) {
      yield reader.take();
      return;
    }
    const width = header.cells.length;
    for (const row of data) {
      // A sheet row stops at its last non-empty cell: the missing cells are empty, not absent.
      const cells =
        row.cells.length < width
          ? [...row.cells, ...Array<string>(width - row.cells.length).fill("")]
          : row.cells;
      reader.data(row.line, cells, null, row.cellErrors);
    }
  } catch (error) {
    if (!(error instanceof FileProblemError)) throw error;
    reader.fail(error.problem);
    yield reader.take();
    return;
  }
  reader.finish();
  yield reader.take();
}

/**
 * Reads a canonical XLSX workbook: the sheet named after the kind (e.g. "flows") or else the
 * first sheet; row 1 is the header; the same columns and rules as CSV. Numeric cells are
 * checked exactly against the currency's decimals (12.345 in a USD amount is an error).
 * @example const result = await parseCanonicalXlsx("flows", fs.readFileSync("flows.xlsx"), { fileName: "flows.xlsx" });
 */
export async function parseCanonicalXlsx<K extends CanonicalKind>(
  kind: K,
  source: ByteSource,
  options: ReadOptions,
): Promise<ParseResult<CanonicalRecords[K]>> {
  return collect(
    kind,
    options.fileName,
    "xlsx",
    xlsxBatches(kind, source, options.fileName, options.columns),
  );
}
