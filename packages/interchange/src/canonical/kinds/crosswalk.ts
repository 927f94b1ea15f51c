import { COMMON_CATEGORIES, validateCrosswalk } from "@coherence/funding-model";
import type { CrosswalkIssue } from "@coherence/funding-model";
import type { CrosswalkRecord } from "../../records";
import { reason } from "../../reasons";
import type { Reason } from "../../reasons";
import { column } from "../spec";
import type { GroupIssue, KindSpec } from "../spec";

const COMMON_CODES = COMMON_CATEGORIES.map((c) => c.code);
const SHARE = /^(?:\d+(?:\.\d+)?|\d+\/\d+)$/;

function groupKey(r: CrosswalkRecord): string {
  return `${r.taxonomy}\u0000${r.category}`;
}

/** One issue of a category's shares, with where the category is, as a reason of its own. */
function issueReason(
  issue: CrosswalkIssue,
  where: { category: string; taxonomy: string; lines: string },
): Reason {
  switch (issue.problem) {
    case "sum":
      return reason("crosswalk_sum", { ...where, sum: issue.sum ?? "" });
    case "share_range":
      return reason("crosswalk_share_range", { ...where, share: issue.share ?? "" });
    case "listed_twice":
      return reason("crosswalk_listed_twice", { ...where, common: issue.commonCode ?? "" });
    case "unknown_common":
      return reason("crosswalk_unknown_common", { ...where, common: issue.commonCode ?? "" });
  }
}

/**
 * crosswalk: `taxonomy,category,common_category,share`; key: (taxonomy, category,
 * common_category). The shares of each (taxonomy, category) must sum to exactly 1 (exact
 * rational arithmetic: a share may be a decimal "0.25" or a fraction "1/3").
 */
export const crosswalkSpec: KindSpec<"crosswalk"> = {
  kind: "crosswalk",
  columns: [
    column("taxonomy", "text"),
    column("category", "text"),
    column("common_category", "enum"),
    column("share", "decimal"),
  ],
  parse(row) {
    const taxonomy = row.code("taxonomy");
    const category = row.code("category");
    const commonCategory = row.enumOf("common_category", COMMON_CODES);
    let share = row.raw("share").trim();
    if (share === "") row.report("share", row.raw("share"), reason("required_empty"));
    else {
      if (row.decimalComma && /^\d+,\d+$/.test(share)) share = share.replace(",", ".");
      if (!SHARE.test(share)) row.report("share", row.raw("share"), reason("not_a_share"));
      else if (/^0*(?:\.0*)?$/.test(share) || /^0+\/|\/0+$/.test(share))
        row.report("share", row.raw("share"), reason("share_positive"));
    }
    if (!row.ok) return null;
    return {
      line: row.line,
      taxonomy: taxonomy!,
      category: category!,
      commonCategory: commonCategory!,
      share,
    };
  },
  key: (r) => `${groupKey(r)}\u0000${r.commonCategory}`,
  keyColumns: ["taxonomy", "category", "common_category"],
  checkAll(records) {
    const issues: GroupIssue<CrosswalkRecord>[] = [];
    const groups = new Map<string, CrosswalkRecord[]>();
    for (const r of records) {
      const list = groups.get(groupKey(r));
      if (list) list.push(r);
      else groups.set(groupKey(r), [r]);
    }
    for (const list of groups.values()) {
      const found = validateCrosswalk(
        list.map((r) => ({
          taxonomy: r.taxonomy,
          categoryCode: r.category,
          commonCode: r.commonCategory,
          share: r.share,
        })),
      );
      if (found.length === 0) continue;
      const where = {
        category: list[0]!.category,
        taxonomy: list[0]!.taxonomy,
        lines: list.map((r) => r.line).join(", "),
      };
      found.forEach((f, i) => {
        const why = issueReason(f, where);
        for (const record of list)
          issues.push({
            record,
            column: "share",
            value: record.share,
            reason: why,
            group: `${groupKey(list[0]!)}\u0000${i}`,
          });
      });
    }
    return issues;
  },
  cells: (r) => [r.taxonomy, r.category, r.commonCategory, r.share],
};
