// Malformed files are refused with their line, column and reason, and leave every table of
// the database exactly as it was (full snapshots compared), on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Connection } from "@coherence/db";
import { ENGINES, freshDatabase } from "@coherence/db/testing";
import { exportXlsx, formatProblem } from "@coherence/interchange";
import type { ImporterKind } from "@coherence/interchange";
import { FLOWS, FLOWS_HEADER, imp, loadBasics, snapshot } from "./support";

const row = (cells: string) => `${FLOWS_HEADER}\n${cells}\n`;
const GOOD = "M-1,GBR,UNDP,MINUSCA,,voluntary_core,paid,10.00,USD,2024-03-01,,,,,";

async function truncatedXlsx(): Promise<Uint8Array> {
  const bytes = await exportXlsx("flows", []);
  return bytes.subarray(0, Math.floor(bytes.length / 2));
}

const CASES: [
  string,
  ImporterKind,
  string,
  () => Promise<string | Uint8Array> | string | Uint8Array,
  RegExp,
][] = [
  [
    "a tab-separated file (wrong delimiter)",
    "flows",
    "tabs.csv",
    () => FLOWS.replaceAll(",", "\t"),
    /^tabs\.csv(:1)?: .*tab/i,
  ],
  [
    "missing columns",
    "flows",
    "missing.csv",
    () => "external_ref,source\nA,B\n",
    /^missing\.csv:1: column "recipient": missing column/,
  ],
  [
    "a bad date",
    "flows",
    "date.csv",
    () => row(GOOD.replace("2024-03-01", "2024-02-30")),
    /^date\.csv:2: column "date": value "2024-02-30": /,
  ],
  [
    "an amount with letters",
    "flows",
    "letters.csv",
    () => row(GOOD.replace("10.00", "1O.00")),
    /^letters\.csv:2: column "amount": value "1O\.00": /,
  ],
  [
    "duplicate keys in one file",
    "flows",
    "dup.csv",
    () => `${row(GOOD)}${GOOD}\n`,
    /^dup\.csv:3: column "external_ref": value "M-1": duplicate external_ref: already on line 2/,
  ],
  [
    "an unknown operation",
    "flows",
    "op.csv",
    () => row(GOOD.replace("MINUSCA", "MINUSMA")),
    /^op\.csv:2: column "operation": value "MINUSMA": unknown operation MINUSMA/,
  ],
  [
    "an unknown currency",
    "flows",
    "cur.csv",
    () => row(GOOD.replace("USD", "XYZ")),
    /^cur\.csv:2: column "currency": value "XYZ": /,
  ],
  ["a truncated XLSX", "flows", "cut.xlsx", truncatedXlsx, /^cut\.xlsx: /],
  [
    "a 0-byte file",
    "flows",
    "empty.csv",
    () => new Uint8Array(0),
    /^empty\.csv: the file is empty \(0 bytes\)/,
  ],
  [
    "a binary file",
    "flows",
    "binary.csv",
    () => new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3, 0]),
    /^binary\.csv: .*binary/i,
  ],
  ["a 0-byte FTS page", "fts", "page.json", () => new Uint8Array(0), /^page\.json: /],
  ["truncated FTS JSON", "fts", "page.json", () => '{"data":{"flows":[{"id":1', /^page\.json/],
  ["truncated IATI XML", "iati", "a.xml", () => "<iati-activities><iati-activity>", /^a\.xml/],
  ["a 0-byte UN rates file", "un-rates", "rates.csv", () => "", /^rates\.csv: /],
  [
    "FTS JSON of another shape",
    "fts",
    "page.json",
    () => JSON.stringify([{ id: 1, amount: 5 }]),
    /^page\.json/,
  ],
  [
    "IATI XML declaring an external entity",
    "iati",
    "xxe.xml",
    () =>
      '<?xml version="1.0"?>\n<!DOCTYPE iati-activities [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<iati-activities version="2.03"><iati-activity><iati-identifier>&x;</iati-identifier></iati-activity></iati-activities>',
    /^xxe\.xml.*(entit|DOCTYPE)/i,
  ],
  [
    "an IATI transaction in an unknown currency",
    "iati",
    "cur.xml",
    () =>
      '<iati-activities version="2.03"><iati-activity default-currency="XYZ"><iati-identifier>A-1</iati-identifier><reporting-org ref="R" type="10"><narrative>R</narrative></reporting-org><transaction><transaction-type code="3"/><transaction-date iso-date="2024-01-10"/><value value-date="2024-01-10">100</value></transaction></iati-activity></iati-activities>',
    /^cur\.xml.*XYZ/,
  ],
  [
    "a UN rates file with an unknown currency",
    "un-rates",
    "rates.csv",
    () =>
      "Country,Currency Name,Currency Code,Operational Rate,Effective Date\nNowhere,Nothing,XYZ,3.75,2024-01-01\n",
    /^rates\.csv:2.*XYZ/,
  ],
  [
    "mandates with two ranks the same",
    "mandates",
    "m.csv",
    () =>
      "operation,country,resolution,adopted_on,period_start,period_end,task_code,task_title,rank\nX,CAF,R1,2024-01-01,2024-01-01,2024-12-31,A,A,1\nX,CAF,R1,2024-01-01,2024-01-01,2024-12-31,B,B,1\n",
    /^m\.csv:3: column "rank": value "1": rank 1 is already task A on line 2/,
  ],
];

describe.each(ENGINES)("malformed files on %s", (engine) => {
  let connection: Connection;
  let before: Awaited<ReturnType<typeof snapshot>>;
  beforeAll(async () => {
    connection = await freshDatabase(engine, inject("pgUrl"));
    await loadBasics(connection.db);
    await imp(connection.db, "flows", { "flows.csv": FLOWS });
    before = await snapshot(connection.db);
  });
  afterAll(async () => {
    await connection.close();
  });

  it.each(CASES)("refuses %s and changes nothing", async (_name, kind, fileName, data, message) => {
    const outcome = await imp(connection.db, kind, { [fileName]: await data() });
    expect(outcome.committed).toBe(false);
    expect(outcome.importId).toBeNull();
    const lines = outcome.problems.map(formatProblem);
    expect(lines.length).toBeGreaterThan(0);
    expect(
      lines.some((l) => message.test(l)),
      lines.join("\n"),
    ).toBe(true);
    expect(await snapshot(connection.db)).toEqual(before);
  });

  it("refuses in partial mode too when nothing of the file can be read, and changes nothing", async () => {
    for (const [name, data] of [
      ["empty.csv", ""],
      ["missing.csv", "external_ref,source\nA,B\n"],
      ["tabs.csv", FLOWS.replaceAll(",", "\t")],
    ] as const) {
      const outcome = await imp(connection.db, "flows", { [name]: data }, { mode: "partial" });
      expect(outcome.committed).toBe(false);
      expect(outcome.problems.length).toBeGreaterThan(0);
    }
    expect(await snapshot(connection.db)).toEqual(before);
  });
});
