import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { IMPORTERS } from "../importers/registry";
import { formatProblem } from "../problem";
import { sharedDataPath } from "../testing/paths";
import { applyFtsMapping } from "./mapping";
import type { FtsMapping } from "./mapping";
import { ftsVersionReplaces, mergeFtsFlows } from "./merge";
import { parseFtsJson } from "./parse-fts-json";
import { ftsLocationYearTotals } from "./totals";

const PAGES = ["", "-page-2", "-page-3"].map(
  (suffix) => `custom-search-locationid-171-year-2020${suffix}.json`,
);
const bytes = (name: string) => readFileSync(sharedDataPath("real", "fts", name));

describe("OCHA FTS API pages (occupied Palestinian territory, 2020)", () => {
  it("reproduces FTS's own totals: incoming funding 381,508,179 USD and pledges 29,621 USD over 424 flows", async () => {
    const pages = await Promise.all(PAGES.map(async (name) => parseFtsJson(bytes(name), name)));
    expect(pages.flatMap((p) => p.problems)).toEqual([]);
    const { flows, duplicates } = mergeFtsFlows(pages.map((p) => p.flows));
    expect(flows).toHaveLength(424);
    expect(pages[0]!.count).toBe(424);
    expect(duplicates).toEqual([]);
    const totals = ftsLocationYearTotals(flows);
    expect(totals.incoming.fundingUsdCents).toBe(381_508_179_00);
    expect(totals.incoming.pledgesUsdCents).toBe(29_621_00);
    expect(totals.incoming.fundingUsdCents / 100).toBe(pages[0]!.incoming!.fundingTotal);
    expect(totals.incoming.pledgesUsdCents / 100).toBe(pages[0]!.incoming!.pledgeTotal);
    expect(
      totals.incoming.flowCount +
        totals.incomingShared.flowCount +
        totals.internal.flowCount +
        totals.outgoing.flowCount,
    ).toBe(424);
    expect(totals.incomingShared.flowCount).toBe(30);
    expect(totals.internal.flowCount).toBe(85);
    expect(totals.outgoing.flowCount).toBe(1);
  });

  it("handles pages that overlap: the same flows twice count once, and a newer version wins", async () => {
    const first = await parseFtsJson(bytes(PAGES[0]!), PAGES[0]!);
    const again = await parseFtsJson(bytes(PAGES[0]!), "again.json");
    const rest = await Promise.all(
      PAGES.slice(1).map(async (name) => parseFtsJson(bytes(name), name)),
    );
    const newer = {
      ...first.flows[5]!,
      versionId: (first.flows[5]!.versionId ?? 0) + 1,
      amountUsdCents: 1,
    };
    const merged = mergeFtsFlows([first.flows, again.flows, ...rest.map((p) => p.flows), [newer]]);
    expect(merged.flows).toHaveLength(424);
    expect(merged.duplicates).toHaveLength(201);
    expect(merged.flows.find((f) => f.id === newer.id)!.amountUsdCents).toBe(1);
    expect(ftsVersionReplaces(4, 3)).toBe(false);
    expect(ftsVersionReplaces(4, 4)).toBe(false);
    expect(ftsVersionReplaces(4, 5)).toBe(true);
  });

  it("keeps source conversion, objects, boundary, parent/child links and versionId", async () => {
    const page = await parseFtsJson(bytes(PAGES[0]!), PAGES[0]!);
    const parent = page.flows.find((f) => f.id === "138397")!;
    expect(parent).toMatchObject({
      versionId: 4,
      status: "commitment",
      boundary: "incoming",
      onBoundary: "shared",
      exchangeRate: "0.915",
      originalCurrency: "EUR",
      date: "2018-05-17",
    });
    expect(parent.childFlowIds).toEqual(["190286", "190287", "190288", "201781", "201782"]);
    expect(parent.sourceObjects[0]).toEqual({
      type: "Organization",
      id: "4306",
      name: "Germany, Government of",
      behavior: "single",
    });
    expect(page.flows.some((f) => f.parentFlowId !== null)).toBe(true);
  });

  it("maps flows through a stored mapping, keeping FTS's USD amount and rate as the source's", async () => {
    const pages = await Promise.all(PAGES.map(async (name) => parseFtsJson(bytes(name), name)));
    const { flows } = mergeFtsFlows(pages.map((p) => p.flows));
    const incomingSingle = flows.filter(
      (f) => f.boundary === "incoming" && f.onBoundary === "single",
    );
    const orgs = new Map<string, string>();
    for (const f of incomingSingle)
      for (const o of [...f.sourceObjects, ...f.destinationObjects])
        if (o.type === "Organization" && o.id) orgs.set(o.id, `ORG-${o.id}`);
    const mapping: FtsMapping = {
      organizations: [...orgs].map(([id, organization]) => ({ id, organization })),
      operations: [{ type: "Location", id: "171", operation: "OPT" }],
      tasks: [
        { type: "GlobalCluster", name: "Protection", operation: "OPT", taskCode: "PROTECTION" },
      ],
    };
    const result = applyFtsMapping(flows, mapping);
    expect(result.flows.length + result.unmapped.length).toBe(424);
    // 9 incoming single flows name no (or several) organizations on one side: refused, with
    // the reason; mapped + refused USD is FTS's total again.
    const refusedIds = new Set(result.unmapped.map((u) => u.id));
    const refusedSingle = incomingSingle.filter((f) => refusedIds.has(f.id));
    expect(result.flows).toHaveLength(incomingSingle.length - refusedSingle.length);
    expect(refusedSingle.map((f) => result.unmapped.find((u) => u.id === f.id)!.reason)).toContain(
      "no destination organization",
    );
    const mappedUsd = result.flows.reduce(
      (sum, f) => sum + (f.status === "pledged" ? 0 : f.sourceConversion!.amountUsdCents),
      0,
    );
    const refusedUsd = refusedSingle.reduce(
      (sum, f) => sum + (f.status === "pledge" ? 0 : f.amountUsdCents),
      0,
    );
    expect(mappedUsd + refusedUsd).toBe(381_508_179_00);
    const eur = result.flows.find((f) => f.currency === "EUR" && f.amountMinor > 0)!;
    expect(eur.sourceConversion!.unitsPerUsd).not.toBeNull();
    expect(result.flows.every((f) => f.operation === "OPT")).toBe(true);
    expect(result.flows.some((f) => f.taskCode === "PROTECTION")).toBe(true);
    expect(result.unmapped.filter((u) => u.reason.startsWith("internal flow"))).toHaveLength(85);
    expect(result.unmapped.filter((u) => u.reason.startsWith("shared flow"))).toHaveLength(30);
  });

  it("imports through the registry, reporting what it could not map", async () => {
    const result = await IMPORTERS.fts.import(
      PAGES.map((name) => ({ fileName: name, data: bytes(name) })),
    );
    expect(result.report.read).toBe(424);
    expect(result.report.taken).toBe(0);
    expect(result.report.notMapped.map((l) => l.reason)).toContain(
      "internal flow: a transfer inside the plan, not new money",
    );
    expect(result.report.notMapped.some((l) => l.reason?.includes("is not mapped"))).toBe(true);
  });
});

