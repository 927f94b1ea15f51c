// The neighbours' formats on the database: OCHA FTS's real pages (FTS's own totals recomputed
// from what is stored; a second import changes nothing), the real IATI file (every transaction
// accounted for), UN rates; and export → re-import giving the same records.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Connection } from "@coherence/db";
import { ENGINES, freshDatabase } from "@coherence/db/testing";
import { CANONICAL_KINDS, formatProblem, importerFor } from "@coherence/interchange";
import type { FtsFlow } from "@coherence/interchange";
import { exportCsvStream, exportXlsxBytes, ftsStoredTotals, writeMapping } from "../src/index";
import {
  CROSSWALK,
  FLOWS,
  REQUIREMENTS,
  SCALES,
  dataSnapshot,
  imp,
  loadBasics,
  sharedDataPath,
} from "./support";

const PAGES = ["", "-page-2", "-page-3"].map(
  (suffix) => `custom-search-locationid-171-year-2020${suffix}.json`,
);
const pages = () =>
  Object.fromEntries(
    PAGES.map((name) => [name, readFileSync(sharedDataPath("real", "fts", name))]),
  );

describe.each(ENGINES)("FTS, IATI and exports on %s", (engine) => {
  let connection: Connection;
  beforeAll(async () => {
    connection = await freshDatabase(engine, inject("pgUrl"));
    await loadBasics(connection.db);
  });
  afterAll(async () => {
    await connection.close();
  });

  it("imports the three real FTS pages: FTS's totals from the stored flows, transfers apart, twice = no change", async () => {
    // Every FTS organization of the pages gets an organization and a mapping rule, as a finance
    // officer would set them up; the Location of the pages maps to an operation.
    const parsed = await importerFor("fts")!.import(
      Object.entries(pages()).map(([fileName, data]) => ({ fileName, data })),
    );
    const orgs = new Map<string, string>();
    for (const f of parsed.detail!.ftsFlows as FtsFlow[])
      for (const o of [...f.sourceObjects, ...f.destinationObjects])
        if (o.type === "Organization" && o.id) orgs.set(o.id, o.name);
    const orgCsv =
      "code,name,kind,fiscal_year_start_month,currency\n" +
      [...orgs]
        .map(([id, name]) => `FTS-${id},"${name.replaceAll('"', '""')}",other_donor,1,USD`)
        .join("\n");
    expect((await imp(connection.db, "organizations", { "fts-orgs.csv": orgCsv })).committed).toBe(
      true,
    );
    const mandate =
      "operation,country,resolution,adopted_on,period_start,period_end,task_code,task_title,rank,military_ceiling,police_ceiling,operation_name\n" +
      "OPT-HRP,PSE,HRP 2020,2020-01-01,2020-01-01,2020-12-31,HUMANITARIAN,Humanitarian response,1,,,oPt humanitarian response\n";
    expect((await imp(connection.db, "mandates", { "opt.csv": mandate })).committed).toBe(true);
    await writeMapping(
      connection.db,
      "fts",
      {
        organizations: [...orgs.keys()].map((id) => ({ id, organization: `FTS-${id}` })),
        operations: [{ type: "Location", id: "171", operation: "OPT-HRP" }],
        tasks: [],
      },
      0,
      "cli:test",
    );

    const first = await imp(connection.db, "fts", pages());
    expect(first.problems.map(formatProblem)).toEqual([]);
    expect(first.committed).toBe(true);
    expect(first.counts.byTable.fts_flows).toMatchObject({ created: 424 });
    expect(first.counts.byTable.flows).toMatchObject({ created: 299 });
    const totals = await ftsStoredTotals(connection.db);
    expect(totals.incoming.fundingUsdCents).toBe(381_508_179_00);
    expect(totals.incoming.pledgesUsdCents).toBe(29_621_00);
    expect(totals.incomingShared.flowCount).toBe(30);
    expect(totals.internal.flowCount).toBe(85);
    expect(totals.outgoing.flowCount).toBe(1);
    // 9 incoming flows name no organization (or two) on one side: kept in fts_flows with the
    // reason, not in the ledger; the ledger holds the rest of FTS's funding, at FTS's USD.
    expect(totals.inLedger).toEqual({
      flowCount: 299,
      fundedUsdCents: 374_234_883_00,
      pledgedUsdCents: 29_621_00,
    });
    expect(first.fts).toEqual(totals);
    const internal = await connection.db
      .selectFrom("fts_flows")
      .select(["flow_id", "not_taken_reason"])
      .where("boundary", "=", "internal")
      .execute();
    expect(
      internal.every((f) => f.flow_id === null && /transfer/.test(f.not_taken_reason ?? "")),
    ).toBe(true);
    const sourceFlow = await connection.db
      .selectFrom("flows")
      .selectAll()
      .where("external_ref", "=", "fts:200011")
      .executeTakeFirst();
    if (sourceFlow) expect(sourceFlow.rate_origin).toBe("source");

    const before = await dataSnapshot(connection.db);
    const second = await imp(connection.db, "fts", pages());
    expect(second.counts).toMatchObject({ created: 0, updated: 0 });
    expect(await dataSnapshot(connection.db)).toEqual(before);
  });

  it("imports the real IATI file with every transaction and budget accounted for", async () => {
    const rates = "currency,units_per_usd,effective_date\nEUR,0.9,2000-01-01\nGBP,0.8,2000-01-01\n";
    expect((await imp(connection.db, "rates", { "old-rates.csv": rates })).committed).toBe(true);
    const mandate =
      "operation,country,resolution,adopted_on,period_start,period_end,task_code,task_title,rank\n" +
      "SAHEL,NER,Sahel food security,2020-01-01,2020-01-01,2026-12-31,FOOD,Food security,1\n";
    expect((await imp(connection.db, "mandates", { "sahel.csv": mandate })).committed).toBe(true);
    await writeMapping(
      connection.db,
      "iati",
      {
        organizations: [],
        activities: ["NL-", "GB-", "DE-", "US-", "XI-"].map((identifierPrefix) => ({
          identifierPrefix,
          operation: "SAHEL",
          taskCode: "FOOD",
        })),
      },
      0,
      "cli:test",
    );
    const file = {
      "dportal.xml": readFileSync(sharedDataPath("real", "iati", "dportal-foodsecurity.xml")),
    };
    const outcome = await imp(connection.db, "iati", file);
    expect(outcome.problems.map(formatProblem)).toEqual([]);
    expect(outcome.committed).toBe(true);
    expect(outcome.report.read).toBe(63 + 16);
    expect(outcome.report.taken + outcome.report.refused).toBe(79);
    const taken = outcome.report.mapped.find((m) => m.what === "transactions → flows")!.count;
    const budgets = outcome.report.mapped.find((m) => m.what === "budgets → requirements")!.count;
    expect(outcome.counts.byTable.flows).toMatchObject({ created: taken });
    expect(outcome.counts.byTable.requirements).toMatchObject({ created: budgets });
    expect(taken + budgets).toBe(outcome.report.taken);
    const stored = await connection.db
      .selectFrom("flows")
      .select("id")
      .where("provenance", "=", "iati")
      .execute();
    expect(stored).toHaveLength(taken);
    const before = await dataSnapshot(connection.db);
    const again = await imp(connection.db, "iati", file);
    expect(again.counts).toMatchObject({ created: 0, updated: 0 });
    expect(await dataSnapshot(connection.db)).toEqual(before);
  });

  it("exports every table to CSV and XLSX, and a re-import of the export changes nothing", async () => {
    for (const [kind, name, text] of [
      ["crosswalk", "c.csv", CROSSWALK],
      ["scales", "s.csv", SCALES],
      ["requirements", "r.csv", REQUIREMENTS],
      ["flows", "f.csv", FLOWS],
    ] as const)
      expect((await imp(connection.db, kind, { [name]: text })).committed).toBe(true);
    const before = await dataSnapshot(connection.db);
    for (const kind of CANONICAL_KINDS) {
      let csv = "";
      for await (const chunk of exportCsvStream(connection.db, kind)) csv += chunk;
      const fromCsv = await imp(connection.db, kind, { [`${kind}.csv`]: csv });
      expect(fromCsv.problems.map(formatProblem), kind).toEqual([]);
      expect(fromCsv.counts, kind).toMatchObject({ created: 0, updated: 0 });
      expect(fromCsv.counts.unchanged, kind).toBeGreaterThan(0);
      const xlsx = await exportXlsxBytes(connection.db, kind);
      const fromXlsx = await imp(connection.db, kind, { [`${kind}.xlsx`]: xlsx });
      expect(fromXlsx.problems.map(formatProblem), kind).toEqual([]);
      expect(fromXlsx.counts, kind).toMatchObject({
        created: 0,
        updated: 0,
        unchanged: fromCsv.counts.unchanged,
      });
    }
    expect(await dataSnapshot(connection.db)).toEqual(before);
  });
});
