import type { ByteSource } from "../bytes";
import { readCsvRecords } from "../csv/read-csv";
import type { Problem } from "../problem";
import { FileProblemError, fileProblem } from "../problem";
import { reason, reasonFields } from "../reasons";
import { readFtsFlow } from "./parse-fts-json";
import type { FtsFlow, FtsObject } from "./types";

/** Columns an FTS CSV export (HDX's "fts_*_funding_*.csv") must have. */
export const FTS_CSV_REQUIRED = ["id", "amountUSD", "status"] as const;

function list(value: string | undefined): string[] {
  if (value === undefined || value.trim() === "") return [];
  return value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

function years(start: string | undefined, end: string | undefined): FtsObject[] {
  const from = Number(start);
  const to = Number(end === undefined || end.trim() === "" ? start : end);
  if (
    !Number.isInteger(from) ||
    !Number.isInteger(to) ||
    from < 1900 ||
    to < from ||
    to - from > 50
  )
    return [];
  const result: FtsObject[] = [];
  for (let y = from; y <= to; y++)
    result.push({
      type: "UsageYear",
      id: null,
      name: String(y),
      behavior: from === to ? "single" : "shared",
    });
  return result;
}

function named(type: string, name: string | undefined, id: string | null = null): FtsObject[] {
  return name === undefined || name.trim() === ""
    ? []
    : [{ type, id: id === "" ? null : id, name: name.trim(), behavior: null }];
}

/**
 * Reads an FTS flows CSV export as published on HDX (columns `date, budgetYear, description,
 * amountUSD, srcOrganization, ..., destPlan, destPlanId, destOrganization, destGlobalClusters,
 * ..., boundary, onBoundary, status, ..., originalAmount, originalCurrency, exchangeRate, id`;
 * an HXL hashtag row under the header is skipped). Objects are rebuilt from the name columns
 * (with ids only where the export has them: destPlanId); versionId and parent/child links are
 * not in this format and stay empty.
 * @example const { flows, problems } = await parseFtsCsv(fs.createReadStream("fts_incoming_funding_pse.csv"), "fts.csv");
 */
export async function parseFtsCsv(
  source: ByteSource,
  file: string,
): Promise<{ flows: FtsFlow[]; problems: Problem[] }> {
  const flows: FtsFlow[] = [];
  const problems: Problem[] = [];
  let header: string[] | null = null;
  try {
    for await (const batch of readCsvRecords(source, file))
      for (const record of batch.records) {
        if (!header) {
          header = record.cells.map((c) => c.trim());
          const missing = FTS_CSV_REQUIRED.filter((c) => !header!.includes(c));
          for (const column of missing)
            problems.push({
              file,
              line: record.line,
              column,
              value: null,
              ...reasonFields(reason("fts_missing_column")),
            });
          if (missing.length > 0) return { flows, problems };
          continue;
        }
        if (record.cells.every((c) => c.trim() === "")) continue;
        if (record.cells[0]!.startsWith("#")) continue;
        const row: Record<string, string> = {};
        header.forEach((name, i) => (row[name] = record.cells[i] ?? ""));
        const g = (name: string): string | undefined =>
          row[name] === undefined || row[name].trim() === "" ? undefined : row[name];
        const rowProblems: Problem[] = [];
        const flow = readFtsFlow(
          {
            id: g("id") ?? null,
            status: g("status") ?? null,
            amountUSD: g("amountUSD") ?? null,
            originalAmount: g("originalAmount") ?? null,
            originalCurrency: g("originalCurrency") ?? null,
            exchangeRate: g("exchangeRate") ?? null,
            boundary: g("boundary") ?? null,
            onBoundary: g("onBoundary") ?? null,
            date: g("date") ?? null,
            decisionDate: g("decisionDate") ?? null,
            firstReportedDate: g("firstReportedDate") ?? null,
            budgetYear: g("budgetYear") ?? null,
            description: g("description") ?? null,
            flowType: g("flowType") ?? null,
            contributionType: g("contributionType") ?? null,
            method: g("method") ?? null,
            refCode: g("refCode") ?? null,
            keywords: list(g("keywords")),
            grandBargainEarmarkingType: g("grandBargainEarmarkingType") ?? null,
          },
          "row",
          file,
          rowProblems,
        );
        for (const p of rowProblems)
          problems.push({
            ...p,
            line: record.line,
            column: p.column?.replace(/^row\./, "") ?? null,
            value: p.value,
          });
        if (!flow) continue;
        flow.line = record.line;
        flow.sourceObjects = [
          ...named("Organization", g("srcOrganization")),
          ...list(g("srcLocations")).map((name) => ({
            type: "Location",
            id: null,
            name,
            behavior: null,
          })),
          ...years(g("srcUsageYearStart"), g("srcUsageYearEnd")),
        ];
        flow.destinationObjects = [
          ...named("Organization", g("destOrganization")),
          ...named("Plan", g("destPlan"), g("destPlanId") ?? null),
          ...list(g("destGlobalClusters")).map((name) => ({
            type: "GlobalCluster",
            id: null,
            name,
            behavior: null,
          })),
          ...list(g("destLocations")).map((name) => ({
            type: "Location",
            id: null,
            name,
            behavior: null,
          })),
          ...named("Project", g("destProject"), g("destProjectCode") ?? null),
          ...named("Emergency", g("destEmergency")),
          ...years(g("destUsageYearStart"), g("destUsageYearEnd")),
        ];
        flows.push(flow);
      }
  } catch (error) {
    if (!(error instanceof FileProblemError)) throw error;
    problems.push(error.problem);
    return { flows, problems };
  }
  if (!header) problems.push(fileProblem(file, reason("no_header_row")));
  return { flows, problems };
}
