import { reasonFields } from "./reasons";
import type { Reason, ReasonCode, ReasonParams } from "./reasons";

/**
 * One thing wrong with an input file, pointing at the physical line (header = line 1; in XLSX
 * the row number) and column where it was found. File-level problems (empty file, missing
 * columns, corrupt XLSX) have `line` null or point at the header.
 */
export interface Problem {
  file: string;
  line: number | null;
  column: string | null;
  value: string | null;
  /** Why, in English (the CLI's and API's text). */
  reason: string;
  /** The reason as a stable code and parameters, for other languages (see reasons.ts). */
  code: ReasonCode;
  params: ReasonParams;
  /**
   * The canonical column, when the file's headers were mapped to canonical ones and `column`
   * names the file's own header.
   */
  field?: string;
}

const MAX_VALUE_CHARS = 80;

/** Shows a cell value on one line: control characters escaped, long values cut. */
function displayValue(value: string): string {
  // eslint-disable-next-line no-control-regex -- escaping control characters is the point
  const escaped = value.replace(/[\u0000-\u001f\u007f"\\]/g, (c) => {
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    if (c === "\t") return "\\t";
    if (c === '"') return '\\"';
    if (c === "\\") return "\\\\";
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
  return escaped.length > MAX_VALUE_CHARS ? `${escaped.slice(0, MAX_VALUE_CHARS)}…` : escaped;
}

/**
 * Formats a problem as `FILE:LINE: column "NAME": value "V": reason`; the parts that do not
 * apply are left out (`FILE: reason` for a file-level problem).
 * @example
 * formatProblem({ file: "flows.csv", line: 7, column: "amount", value: "12.345", reason: "USD allows 2 decimals" })
 * // → 'flows.csv:7: column "amount": value "12.345": USD allows 2 decimals'
 */
export function formatProblem(problem: Problem): string {
  let text = problem.line === null ? problem.file : `${problem.file}:${problem.line}`;
  if (problem.column !== null) text += `: column "${problem.column}"`;
  if (problem.value !== null) text += `: value "${displayValue(problem.value)}"`;
  return `${text}: ${problem.reason}`;
}

/** A problem that stops reading a file (it is reported, never thrown past the public API). */
export class FileProblemError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(formatProblem(problem));
    this.name = "FileProblemError";
    this.problem = problem;
  }
}

/** A file-level problem. @example fileProblem("a.csv", reason("empty_file")) */
export function fileProblem(file: string, reason: Reason, line: number | null = null): Problem {
  return { file, line, column: null, value: null, ...reasonFields(reason) };
}
