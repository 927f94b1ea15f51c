// Organizations, keyed by code. Reference data: the caller's canWrite hook sees table
// "organizations" with no operation or entity (the API lets only administrators through).
import type { Organization } from "@coherence/db";
import type { ImportContext, RowRef } from "../context";
import { createVersioned, differsFrom, updateVersionedRow } from "./versioned";
import { reason } from "@coherence/interchange";

export interface OrganizationOptions {
  /** Only create organizations that do not exist; never update (IATI's guessed organizations). */
  createOnly?: boolean;
}

export async function applyOrganizations(
  ctx: ImportContext,
  rows: readonly RowRef<"organizations">[],
  options: OrganizationOptions = {},
): Promise<void> {
  for (const row of rows) {
    const r = row.record;
    const values = {
      code: r.code,
      name: r.name,
      kind: r.kind,
      fiscal_year_start_month: r.fiscalYearStartMonth,
      currency: r.currency,
      taxonomy: r.taxonomy,
    };
    const current = ctx.organizations.get(r.code);
    if (current && (options.createOnly || !differsFrom(current, values))) {
      ctx.count("organizations", "unchanged", r.code, row);
      continue;
    }
    if (
      !ctx.canWrite({ table: "organizations", operationId: null, entityId: current?.id ?? null })
    ) {
      ctx.fail(row, "code", r.code, reason("admin_only_organizations"));
      continue;
    }
    if (!current) {
      const created = await createVersioned(ctx, "organizations", values);
      ctx.organizations.set(r.code, created as unknown as Organization);
      ctx.count("organizations", "create", r.code, row);
      continue;
    }
    const after = await updateVersionedRow(ctx, "organizations", row, "code", current, values);
    if (after) {
      ctx.organizations.set(r.code, after as unknown as Organization);
      ctx.count("organizations", "update", r.code, row);
    }
  }
  await ctx.flushAudit();
}
