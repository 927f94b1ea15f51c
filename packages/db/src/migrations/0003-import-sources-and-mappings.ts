// What the database side of imports needs beyond 0002: the source's own version of a flow (FTS
// `versionId`: an older or equal version never replaces a newer one), which import wrote each
// status-history entry (so undoing an import removes exactly its entries), every FTS flow as
// read (incoming, shared, internal and outgoing alike, so that FTS's own totals can be
// recomputed from what is stored and transfers are kept apart from new money), and the stored,
// editable FTS and IATI mappings.
import type { Kysely } from "kysely";
import { sql } from "kysely";
import { columnTypes } from "./column-types";

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);

  await db.schema.alterTable("flows").addColumn("source_version", "integer").execute();
  await db.schema
    .alterTable("flow_status_history")
    .addColumn("import_id", t.idType, (c) => c.references("imports.id"))
    .execute();

  await db.schema
    .createTable("fts_flows")
    .addColumn("id", t.idType, t.id)
    .addColumn("fts_id", "text", (c) => c.notNull().unique())
    .addColumn("version_id", "integer")
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('pledge','commitment','paid')`),
    )
    .addColumn("boundary", "text", (c) =>
      c.check(sql`boundary is null or boundary in ('incoming','internal','outgoing')`),
    )
    .addColumn("on_boundary", "text", (c) =>
      c.check(sql`on_boundary is null or on_boundary in ('single','shared')`),
    )
    .addColumn("amount_usd_cents", t.money, (c) => c.notNull().check(sql`amount_usd_cents >= 0`))
    .addColumn("original_amount", "text")
    .addColumn("original_currency", "text")
    .addColumn("exchange_rate", "text")
    .addColumn("date", t.date)
    .addColumn("source_names", "text", (c) => c.notNull())
    .addColumn("destination_names", "text", (c) => c.notNull())
    .addColumn("parent_flow_id", "text")
    .addColumn("flow_id", t.idType, (c) => c.references("flows.id"))
    .addColumn("not_taken_reason", "text")
    .addColumn("file_name", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("import_mappings")
    .addColumn("kind", "text", (c) => c.primaryKey().check(sql`kind in ('fts','iati')`))
    .addColumn("mapping_json", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn("updated_by", "text")
    .execute();

  await db.schema.createIndex("audit_log_import_idx").on("audit_log").column("import_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("audit_log_import_idx").execute();
  await db.schema.dropTable("import_mappings").execute();
  await db.schema.dropTable("fts_flows").execute();
  await db.schema.alterTable("flow_status_history").dropColumn("import_id").execute();
  await db.schema.alterTable("flows").dropColumn("source_version").execute();
}