describe("FTS malformed input", () => {
  it("reports truncated JSON with its line, and JSON of another shape", async () => {
    const text = bytes(PAGES[2]!).toString("utf8");
    const truncated = await parseFtsJson(text.slice(0, 5000), "cut.json");
    expect(truncated.problems).toHaveLength(1);
    expect(formatProblem(truncated.problems[0]!)).toMatch(
      /^cut\.json(:\d+)?: not valid JSON \(a truncated download\?\)/,
    );
    const array = await parseFtsJson('[{"name": "not a flow"}]', "array.json");
    expect(array.problems.map(formatProblem)).toEqual([
      "array.json: not an FTS flow answer: expected an object with data.flows (fts/flow/custom-search), found a JSON array",
    ]);
    expect((await parseFtsJson("", "empty.json")).problems.map(formatProblem)).toEqual([
      "empty.json: the file is empty (0 bytes)",
    ]);
  });

  it("reports a malformed flow by its path and keeps the others", async () => {
    const answer = JSON.stringify({
      data: {
        flows: [
          { id: "1", status: "paid", amountUSD: 10 },
          { id: "2", status: "given", amountUSD: "ten" },
        ],
      },
    });
    const page = await parseFtsJson(answer, "p.json");
    expect(page.flows.map((f) => f.id)).toEqual(["1"]);
    expect(page.problems.map(formatProblem)).toEqual([
      'p.json: column "data.flows[1].status": value "given": unknown status: expected pledge, commitment or paid',
      'p.json: column "data.flows[1].amountUSD": value "ten": not a non-negative number',
    ]);
  });
});
