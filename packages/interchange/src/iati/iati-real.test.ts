import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { IMPORTERS } from "../importers/registry";
import { formatProblem } from "../problem";
import { sharedDataPath } from "../testing/paths";
import { applyIatiMapping, EMPTY_IATI_MAPPING } from "./mapping";
import { parseIatiXml } from "./parse-iati";

const FILE = sharedDataPath("real", "iati", "dportal-foodsecurity.xml");
const xml = readFileSync(FILE, "utf8");

/** Expected figures computed from the raw text with regular expressions, not with the code under test. */
function expectedFromText(): { count: number; sums: Map<string, bigint> } {
  const blocks = [...xml.matchAll(/<transaction[\s>][\s\S]*?<\/transaction>/g)].map((m) => m[0]);
  const sums = new Map<string, bigint>();
  for (const block of blocks) {
    const type = /<transaction-type code="(\d+)"/.exec(block)![1]!;
    const value = /<value[^>]*>([^<]*)<\/value>/.exec(block)![1]!.trim();
    const [whole, fraction = ""] = value.split(".");
    const cents = BigInt(whole! + fraction.padEnd(2, "0").slice(0, 2));
    sums.set(type, (sums.get(type) ?? 0n) + cents);
  }
  return { count: blocks.length, sums };
}

describe("IATI activity file (d-portal food security)", () => {
  it("reads every transaction, with per-type sums equal to the file's", async () => {
    const expected = expectedFromText();
    expect(expected.count).toBe(63);
    const { activities, problems, version } = await parseIatiXml(readFileSync(FILE), "dportal.xml");
    expect(problems).toEqual([]);
    expect(version).toBe("2.03");
    expect(activities).toHaveLength(7);
    const transactions = activities.flatMap((a) => a.transactions);
    expect(transactions).toHaveLength(expected.count);
    const sums = new Map<string, bigint>();
    for (const t of transactions) {
      const [whole, fraction = ""] = t.value!.split(".");
      sums.set(t.type!, (sums.get(t.type!) ?? 0n) + BigInt(whole! + fraction.padEnd(2, "0")));
    }
    expect(sums).toEqual(expected.sums);
  });

  it("accounts for every transaction: taken + refused = the number of <transaction> elements", async () => {
    const { activities } = await parseIatiXml(readFileSync(FILE), "dportal.xml");
    const result = applyIatiMapping(activities, EMPTY_IATI_MAPPING);
    const outcomes = result.outcomes.filter((o) => o.element === "transaction");
    expect(outcomes).toHaveLength(63);
    const taken = outcomes.filter((o) => o.taken);
    const refused = outcomes.filter((o) => !o.taken);
    expect(taken.length + refused.length).toBe(63);
    expect(result.flows).toHaveLength(taken.length);
    expect(refused.every((o) => o.reason !== null && o.reason !== "")).toBe(true);
    // Per-type sums of what was taken, in original currency, equal the file's for the types taken in full.
    const expected = expectedFromText();
    const takenSums = new Map<string, bigint>();
    for (const f of result.flows) {
      const type = activities.find((a) => f.externalRef.startsWith(`iati:${a.identifier}:`))!
        .transactions[Number(f.externalRef.split(":t").pop())]!.type!;
      takenSums.set(type, (takenSums.get(type) ?? 0n) + BigInt(f.amountMinor));
    }
    const refusedSums = new Map<string, bigint>();
    for (const o of refused) {
      const t = activities.find((a) => a.identifier === o.activity)!.transactions[o.index]!;
      const [whole, fraction = ""] = t.value!.split(".");
      refusedSums.set(
        t.type!,
        (refusedSums.get(t.type!) ?? 0n) + BigInt(whole! + fraction.padEnd(2, "0")),
      );
    }
    for (const [type, sum] of expected.sums)
      expect((takenSums.get(type) ?? 0n) + (refusedSums.get(type) ?? 0n)).toBe(sum);
  });

  it("maps directions, statuses, value-dates and aid types", async () => {
    const { activities } = await parseIatiXml(readFileSync(FILE), "dportal.xml");
    const result = applyIatiMapping(activities, {
      organizations: [{ ref: "XM-DAC-7", organization: "NLD" }],
      activities: [{ identifierPrefix: "NL-KVK-30214009", operation: "SAHEL", taskCode: "CIVIC" }],
    });
    const incomingCommitment = result.flows.find(
      (f) => f.externalRef === "iati:NL-KVK-30214009-C380:t4",
    )!;
    expect(incomingCommitment).toMatchObject({
      source: "NLD",
      recipient: "NL-KVK-30214009",
      status: "committed",
      amountMinor: 5702470800,
      currency: "EUR",
      date: "2020-12-17",
      operation: "SAHEL",
      taskCode: "CIVIC",
    });
    const ec = result.flows.find((f) =>
      f.externalRef.startsWith("iati:XI-IATI-EC_INTPA-2021/429-054:"),
    );
    expect(ec).toBeUndefined(); // its expenditure names a receiver without a ref: refused with the reason
    const ecOutcome = result.outcomes.find(
      (o) => o.activity === "XI-IATI-EC_INTPA-2021/429-054" && o.element === "transaction",
    )!;
    expect(ecOutcome.reason).toBe(
      'receiver-org "Agence Commerciale Industrielle Etagricole (Acia) Sas*" has no IATI ref and is not mapped',
    );
    const budgets = result.requirements.filter((r) => r.operation === "SAHEL");
    expect(budgets.length).toBeGreaterThan(0);
    expect(budgets[0]).toMatchObject({
      entity: "NL-KVK-30214009",
      stage: "proposed",
      currency: "EUR",
      periodStart: "2021-01-01",
      periodEnd: "2021-12-31",
      amountMinor: 1146198600,
    });
    expect(
      result.organizations.some((o) => o.code === "NL-KVK-30214009" && o.kind === "partner"),
    ).toBe(true);
  });

  it("imports through the registry with a report", async () => {
    const result = await IMPORTERS.iati.import([
      { fileName: "dportal.xml", data: readFileSync(FILE) },
    ]);
    expect(result.problems).toEqual([]);
    expect(result.report.read).toBe(63 + 16);
    expect(result.report.taken + result.report.refused).toBe(79);
    expect(result.report.notMapped.length).toBeGreaterThan(0);
  });
});

