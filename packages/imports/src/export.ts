// Exports of every table in the canonical formats (CSV streamed page by page, or XLSX) through
// interchange's writers, so that an export imports back as the same records; and of the gaps
// report. Soft-deleted records are not exported.
import ExcelJS from "exceljs";
import type { Kysely } from "kysely";
import type { Database } from "@coherence/db";
import { csvLine, exportCsvChunks, exportXlsx, neutralise } from "@coherence/interchange";
import type { CanonicalKind, CanonicalRecords } from "@coherence/interchange";
import type { GapsJson } from "@coherence/reports";

const PAGE = 5000;

async function codes(db: Kysely<Database>) {
  const [orgs, ops] = await Promise.all([
    db.selectFrom("organizations").select(["id", "code"]).execute(),
    db.selectFrom("operations").select(["id", "code", "name", "country"]).execute(),
  ]);
  return {
    org: new Map(orgs.map((o) => [o.id, o.code])),
    op: new Map(ops.map((o) => [o.id, o])),
  };
}

/**
 * The stored records of a canonical kind, as interchange's records (line = position).
 * @example for await (const flow of exportRecords(db, "flows")) console.log(flow.externalRef);
 */
export async function* exportRecords<K extends CanonicalKind>(
  db: Kysely<Database>,
  kind: K,
): AsyncGenerator<CanonicalRecords[K]> {
  const { org, op } = await codes(db);
  const orgCode = (id: number) => org.get(id) ?? `#${id}`;
  let line = 1;
  const emit = (record: Omit<CanonicalRecords[K], "line">) =>
    ({ ...record, line: ++line }) as CanonicalRecords[K];
  switch (kind) {
    case "organizations": {
      const rows = await db.selectFrom("organizations").selectAll().orderBy("code").execute();
      for (const r of rows)
        yield emit({
          code: r.code,
          name: r.name,
          kind: r.kind,
          fiscalYearStartMonth: r.fiscal_year_start_month,
          currency: r.currency,
          taxonomy: r.taxonomy,
        } as never);
      return;
    }
    case "rates": {
      const rows = await db
        .selectFrom("exchange_rates")
        .selectAll()
        .orderBy("currency")
        .orderBy("effective_date")
        .execute();
      for (const r of rows)
        yield emit({
          currency: r.currency,
          unitsPerUsd: r.units_per_usd,
          effectiveDate: r.effective_date,
        } as never);
      return;
    }
    case "mandates": {
      const rows = await db
        .selectFrom("priority_tasks")
        .innerJoin("mandates", "mandates.id", "priority_tasks.mandate_id")
        .selectAll("mandates")
        .select(["priority_tasks.code as task_code", "priority_tasks.title", "priority_tasks.rank"])
        .orderBy("mandates.operation_id")
        .orderBy("mandates.adopted_on")
        .orderBy("priority_tasks.rank")
        .execute();
      for (const r of rows) {
        const operation = op.get(r.operation_id)!;
        yield emit({
          operation: operation.code,
          operationName: operation.name,
          country: operation.country,
          resolution: r.resolution,
          adoptedOn: r.adopted_on,
          periodStart: r.period_start,
          periodEnd: r.period_end,
          taskCode: r.task_code,
          taskTitle: r.title,
          rank: r.rank,
          militaryCeiling: r.military_ceiling,
          policeCeiling: r.police_ceiling,
        } as never);
      }
      return;
    }
    case "requirements": {
      const rows = await db
        .selectFrom("requirements")
        .selectAll()
        .where("deleted_at", "is", null)
        .orderBy("external_ref")
        .orderBy("id")
        .execute();
      for (const r of rows)
        yield emit({
          externalRef: r.external_ref,
          operation: op.get(r.operation_id)?.code ?? `#${r.operation_id}`,
          entity: orgCode(r.entity_id),
          taskCode: r.task_code,
          category: r.category,
          periodStart: r.period_start,
          periodEnd: r.period_end,
          stage: r.stage,
          amountMinor: r.amount,
          currency: r.currency,
          document: r.document,
        } as never);
      return;
    }
    case "flows": {
      let after = 0;
      for (;;) {
        const rows = await db
          .selectFrom("flows")
          .selectAll()
          .where("deleted_at", "is", null)
          .where("id", ">", after)
          .orderBy("id")
          .limit(PAGE)
          .execute();
        if (rows.length === 0) return;
        after = rows[rows.length - 1]!.id;
        for (const f of rows)
          yield emit({
            externalRef: f.external_ref ?? `coherence:${f.id}`,
            source: orgCode(f.source_id),
            recipient: orgCode(f.recipient_id),
            operation: f.operation_id === null ? null : (op.get(f.operation_id)?.code ?? null),
            taskCode: f.task_code,
            fundingType: f.funding_type,
            status: f.status,
            amountMinor: f.amount,
            currency: f.currency,
            date: f.status_date,
            periodStart: f.period_start,
            periodEnd: f.period_end,
            earmarking: f.earmarking as CanonicalRecords["flows"]["earmarking"],
            category: f.category,
            notes: f.notes,
            sourceConversion:
              f.rate_origin === "source"
                ? { amountUsdCents: f.amount_usd_cents, unitsPerUsd: f.units_per_usd }
                : null,
          } as never);
      }
    }
    case "crosswalk": {
      const rows = await db
        .selectFrom("crosswalk_shares")
        .innerJoin("categories", "categories.id", "crosswalk_shares.category_id")
        .innerJoin("taxonomies", "taxonomies.id", "categories.taxonomy_id")
        .select([
          "taxonomies.code as taxonomy",
          "categories.code as category",
          "crosswalk_shares.common_category",
          "crosswalk_shares.share",
        ])
        .orderBy("taxonomies.code")
        .orderBy("categories.code")
        .orderBy("crosswalk_shares.common_category")
        .execute();
      for (const r of rows)
        yield emit({
          taxonomy: r.taxonomy,
          category: r.category,
          commonCategory: r.common_category,
          share: r.share,
        } as never);
      return;
    }
    case "scales": {
      const rows = await db
        .selectFrom("scale_rates")
        .selectAll()
        .orderBy("scale")
        .orderBy("period_start")
        .orderBy("id")
        .execute();
      for (const r of rows)
        yield emit({
          scale: r.scale,
          memberState: orgCode(r.member_state_id),
          periodStart: r.period_start,
          periodEnd: r.period_end,
          ratePercent: r.rate_percent,
        } as never);
      return;
    }
  }
}

