import { applyIatiMapping, EMPTY_IATI_MAPPING } from "../iati/mapping";
import { parseIatiXml } from "../iati/parse-iati";
import type { IatiActivity } from "../iati/types";
import { reason, reasonFields } from "../reasons";
import { emptyRecords, reasonLines } from "./importer";
import type { Importer } from "./importer";

/**
 * IATI activity XML (2.0x): transactions → flows, budgets → requirements, organizations named
 * in the file → organizations to review; every transaction and budget is taken or refused with
 * a reason (`detail.outcomes`).
 */
export const iatiImporter: Importer = {
  kind: "iati",
  label: "IATI activity XML (2.0x)",
  extensions: [".xml"],
  async import(files, options = {}) {
    const activities: IatiActivity[] = [];
    const fileOf = new Map<IatiActivity, string>();
    const problems = [];
    for (const file of files) {
      const parsed = await parseIatiXml(file.data, file.fileName);
      activities.push(...parsed.activities);
      for (const activity of parsed.activities) fileOf.set(activity, file.fileName);
      problems.push(...parsed.problems);
    }
    const mapped = applyIatiMapping(activities, options.iatiMapping ?? EMPTY_IATI_MAPPING);
    // An unknown currency is an input error, not a mapping decision: it refuses the file
    // (atomic) like any malformed value, rather than being one more refused transaction.
    const byIdentifier = new Map(activities.map((a) => [a.identifier, a]));
    for (const outcome of mapped.outcomes) {
      const unknown = /unknown currency code "([^"]*)"/.exec(outcome.reason ?? "");
      if (!unknown) continue;
      const activity = byIdentifier.get(outcome.activity);
      problems.push({
        file: (activity && fileOf.get(activity)) ?? files[0]?.fileName ?? "",
        line: outcome.line,
        column: "currency",
        value: unknown[1] ?? "",
        ...reasonFields(
          reason(
            outcome.element === "transaction"
              ? "iati_transaction_currency"
              : "iati_budget_currency",
            { index: outcome.index + 1, activity: outcome.activity },
          ),
        ),
      });
    }
    const records = emptyRecords();
    records.flows = mapped.flows;
    records.requirements = mapped.requirements;
    records.organizations = mapped.organizations;
    const refused = mapped.outcomes.filter((o) => !o.taken);
    return {
      kind: "iati",
      fileNames: files.map((f) => f.fileName),
      records,
      problems,
      rejects: [],
      report: {
        read: mapped.outcomes.length,
        taken: mapped.outcomes.length - refused.length,
        refused: refused.length,
        mapped: [
          { what: "transactions → flows", count: mapped.flows.length },
          { what: "budgets → requirements", count: mapped.requirements.length },
          {
            what: "organizations not in the mapping (code = IATI ref, to review)",
            count: mapped.organizations.length,
          },
          {
            what: "activities not mapped to an operation",
            count: mapped.unmappedActivities.length,
          },
        ],
        notMapped: [
          ...reasonLines(
            "transaction",
            refused.filter((o) => o.element === "transaction").map((o) => o.reason ?? ""),
          ),
          ...reasonLines(
            "budget",
            refused.filter((o) => o.element === "budget").map((o) => o.reason ?? ""),
          ),
        ],
      },
      detail: {
        activities,
        outcomes: mapped.outcomes,
        unmappedActivities: mapped.unmappedActivities,
      },
    };
  },
};
