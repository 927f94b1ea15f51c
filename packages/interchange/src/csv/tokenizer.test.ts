import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FileProblemError } from "../problem";
import { CsvTokenizer } from "./tokenizer";
import type { CsvRecord } from "./tokenizer";
import { csvLine } from "./write-csv";

function tokenize(text: string, chunkSize = text.length || 1, delimiter = ","): CsvRecord[] {
  const t = new CsvTokenizer(delimiter, "t.csv");
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += chunkSize) t.push(text.slice(i, i + chunkSize), out);
  t.end(out);
  return out;
}

describe("CsvTokenizer", () => {
  it("reads quoted fields, escaped quotes and embedded newlines with physical line numbers", () => {
    const rows = tokenize('a,b\n1,"x\ny"\n2,"say ""hi"""\r\n3,4');
    expect(rows.map((r) => [r.line, r.cells])).toEqual([
      [1, ["a", "b"]],
      [2, ["1", "x\ny"]],
      [4, ["2", 'say "hi"']],
      [5, ["3", "4"]],
    ]);
  });

  it("gives the same records whatever the chunking", () => {
    const text = 'a;b\n"1;\r\n2";x\n\n"";"""q"""\r\nend;';
    const whole = tokenize(text, text.length, ";");
    for (const size of [1, 2, 3, 5, 7]) expect(tokenize(text, size, ";")).toEqual(whole);
  });

  it("flags a quote inside an unquoted field and text after a closing quote", () => {
    const rows = tokenize('a,b\nx"y,1\n"ab"c,2\n');
    expect(rows[1]!.issue?.text).toBe("a quote inside an unquoted field");
    expect(rows[2]!.issue?.text).toBe("text after a closing quote");
    expect(rows[2]!.cells[0]).toBe("abc");
  });

  it("reports an unclosed quote at the line where the record starts", () => {
    expect(() => tokenize('a,b\n1,2\n3,"open\nmore\n')).toThrow(FileProblemError);
    try {
      tokenize('a,b\n1,2\n3,"open\nmore\n');
    } catch (error) {
      expect((error as FileProblemError).problem.line).toBe(3);
    }
  });

  it("round-trips arbitrary cells written by csvLine (property)", () => {
    const cell = fc.string({
      unit: fc.constantFrom("a", "Z", ",", ";", '"', "\n", "\r", " ", "=", "é", "'"),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 9 }),
        (rows, chunk) => {
          const width = rows[0]!.length;
          const table = rows.map((r) => [...r, ...Array<string>(width).fill("")].slice(0, width));
          // A row of one empty cell would be written as an empty line; make rows non-trivial.
          const text = table.map((r) => csvLine([...r, "end"])).join("\n");
          const read = tokenize(text, chunk).map((r) => r.cells);
          expect(read).toEqual(table.map((r) => [...r, "end"]));
        },
      ),
      { numRuns: 300 },
    );
  });
});
