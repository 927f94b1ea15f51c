/**
 * One CSV line (without its line end): a cell is quoted when it holds the delimiter, a quote,
 * a line break or leading/trailing spaces; quotes inside are doubled.
 * @example csvLine(["a", 'say "hi"', "x,y"]) // → 'a,"say ""hi""","x,y"'
 */
export function csvLine(cells: readonly string[], delimiter = ","): string {
  let line = "";
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (i > 0) line += delimiter;
    if (
      cell.includes(delimiter) ||
      cell.includes('"') ||
      cell.includes("\n") ||
      cell.includes("\r") ||
      (cell.length > 0 && (cell.charCodeAt(0) === 32 || cell.charCodeAt(cell.length - 1) === 32))
    )
      line += `"${cell.replaceAll('"', '""')}"`;
    else line += cell;
  }
  return line;
}