/**
 * A canonical CSV export, chunk by chunk (flat memory for a million flows).
 * @example for await (const chunk of exportCsvStream(db, "flows")) out.write(chunk);
 */
export async function* exportCsvStream(
  db: Kysely<Database>,
  kind: CanonicalKind,
  options: { bom?: boolean } = {},
): AsyncGenerator<string> {
  const state = { first: true };
  let page: CanonicalRecords[CanonicalKind][] = [];
  const flush = function* (records: CanonicalRecords[CanonicalKind][]) {
    let header = true;
    for (const chunk of exportCsvChunks(kind, records, options)) {
      if (header && !state.first) {
        header = false;
        continue;
      }
      header = false;
      yield chunk;
    }
    state.first = false;
  };
  for await (const record of exportRecords(db, kind)) {
    page.push(record);
    if (page.length >= PAGE) {
      yield* flush(page);
      page = [];
    }
  }
  if (page.length > 0 || state.first) yield* flush(page);
}

/** A canonical XLSX export (one sheet named after the kind). */
export async function exportXlsxBytes(
  db: Kysely<Database>,
  kind: CanonicalKind,
): Promise<Uint8Array> {
  const records: CanonicalRecords[CanonicalKind][] = [];
  for await (const record of exportRecords(db, kind)) records.push(record);
  return exportXlsx(kind, records);
}

const GAPS_COLUMNS = [
  "operation",
  "period_kind",
  "period_start",
  "period_end",
  "task_code",
  "rank",
  "title",
  "requirement",
  "pledged",
  "committed",
  "paid",
  "funded",
  "gap",
  "surplus",
  "coverage",
] as const;

function gapsCells(gaps: GapsJson): string[][] {
  return gaps.tasks.map((t) => [
    gaps.operation,
    gaps.period.kind,
    gaps.period.start,
    gaps.period.end,
    t.task_code ?? "",
    t.rank === null ? "" : String(t.rank),
    t.title,
    t.requirement,
    t.pledged,
    t.committed,
    t.paid,
    t.funded,
    t.gap,
    t.surplus,
    t.coverage ?? "",
  ]);
}

/** The gaps report as CSV (USD amounts as decimal strings; text neutralised against formulas). */
export function gapsCsv(gaps: GapsJson): string {
  let text = `\uFEFF${csvLine([...GAPS_COLUMNS])}\n`;
  for (const cells of gapsCells(gaps)) text += `${csvLine(cells.map((c) => neutralise(c)))}\n`;
  return text;
}

/** The gaps report as XLSX: amounts as number cells with two decimals, the rest as text. */
export async function gapsXlsx(gaps: GapsJson): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("gaps");
  sheet.addRow([...GAPS_COLUMNS]).font = { bold: true };
  for (const cells of gapsCells(gaps)) {
    const row = sheet.addRow(
      cells.map((c, i) =>
        i >= 7 && i <= 13 ? Number(c) : i === 5 && c !== "" ? Number(c) : neutralise(c),
      ),
    );
    for (let i = 8; i <= 14; i++) row.getCell(i).numFmt = "0.00";
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
