import type { CrosswalkRow } from "./crosswalk";
import type { ExchangeRate } from "./rates";
import type { Entity, Flow, Mandate, RequirementLine } from "./types";

const TASKS = [
  { code: "CIV-PROTECT", title: "Protection of civilians", rank: 1 },
  {
    code: "STATE-AUTH",
    title:
      "Support to the extension of State authority and the preservation of territorial integrity",
    rank: 2,
  },
  { code: "PEACE-PROC", title: "Support to the peace process", rank: 3 },
  {
    code: "HUMANITARIAN",
    title: "Facilitation of the safe delivery of humanitarian assistance",
    rank: 4,
  },
  { code: "UN-PROTECT", title: "Protection of United Nations personnel and assets", rank: 5 },
];

/**
 * A small, realistic dataset for MINUSCA (tasks and ranks from resolutions 2709 (2023) and
 * 2759 (2024), as in the shared `minusca-mandate.csv`; budget and contribution amounts are
 * illustrative, of the order of MINUSCA's real ~1.07 billion USD a year). Used by the README's
 * worked example and by tests; handy for seeding a demo database.
 */
export const MINUSCA_DEMO = {
  mandates: [
    {
      operationCode: "MINUSCA",
      resolution: "S/RES/2709 (2023)",
      adoptedOn: "2023-11-14",
      periodStart: "2023-11-15",
      periodEnd: "2024-11-15",
      militaryCeiling: 14400,
      policeCeiling: 3020,
      tasks: TASKS,
    },
    {
      operationCode: "MINUSCA",
      resolution: "S/RES/2759 (2024)",
      adoptedOn: "2024-11-14",
      periodStart: "2024-11-15",
      periodEnd: "2025-11-15",
      militaryCeiling: 14400,
      policeCeiling: 3020,
      tasks: TASKS,
    },
  ] satisfies Mandate[],
  entities: [
    { code: "UN-DPO", name: "UN Department of Peace Operations", kind: "peacekeeping", fiscalYearStartMonth: 7, reportingCurrency: "USD", taxonomy: "PK" },
    { code: "UNDP", name: "United Nations Development Programme", kind: "programme", fiscalYearStartMonth: 1, reportingCurrency: "USD", taxonomy: "UNDP" },
    { code: "UNICEF", name: "United Nations Children's Fund", kind: "fund", fiscalYearStartMonth: 1, reportingCurrency: "USD", taxonomy: "UNICEF" },
    { code: "PBF", name: "Peacebuilding Fund", kind: "pooled_fund", fiscalYearStartMonth: 1, reportingCurrency: "USD" },
  ] satisfies Entity[],
  rates: [
    { currency: "GBP", effectiveFrom: "2023-01-01", unitsPerUsd: "0.775" },
    { currency: "SAR", effectiveFrom: "2023-01-01", unitsPerUsd: "3.75" },
    { currency: "EUR", effectiveFrom: "2023-01-01", unitsPerUsd: "0.925" },
    { currency: "EUR", effectiveFrom: "2024-01-01", unitsPerUsd: "0.905" },
    { currency: "NOK", effectiveFrom: "2023-01-01", unitsPerUsd: "10.5" },
    { currency: "JPY", effectiveFrom: "2023-01-01", unitsPerUsd: "140" },
  ] satisfies ExchangeRate[],
  crosswalk: [
    // Peacekeeping groups → UNSDG categories.
    { taxonomy: "PK", categoryCode: "MIL-POL", commonCode: "UNSDG-1", share: "1" },
    { taxonomy: "PK", categoryCode: "CIVILIAN", commonCode: "UNSDG-1", share: "1" },
    { taxonomy: "PK", categoryCode: "OPERATIONAL", commonCode: "UNSDG-2", share: "1/3" },
    { taxonomy: "PK", categoryCode: "OPERATIONAL", commonCode: "UNSDG-4", share: "1/3" },
    { taxonomy: "PK", categoryCode: "OPERATIONAL", commonCode: "UNSDG-7", share: "1/3" },
    { taxonomy: "UNDP", categoryCode: "PROJECT", commonCode: "UNSDG-1", share: "0.25" },
    { taxonomy: "UNDP", categoryCode: "PROJECT", commonCode: "UNSDG-6", share: "0.5" },
    { taxonomy: "UNDP", categoryCode: "PROJECT", commonCode: "UNSDG-7", share: "0.25" },
  ] satisfies CrosswalkRow[],
  requirementLines: [
    ...(
      [
        ["CIV-PROTECT", "MIL-POL", 52_000_000_000, 50_500_000_000, 49_800_000_000],
        ["STATE-AUTH", "CIVILIAN", 16_000_000_000, 15_000_000_000, 14_100_000_000],
        ["PEACE-PROC", "CIVILIAN", 8_500_000_000, 8_000_000_000, 7_600_000_000],
        ["HUMANITARIAN", "OPERATIONAL", 4_200_000_000, 4_000_000_000, 3_900_000_000],
        ["UN-PROTECT", "OPERATIONAL", 26_000_000_000, 25_000_000_000, 24_700_000_000],
      ] as const
    ).flatMap(([taskCode, categoryCode, proposed, appropriated, expended]) =>
      (
        [
          ["proposed", proposed],
          ["appropriated", appropriated],
          ["expended", expended],
        ] as const
      ).map(
        ([stage, amountMinor]): RequirementLine => ({
          lineRef: `MINUSCA-2023/24-${taskCode}`,
          operationCode: "MINUSCA",
          taskCode,
          entityCode: "UN-DPO",
          stage,
          amountMinor,
          currency: "USD",
          periodStart: "2023-07-01",
          periodEnd: "2024-06-30",
          categoryCode,
        }),
      ),
    ),
    // UNDP's programme for State authority, calendar 2024 (straddles two peacekeeping years).
    { lineRef: "UNDP-CAF-2024-SA", operationCode: "MINUSCA", taskCode: "STATE-AUTH", entityCode: "UNDP", stage: "proposed", amountMinor: 2_400_000_000, currency: "USD", periodStart: "2024-01-01", periodEnd: "2024-12-31", categoryCode: "PROJECT" },
    // UNICEF's humanitarian requirement, in no category.
    { lineRef: "UNICEF-CAF-2023-H", operationCode: "MINUSCA", taskCode: "HUMANITARIAN", entityCode: "UNICEF", stage: "proposed", amountMinor: 1_500_000_000, currency: "USD", periodStart: "2023-07-01", periodEnd: "2024-06-30" },
  ] satisfies RequirementLine[],
  flows: [
    // Assessed contributions fall on the whole appropriation: no task, attributed by requirement.
    { id: "A-USA", operationCode: "MINUSCA", taskCode: null, donorCode: "USA", recipientEntityCode: "UN-DPO", fundingType: "assessed", status: "committed", statusDate: "2023-07-15", amountMinor: 27_750_000_000, currency: "USD", usageStart: "2023-07-01", usageEnd: "2024-06-30" },
    { id: "A-CHN", operationCode: "MINUSCA", taskCode: null, donorCode: "CHN", recipientEntityCode: "UN-DPO", fundingType: "assessed", status: "paid", statusDate: "2023-09-01", amountMinor: 19_500_000_000, currency: "USD", usageStart: "2023-07-01", usageEnd: "2024-06-30", history: [{ status: "committed", date: "2023-07-15" }, { status: "paid", date: "2023-09-01" }] },
    { id: "A-JPN", operationCode: "MINUSCA", taskCode: null, donorCode: "JPN", recipientEntityCode: "UN-DPO", fundingType: "assessed", status: "paid", statusDate: "2023-10-02", amountMinor: 11_300_000_000, currency: "JPY", usageStart: "2023-07-01", usageEnd: "2024-06-30", history: [{ status: "committed", date: "2023-07-15" }, { status: "paid", date: "2023-10-02" }] },
    { id: "A-OTH", operationCode: "MINUSCA", taskCode: null, donorCode: "OTHER-MS", recipientEntityCode: "UN-DPO", fundingType: "assessed", status: "paid", statusDate: "2023-12-20", amountMinor: 40_000_000_000, currency: "USD", usageStart: "2023-07-01", usageEnd: "2024-06-30" },
    // Voluntary money to agencies, for tasks.
    { id: "V-GBR-UNICEF", operationCode: "MINUSCA", taskCode: "HUMANITARIAN", donorCode: "GBR", recipientEntityCode: "UNICEF", fundingType: "voluntary_earmarked", earmarking: "earmarked", status: "paid", statusDate: "2023-08-10", amountMinor: 500_000_000, currency: "GBP", usageStart: "2023-08-01", usageEnd: "2024-07-31", history: [{ status: "pledged", date: "2023-03-01" }, { status: "paid", date: "2023-08-10" }] },
    { id: "V-NOR-UNDP", operationCode: "MINUSCA", taskCode: "STATE-AUTH", donorCode: "NOR", recipientEntityCode: "UNDP", fundingType: "voluntary_earmarked", status: "committed", statusDate: "2024-02-01", amountMinor: 6_300_000_000, currency: "NOK", usageStart: "2024-01-01", usageEnd: "2025-12-31", categoryCode: "PROJECT", history: [{ status: "pledged", date: "2023-11-20" }, { status: "committed", date: "2024-02-01" }] },
    { id: "V-SWE-PLEDGE", operationCode: "MINUSCA", taskCode: "CIV-PROTECT", donorCode: "SWE", recipientEntityCode: "UNDP", fundingType: "voluntary_earmarked", status: "pledged", statusDate: "2024-03-01", amountMinor: 100_000_000, currency: "USD" },
    // Pooled fund: receipts (no task), then an allocation to UNDP for the peace process.
    { id: "P-DEU-PBF", operationCode: "MINUSCA", taskCode: null, donorCode: "DEU", recipientEntityCode: "PBF", fundingType: "pooled", status: "paid", statusDate: "2023-09-15", amountMinor: 925_000_000, currency: "EUR" },
    { id: "P-SAU-PBF", operationCode: "MINUSCA", taskCode: null, donorCode: "SAU", recipientEntityCode: "PBF", fundingType: "pooled", status: "paid", statusDate: "2023-10-01", amountMinor: 32_532_800, currency: "SAR", sourceConversion: { amountUsdCents: 8_675_400, exchangeRate: "3.75", source: "fts" } },
    { id: "P-PBF-UNDP", operationCode: "MINUSCA", taskCode: "PEACE-PROC", donorCode: "PBF", recipientEntityCode: "UNDP", fundingType: "pooled", status: "committed", statusDate: "2023-11-01", amountMinor: 600_000_000, currency: "USD", transferFromEntityCode: "PBF" },
    // A task code that is not in the mandate: "Not specified", never guessed.
    { id: "V-ITA-UNKNOWN", operationCode: "MINUSCA", taskCode: "ELECTIONS", donorCode: "ITA", recipientEntityCode: "UNDP", fundingType: "voluntary_earmarked", status: "paid", statusDate: "2023-12-01", amountMinor: 50_000_000, currency: "USD" },
  ] satisfies Flow[],
};
