// The demo dataset, loaded through the importers only: canonical CSV files in `demo/`, imported
// in dependency order like a finance officer would, each an atomic import recorded in the
// imports table and the audit log. The later flow files move contributions forward
// (pledged → committed → paid), so the demo has status histories too.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Kysely } from "kysely";
import type { Database } from "@coherence/db";
import { formatProblem } from "@coherence/interchange";
import type { CanonicalKind } from "@coherence/interchange";
import { runImport } from "./run-import";
import type { ImportOutcome } from "./types";

const here = path.dirname(fileURLToPath(import.meta.url));

/** Folder of the demo CSV files. */
export const DEMO_DIR = path.resolve(here, "..", "demo");

/** The demo files in the order they are imported. */
export const DEMO_FILES: readonly { kind: CanonicalKind; file: string }[] = [
  { kind: "organizations", file: "organizations.csv" },
  { kind: "rates", file: "rates.csv" },
  { kind: "crosswalk", file: "crosswalk.csv" },
  { kind: "scales", file: "scales.csv" },
  { kind: "mandates", file: "mandates.csv" },
  { kind: "requirements", file: "requirements.csv" },
  { kind: "flows", file: "flows.csv" },
  { kind: "flows", file: "flows-2025-updates.csv" },
  { kind: "flows", file: "flows-2025-payments.csv" },
];

/** True when the database holds no operation yet: the only case in which the demo is loaded. */
export async function isEmptyDatabase(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom("operations").select("id").limit(1).executeTakeFirst();
  return row === undefined;
}

/**
 * Import the demo dataset through the importers (each file atomic). Throws, naming every
 * problem, if a file does not import cleanly (the database then keeps the files before it).
 * @example await loadDemoDataset(db, "system:demo");
 */
export async function loadDemoDataset(
  db: Kysely<Database>,
  actor: string,
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const { kind, file } of DEMO_FILES) {
    const outcome = await runImport(db, {
      kind,
      files: [{ fileName: `demo/${file}`, data: readFileSync(path.join(DEMO_DIR, file)) }],
      actor,
    });
    if (!outcome.committed)
      throw new Error(
        `the demo file ${file} did not import:\n${outcome.problems.map(formatProblem).join("\n")}`,
      );
    outcomes.push(outcome);
  }
  return outcomes;
}

/** Load the demo dataset only into an empty database; true when it was loaded. */
export async function loadDemoDatasetIfEmpty(
  db: Kysely<Database>,
  actor: string,
): Promise<boolean> {
  if (!(await isEmptyDatabase(db))) return false;
  await loadDemoDataset(db, actor);
  return true;
}
