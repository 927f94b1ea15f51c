import type { ByteSource } from "../bytes";
import { binaryReasonCoded, chunksOf } from "../bytes";
import { reason } from "../reasons";
import { FileProblemError, fileProblem } from "../problem";
import { CsvTokenizer } from "./tokenizer";
import type { CsvRecord } from "./tokenizer";

/** Records read from one chunk of the input, with the delimiter detected from the header. */
export interface CsvBatch {
  delimiter: "," | ";";
  records: CsvRecord[];
}

function count(text: string, char: string): number {
  let n = 0;
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (c === char && !quoted) n++;
  }
  return n;
}

/**
 * The delimiter of a header line: `;` when it has more semicolons than commas, else `,`.
 * A header with tabs and neither is a tab-separated file, which is refused.
 * @example detectDelimiter("code;name;kind") // → ";"
 */
export function detectDelimiter(headerLine: string, fileName: string): "," | ";" {
  const commas = count(headerLine, ",");
  const semicolons = count(headerLine, ";");
  const tabs = count(headerLine, "\t");
  if (tabs > commas && tabs > semicolons)
    throw new FileProblemError(fileProblem(fileName, reason("tab_separated"), 1));
  return semicolons > commas ? ";" : ",";
}

/**
 * Streams a CSV file as batches of records (one batch per input chunk): UTF-8 with or without
 * BOM, delimiter detected from the header line. Fatal problems (empty or binary file, invalid
 * UTF-8, unclosed quote) are thrown as {@link FileProblemError}.
 * @example for await (const batch of readCsvRecords(fs.createReadStream("flows.csv"), "flows.csv")) { ... }
 */
export async function* readCsvRecords(
  source: ByteSource,
  fileName: string,
): AsyncGenerator<CsvBatch> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let tokenizer: CsvTokenizer | null = null;
  let delimiter: "," | ";" = ",";
  let pending = "";
  let sawBytes = false;
  let first = true;
  const decode = (chunk: Uint8Array | string, final: boolean): string => {
    if (typeof chunk === "string")
      return first && chunk.startsWith("\uFEFF") ? chunk.slice(1) : chunk;
    try {
      return decoder.decode(chunk, { stream: !final });
    } catch {
      throw new FileProblemError(fileProblem(fileName, reason("invalid_utf8")));
    }
  };
  const feed = (text: string, final: boolean): CsvBatch | null => {
    if (!tokenizer) {
      pending += text;
      const lineEnd = pending.search(/[\r\n]/);
      if (lineEnd < 0 && !final && pending.length < 1 << 20) return null;
      const header = lineEnd < 0 ? pending : pending.slice(0, lineEnd);
      if (header.trim() === "" && final && !/\S/.test(pending))
        throw new FileProblemError(fileProblem(fileName, reason("no_header_row")));
      delimiter = detectDelimiter(header, fileName);
      tokenizer = new CsvTokenizer(delimiter, fileName);
      text = pending;
      pending = "";
    }
    const records: CsvRecord[] = [];
    tokenizer.push(text, records);
    if (final) tokenizer.end(records);
    return { delimiter, records };
  };
  for await (const chunk of chunksOf(source)) {
    if (chunk.length === 0) continue;
    if (!sawBytes && chunk instanceof Uint8Array) {
      const binary = binaryReasonCoded(chunk);
      if (binary) throw new FileProblemError(fileProblem(fileName, binary));
    }
    sawBytes = true;
    const text = decode(chunk, false);
    first = false;
    const batch = feed(text, false);
    if (batch && batch.records.length > 0) yield batch;
  }
  if (!sawBytes) throw new FileProblemError(fileProblem(fileName, reason("empty_file")));
  const batch = feed(decode(new Uint8Array(0), true), true);
  if (batch && batch.records.length > 0) yield batch;
}
