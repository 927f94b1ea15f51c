// Shared test set-up: small canonical files, a snapshot of every table (to prove that a refused
// import leaves the database exactly as it was), and a one-line import helper.
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Kysely } from "kysely";
import type { Database } from "@coherence/db";
import type { ImporterKind } from "@coherence/interchange";
import { runImport } from "../src/index";
import type { ImportRequest } from "../src/index";

const here = path.dirname(fileURLToPath(import.meta.url));

/** A file of the shared data folder beside the repository (`<repo>/../shared/data`). */
export function sharedDataPath(...parts: string[]): string {
  return path.resolve(here, "../../../../shared/data", ...parts);
}

export const ORGANIZATIONS = `code,name,kind,fiscal_year_start_month,currency,taxonomy
UN-DPO,UN Department of Peace Operations,un_entity,7,USD,
UNDP,United Nations Development Programme,un_entity,1,USD,UNDP
UNICEF,United Nations Children's Fund,un_entity,1,USD,
GBR,United Kingdom,member_state,4,GBP,
NOR,Norway,member_state,1,NOK,
USA,United States of America,member_state,10,USD,
DEU,Germany,member_state,1,EUR,
`;

export const RATES = `currency,units_per_usd,effective_date
GBP,0.775,2024-01-01
NOK,10.5,2024-01-01
EUR,0.92,2024-01-01
`;

export const MANDATES = `operation,country,resolution,adopted_on,period_start,period_end,task_code,task_title,rank,military_ceiling,police_ceiling,operation_name
MINUSCA,CAF,S/RES/2709 (2023),2023-11-14,2023-11-15,2024-11-15,CIV-PROTECT,Protection of civilians,1,14400,3020,MINUSCA
MINUSCA,CAF,S/RES/2709 (2023),2023-11-14,2023-11-15,2024-11-15,STATE-AUTH,Extension of State authority,2,14400,3020,MINUSCA
MINUSCA,CAF,S/RES/2709 (2023),2023-11-14,2023-11-15,2024-11-15,PEACE-PROC,Support to the peace process,3,14400,3020,MINUSCA
`;

export const FLOWS_HEADER =
  "external_ref,source,recipient,operation,task_code,funding_type,status,amount,currency,date,period_start,period_end,earmarking,category,notes";

export const FLOWS = `${FLOWS_HEADER}
F-1,GBR,UNDP,MINUSCA,STATE-AUTH,voluntary_earmarked,committed,5000000.00,GBP,2024-03-01,2024-01-01,2024-12-31,earmarked,,first
F-2,NOR,UNICEF,MINUSCA,CIV-PROTECT,voluntary_earmarked,pledged,1000000.00,NOK,2024-05-02,,,earmarked,,no period: UNICEF's calendar year
F-3,USA,UN-DPO,MINUSCA,,assessed,committed,1234.56,USD,2024-07-01,,,,,peacekeeping year
`;

export const REQUIREMENTS = `external_ref,operation,entity,task_code,category,period_start,period_end,stage,amount,currency,document
R-1,MINUSCA,UN-DPO,CIV-PROTECT,,2024-07-01,2025-06-30,proposed,540000000.00,USD,A/78/744
R-1,MINUSCA,UN-DPO,CIV-PROTECT,,2024-07-01,2025-06-30,appropriated,520000000.00,USD,A/78/744
R-2,MINUSCA,UNDP,STATE-AUTH,,2024-01-01,2024-12-31,proposed,1000000.00,GBP,
`;

export const CROSSWALK = `taxonomy,category,common_category,share
UNDP,71200,UNSDG-1,1
UNDP,72100,UNSDG-4,1/3
UNDP,72100,UNSDG-2,2/3
`;

export const SCALES = `scale,member_state,period_start,period_end,rate_percent
pk-2024,USA,2024-01-01,2024-12-31,60
pk-2024,GBR,2024-01-01,2024-12-31,25
pk-2024,DEU,2024-01-01,2024-12-31,15
`;

/** Every table the application writes, with the column that orders it. */
const TABLES: [keyof Database, string][] = [
  ["organizations", "id"],
  ["operations", "id"],
  ["mandates", "id"],
  ["priority_tasks", "id"],
  ["requirements", "id"],
  ["flows", "id"],
  ["flow_status_history", "id"],
  ["exchange_rates", "currency"],
  ["taxonomies", "id"],
  ["categories", "id"],
  ["crosswalk_shares", "category_id"],
  ["scale_rates", "id"],
  ["imports", "id"],
  ["audit_log", "id"],
  ["fts_flows", "id"],
  ["import_mappings", "kind"],
  ["column_mappings", "id"],
];

/** Every row of every table, in a stable order. */
export async function snapshot(db: Kysely<Database>): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [table, order] of TABLES) {
    const rows = await (db as unknown as Kysely<Record<string, Record<string, unknown>>>)
      .selectFrom(table)
      .selectAll()
      .orderBy(order)
      .execute();
    out[table] = rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return out;
}

/** The data tables only (imports and audit_log grow with every import, even an unchanged one). */
export async function dataSnapshot(db: Kysely<Database>) {
  const all = await snapshot(db);
  delete all.imports;
  delete all.audit_log;
  return all;
}

export function imp(
  db: Kysely<Database>,
  kind: ImporterKind,
  files: Record<string, string | Uint8Array>,
  options: Partial<ImportRequest> = {},
) {
  return runImport(db, {
    kind,
    files: Object.entries(files).map(([fileName, data]) => ({ fileName, data })),
    actor: "cli:test",
    ...options,
  });
}

/** Reference data most tests start from. */
export async function loadBasics(db: Kysely<Database>) {
  for (const [kind, name, text] of [
    ["organizations", "organizations.csv", ORGANIZATIONS],
    ["rates", "rates.csv", RATES],
    ["mandates", "mandates.csv", MANDATES],
  ] as const) {
    const outcome = await imp(db, kind, { [name]: text });
    if (!outcome.committed) throw new Error(JSON.stringify(outcome.problems));
  }
}
