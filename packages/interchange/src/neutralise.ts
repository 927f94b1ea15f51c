// Formula neutralisation (CSV/formula injection). A text cell that a spreadsheet could run as
// a formula — starting with = + - @, a tab, a carriage return or another control character —
// is written with a leading apostrophe. So that the rule can be undone without ambiguity, a
// text that already starts with apostrophes followed by such a character gets one more
// apostrophe too; the readers remove exactly one apostrophe from any text of that shape.
// Only text columns (codes, names, notes) are neutralised: amounts, dates and enum values are
// written as they are (they never start with those characters: amounts are ≥ 0).

// eslint-disable-next-line no-control-regex -- control characters are what is being matched
const NEEDS_PREFIX = /^'*[=+\-@\u0000-\u001f]/;
// eslint-disable-next-line no-control-regex -- control characters are what is being matched
const PREFIXED = /^'+[=+\-@\u0000-\u001f]/;

/**
 * The text as it is written to a CSV or XLSX cell.
 * @example neutralise("=SUM(A1:A2)") // → "'=SUM(A1:A2)"
 * @example neutralise("'=x") // → "''=x"
 * @example neutralise("Protection") // → "Protection"
 */
export function neutralise(text: string): string {
  return NEEDS_PREFIX.test(text) ? `'${text}` : text;
}

/**
 * Undoes {@link neutralise}: the text as it was before it was written.
 * @example unneutralise("'=SUM(A1:A2)") // → "=SUM(A1:A2)"
 * @example unneutralise("'tis") // → "'tis"
 */
export function unneutralise(text: string): string {
  return text.length > 1 && text.charCodeAt(0) === 39 && PREFIXED.test(text) ? text.slice(1) : text;
}
