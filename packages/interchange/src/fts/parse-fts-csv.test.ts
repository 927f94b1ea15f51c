import { describe, expect, it } from "vitest";
import { formatProblem } from "../problem";
import { parseFtsCsv } from "./parse-fts-csv";
import { ftsLocationYearTotals } from "./totals";

// The header of FTS flow exports as published on HDX, with its HXL hashtag row.
const HEADER =
  "date,budgetYear,description,amountUSD,srcOrganization,srcOrganizationTypes,srcLocations,srcUsageYearStart,srcUsageYearEnd,destPlan,destPlanCode,destPlanId,destOrganization,destOrganizationTypes,destGlobalClusters,destLocations,destProject,destProjectCode,destEmergency,destUsageYearStart,destUsageYearEnd,contributionType,flowType,method,boundary,onBoundary,status,firstReportedDate,decisionDate,keywords,originalAmount,originalCurrency,exchangeRate,id,refCode,createdAt,updatedAt";
const HXL = "#date,#date+year+budget,#description+notes,#value+funding+total+usd," + ",".repeat(32);

describe("FTS CSV export", () => {
  it("reads flows, rebuilding source and destination objects", async () => {
    const csv = [
      HEADER,
      HXL,
      '2021-03-02,,"Legal aid, West Bank",1694015,"Spain, Government of",Government,,2020,2020,oPt 2020 HRP,HPSE20,832,Norwegian Refugee Council,NGO,"Protection,Education",PSE,,,,2020,2020,financial,Standard,Traditional aid,incoming,single,commitment,2021-02-25,2021-02-01,,1395868,EUR,0.824,228352,,2021-03-02,2021-03-02',
      "2021-03-01,,Pledge,1000,Norway,Government,,2020,2020,,,,NRC,NGO,,PSE,,,,2020,2021,financial,Standard,Traditional aid,incoming,shared,pledge,,,,,,,228353,,,",
    ].join("\n");
    const { flows, problems } = await parseFtsCsv(csv, "fts.csv");
    expect(problems).toEqual([]);
    expect(flows).toHaveLength(2);
    expect(flows[0]).toMatchObject({
      id: "228352",
      line: 3,
      amountUsdCents: 169401500,
      originalAmount: "1395868",
      originalCurrency: "EUR",
      exchangeRate: "0.824",
      status: "commitment",
      boundary: "incoming",
      onBoundary: "single",
      date: "2021-03-02",
      versionId: null,
    });
    expect(
      flows[0]!.destinationObjects.filter((o) => o.type === "GlobalCluster").map((o) => o.name),
    ).toEqual(["Protection", "Education"]);
    expect(flows[0]!.destinationObjects.find((o) => o.type === "Plan")).toEqual({
      type: "Plan",
      id: "832",
      name: "oPt 2020 HRP",
      behavior: null,
    });
    expect(
      flows[1]!.destinationObjects.filter((o) => o.type === "UsageYear").map((o) => o.name),
    ).toEqual(["2020", "2021"]);
    const totals = ftsLocationYearTotals(flows);
    expect(totals.incoming.fundingUsdCents).toBe(169401500);
    expect(totals.incomingShared.pledgesUsdCents).toBe(100000);
  });

  it("reports missing columns and bad rows with their line", async () => {
    expect((await parseFtsCsv("a,b\n1,2\n", "x.csv")).problems.map(formatProblem)).toEqual([
      'x.csv:1: column "id": missing column (is this an FTS flows export?)',
      'x.csv:1: column "amountUSD": missing column (is this an FTS flows export?)',
      'x.csv:1: column "status": missing column (is this an FTS flows export?)',
    ]);
    const { problems } = await parseFtsCsv(
      "id,amountUSD,status\n1,12.5x,paid\n2,3,gone\n",
      "y.csv",
    );
    expect(problems.map(formatProblem)).toEqual([
      'y.csv:2: column "amountUSD": value "12.5x": not a non-negative number',
      'y.csv:3: column "status": value "gone": unknown status: expected pledge, commitment or paid',
    ]);
  });
});