describe("IATI unsafe and malformed XML", () => {
  it("refuses external entities (XXE) and entity expansion (billion laughs)", async () => {
    const xxe =
      '<?xml version="1.0"?>\n<!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n<iati-activities version="2.03"><iati-activity><iati-identifier>&xxe;</iati-identifier></iati-activity></iati-activities>';
    const laughs = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n${Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`).join("\n")}\n]>\n<iati-activities><iati-activity>&lol9;</iati-activity></iati-activities>`;
    for (const [name, text] of [
      ["xxe.xml", xxe],
      ["lol.xml", laughs],
    ] as const) {
      const { activities, problems } = await parseIatiXml(text, name);
      expect(activities).toEqual([]);
      expect(problems.map(formatProblem)).toEqual([
        `${name}:${name === "xxe.xml" ? 2 : 13}: the file declares XML entities in its DOCTYPE: refused (entity expansion and external entities are unsafe)`,
      ]);
    }
  });

  it("reports undefined entities, truncated XML, another root and an empty file", async () => {
    const undefinedEntity = await parseIatiXml(
      "<iati-activities><iati-activity>&nope;</iati-activity></iati-activities>",
      "u.xml",
    );
    expect(undefinedEntity.problems[0]!.reason).toMatch(/^not well-formed XML: /);
    const cut = xml.slice(0, 3000);
    const truncated = await parseIatiXml(cut, "cut.xml");
    expect(truncated.problems).toHaveLength(1);
    expect(truncated.problems[0]!.reason).toMatch(/^not well-formed XML/);
    expect(
      (await parseIatiXml("<html><body/></html>", "h.xml")).problems.map(formatProblem),
    ).toEqual([
      "h.xml:1: not an IATI activity file: the root element is <html>, expected <iati-activities>",
    ]);
    expect((await parseIatiXml(new Uint8Array(0), "e.xml")).problems.map(formatProblem)).toEqual([
      "e.xml: the file is empty (0 bytes)",
    ]);
  });

  it("refuses types 5–10 with a reason, negative values and missing currencies", async () => {
    const tx = (type: string, value: string, currency = ' currency="USD"') =>
      `<transaction><transaction-type code="${type}"/><transaction-date iso-date="2024-01-01"/><value${currency} value-date="2024-01-02">${value}</value><provider-org ref="P"/><receiver-org ref="R"/></transaction>`;
    const file = `<iati-activities version="2.03"><iati-activity><iati-identifier>A</iati-identifier><reporting-org ref="REP" type="40"/>${["5", "6", "7", "8", "9", "10"].map((t) => tx(t, "1")).join("")}${tx("3", "-5")}${tx("3", "5", "")}${tx("3", "1.234")}${tx("13", "7")}</iati-activity></iati-activities>`;
    const { activities } = await parseIatiXml(file, "t.xml");
    const result = applyIatiMapping(activities, EMPTY_IATI_MAPPING);
    expect(result.outcomes.map((o) => o.reason)).toEqual([
      "type 5 (Interest Payment): interest paid back to a lender: not a contribution",
      "type 6 (Loan Repayment): a loan paid back: not a contribution",
      "type 7 (Reimbursement): covers spending already reported as expenditure: importing it would count the money twice",
      "type 8 (Purchase of Equity): an investment, not a contribution",
      "type 9 (Sale of Equity): money coming back from an investment, not a contribution",
      "type 10 (Credit Guarantee): a guarantee: no money moves",
      "negative value -5: a correction; Coherence stores amounts ≥ 0 (enter it as a change of the corrected record)",
      "no currency (no value currency and no activity default-currency)",
      'value "1.234": USD allows 2 decimals',
      null,
    ]);
    expect(result.flows).toEqual([
      expect.objectContaining({
        source: "P",
        recipient: "REP",
        status: "pledged",
        amountMinor: 700,
        date: "2024-01-02",
      }),
    ]);
  });
});
