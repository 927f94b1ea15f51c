// OCHA FTS on the database. Every FTS flow read is kept in `fts_flows` (incoming, shared,
// internal and outgoing alike, keyed by FTS id, newest versionId wins), so FTS's own totals are
// recomputed from what is stored; the flows the mapping takes (by default the incoming flows
// wholly inside the boundary: new money) become ledger flows keeping FTS's amountUSD and rate.
// Shared flows (spanning several locations or years) and internal flows (transfers inside the
// plan, never new money) are reported apart and never counted as funding.
import type { Kysely } from "kysely";
import type { Database } from "@coherence/db";
import { ftsVersionReplaces } from "@coherence/interchange";
import type { FlowRecord, FtsFlow, FtsUnmapped } from "@coherence/interchange";
import type { ImportContext, RowRef } from "../context";
import type { FtsStoredTotals } from "../types";
import { applyFlows } from "./flows";

type MappedFlow = FlowRecord & { ftsVersionId: number | null };

const names = (objects: FtsFlow["sourceObjects"]) =>
  objects
    .filter((o) => o.type === "Organization")
    .map((o) => o.name)
    .join("; ");

export async function applyFts(
  ctx: ImportContext,
  ftsFlows: readonly FtsFlow[],
  mapped: readonly MappedFlow[],
  unmapped: readonly FtsUnmapped[],
): Promise<void> {
  const byId = new Map(ftsFlows.map((f) => [f.id, f]));
  const rows: RowRef<"flows">[] = mapped.map((record) => {
    const fts = byId.get(record.externalRef.slice("fts:".length));
    return {
      kind: "flows",
      file: fts?.file ?? "fts",
      line: fts?.line ?? null,
      record,
    };
  });
  const ids = new Map<string, number>();
  await applyFlows(ctx, rows, {
    provenance: "fts",
    sourceVersions: new Map(mapped.map((m) => [m.externalRef, m.ftsVersionId])),
    ids,
  });
  const reasons = new Map(unmapped.map((u) => [u.id, u.reason]));

  const stored = await ctx.trx.selectFrom("fts_flows").selectAll().execute();
  const storedById = new Map(stored.map((s) => [s.fts_id, s]));
  for (const flow of ftsFlows) {
    const ref = `fts:${flow.id}`;
    const values = {
      fts_id: flow.id,
      version_id: flow.versionId,
      status: flow.status,
      boundary: flow.boundary,
      on_boundary: flow.onBoundary,
      amount_usd_cents: flow.amountUsdCents,
      original_amount: flow.originalAmount,
      original_currency: flow.originalCurrency,
      exchange_rate: flow.exchangeRate,
      date: flow.date,
      source_names: names(flow.sourceObjects),
      destination_names: names(flow.destinationObjects),
      parent_flow_id: flow.parentFlowId,
      flow_id: ids.get(ref) ?? null,
      not_taken_reason: ids.has(ref)
        ? null
        : (reasons.get(flow.id) ?? ctx.failedKeys.get(`flows\u0000${ref}`) ?? "not taken"),
      file_name: flow.file,
    };
    const row = { file: flow.file, line: flow.line };
    const current = storedById.get(flow.id);
    if (!current) {
      const created = await ctx.trx
        .insertInto("fts_flows")
        .values(values)
        .returningAll()
        .executeTakeFirstOrThrow();
      ctx.audit({
        action: "create",
        table: "fts_flows",
        recordId: String(created.id),
        before: null,
        after: created,
      });
      ctx.count("fts_flows", "create", flow.id, row);
      continue;
    }
    if (
      current.version_id !== null &&
      flow.versionId !== null &&
      !ftsVersionReplaces(current.version_id, flow.versionId)
    ) {
      ctx.count("fts_flows", "unchanged", flow.id, row);
      continue;
    }
    const changed = Object.entries(values).some(
      ([k, v]) => k !== "file_name" && current[k as keyof typeof current] !== v,
    );
    if (!changed) {
      ctx.count("fts_flows", "unchanged", flow.id, row);
      continue;
    }
    await ctx.trx.updateTable("fts_flows").set(values).where("id", "=", current.id).execute();
    ctx.audit({
      action: "update",
      table: "fts_flows",
      recordId: String(current.id),
      before: current,
      after: { ...current, ...values },
    });
    ctx.count("fts_flows", "update", flow.id, row);
  }
  await ctx.flushAudit();
}

/**
 * FTS's own totals recomputed from the stored FTS flows: incoming funding (commitment or paid)
 * and pledges over the incoming flows wholly inside the boundary; shared, internal and outgoing
 * flows apart; and what of it is in the ledger.
 * @example (await ftsStoredTotals(db)).incoming.fundingUsdCents // → 38150817900 for the oPt 2020 pages
 */
export async function ftsStoredTotals(db: Kysely<Database>): Promise<FtsStoredTotals> {
  const rows = await db.selectFrom("fts_flows").selectAll().execute();
  const totals: FtsStoredTotals = {
    incoming: { fundingUsdCents: 0, pledgesUsdCents: 0, flowCount: 0 },
    incomingShared: { usdCents: 0, flowCount: 0 },
    internal: { usdCents: 0, flowCount: 0 },
    outgoing: { usdCents: 0, flowCount: 0 },
    inLedger: { flowCount: 0, fundedUsdCents: 0, pledgedUsdCents: 0 },
  };
  for (const r of rows) {
    if (r.boundary === "internal") {
      totals.internal.usdCents += r.amount_usd_cents;
      totals.internal.flowCount++;
    } else if (r.boundary === "outgoing") {
      totals.outgoing.usdCents += r.amount_usd_cents;
      totals.outgoing.flowCount++;
    } else if (r.on_boundary === "shared") {
      totals.incomingShared.usdCents += r.amount_usd_cents;
      totals.incomingShared.flowCount++;
    } else {
      totals.incoming.flowCount++;
      if (r.status === "pledge") totals.incoming.pledgesUsdCents += r.amount_usd_cents;
      else totals.incoming.fundingUsdCents += r.amount_usd_cents;
    }
  }
  const ledger = await db
    .selectFrom("flows")
    .select(["status", "amount_usd_cents"])
    .where("provenance", "=", "fts")
    .where("deleted_at", "is", null)
    .execute();
  for (const f of ledger) {
    totals.inLedger.flowCount++;
    if (f.status === "pledged") totals.inLedger.pledgedUsdCents += f.amount_usd_cents;
    else totals.inLedger.fundedUsdCents += f.amount_usd_cents;
  }
  return totals;
}
