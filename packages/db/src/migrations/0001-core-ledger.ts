// Operations, mandates with ranked priority tasks, organizations, requirements, funding flows
// with their status history, and exchange rates: the core of the ledger.
import type { Kysely } from "kysely";
import { sql } from "kysely";
import { columnTypes } from "./column-types";

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable("organizations")
    .addColumn("id", t.idType, t.id)
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) =>
      c
        .notNull()
        .check(sql`kind in ('member_state','un_entity','pooled_fund','other_donor','partner')`),
    )
    .addColumn("fiscal_year_start_month", "integer", (c) =>
      c.notNull().check(sql`fiscal_year_start_month between 1 and 12`),
    )
    .addColumn("currency", "text", (c) => c.notNull().check(sql`length(currency) = 3`))
    .addColumn("taxonomy", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn("updated_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();

  await db.schema
    .createTable("operations")
    .addColumn("id", t.idType, t.id)
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("country", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn("updated_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();

  await db.schema
    .createTable("mandates")
    .addColumn("id", t.idType, t.id)
    .addColumn("operation_id", t.idType, (c) => c.notNull().references("operations.id"))
    .addColumn("resolution", "text", (c) => c.notNull())
    .addColumn("adopted_on", t.date, (c) => c.notNull())
    .addColumn("period_start", t.date, (c) => c.notNull())
    .addColumn("period_end", t.date, (c) => c.notNull())
    .addColumn("military_ceiling", "integer")
    .addColumn("police_ceiling", "integer")
    .addColumn("superseded_by_id", t.idType, (c) => c.references("mandates.id"))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn("updated_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addUniqueConstraint("mandates_operation_resolution_unique", ["operation_id", "resolution"])
    .addCheckConstraint("mandates_period_order", sql`period_start <= period_end`)
    .execute();

  await db.schema
    .createTable("priority_tasks")
    .addColumn("id", t.idType, t.id)
    .addColumn("mandate_id", t.idType, (c) => c.notNull().references("mandates.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("rank", "integer", (c) => c.notNull().check(sql`rank >= 1`))
    .addUniqueConstraint("priority_tasks_mandate_code_unique", ["mandate_id", "code"])
    .addUniqueConstraint("priority_tasks_mandate_rank_unique", ["mandate_id", "rank"])
    .execute();

  await db.schema
    .createTable("requirements")
    .addColumn("id", t.idType, t.id)
    .addColumn("external_ref", "text", (c) => c.notNull())
    .addColumn("operation_id", t.idType, (c) => c.notNull().references("operations.id"))
    .addColumn("entity_id", t.idType, (c) => c.notNull().references("organizations.id"))
    .addColumn("task_code", "text")
    .addColumn("category", "text")
    .addColumn("period_start", t.date, (c) => c.notNull())
    .addColumn("period_end", t.date, (c) => c.notNull())
    .addColumn("stage", "text", (c) =>
      c
        .notNull()
        .check(sql`stage in ('proposed','recommended','appropriated','revised','expended')`),
    )
    .addColumn("amount", t.money, (c) => c.notNull().check(sql`amount >= 0`))
    .addColumn("currency", "text", (c) => c.notNull().check(sql`length(currency) = 3`))
    .addColumn("amount_usd_cents", t.money, (c) => c.notNull().check(sql`amount_usd_cents >= 0`))
    .addColumn("units_per_usd", "text", (c) => c.notNull())
    .addColumn("rate_origin", "text", (c) =>
      c.notNull().check(sql`rate_origin in ('identity','rate_table','source')`),
    )
    .addColumn("document", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("deleted_at", t.timestamp)
    .addColumn("created_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn("updated_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addUniqueConstraint("requirements_ref_stage_unique", ["external_ref", "stage"])
    .addCheckConstraint("requirements_period_order", sql`period_start <= period_end`)
    .execute();
  await db.schema
    .createIndex("requirements_operation_idx")
    .on("requirements")
    .columns(["operation_id", "task_code"])
    .execute();

  await db.schema
    .createTable("flows")
    .addColumn("id", t.idType, t.id)
    .addColumn("external_ref", "text", (c) => c.unique())
    .addColumn("source_id", t.idType, (c) => c.notNull().references("organizations.id"))
    .addColumn("recipient_id", t.idType, (c) => c.notNull().references("organizations.id"))
    .addColumn("operation_id", t.idType, (c) => c.references("operations.id"))
    .addColumn("task_code", "text")
    .addColumn("funding_type", "text", (c) =>
      c
        .notNull()
        .check(sql`funding_type in ('assessed','voluntary_core','voluntary_earmarked','pooled')`),
    )
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('pledged','committed','paid')`),
    )
    .addColumn("status_date", t.date, (c) => c.notNull())
    .addColumn("amount", t.money, (c) => c.notNull().check(sql`amount >= 0`))
    .addColumn("currency", "text", (c) => c.notNull().check(sql`length(currency) = 3`))
    .addColumn("amount_usd_cents", t.money, (c) => c.notNull().check(sql`amount_usd_cents >= 0`))
    .addColumn("units_per_usd", "text", (c) => c.notNull())
    .addColumn("rate_origin", "text", (c) =>
      c.notNull().check(sql`rate_origin in ('identity','rate_table','source')`),
    )
    .addColumn("period_start", t.date, (c) => c.notNull())
    .addColumn("period_end", t.date, (c) => c.notNull())
    .addColumn("earmarking", "text", (c) =>
      c.check(
        sql`earmarking is null or earmarking in ('unearmarked','softly_earmarked','earmarked','tightly_earmarked')`,
      ),
    )
    .addColumn("category", "text")
    .addColumn("notes", "text")
    .addColumn("provenance", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("deleted_at", t.timestamp)
    .addColumn("created_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn("updated_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addCheckConstraint("flows_period_order", sql`period_start <= period_end`)
    .execute();
  await db.schema
    .createIndex("flows_operation_idx")
    .on("flows")
    .columns(["operation_id", "task_code"])
    .execute();

  await db.schema
    .createTable("flow_status_history")
    .addColumn("id", t.idType, t.id)
    .addColumn("flow_id", t.idType, (c) => c.notNull().references("flows.id"))
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('pledged','committed','paid')`),
    )
    .addColumn("status_date", t.date, (c) => c.notNull())
    .addColumn("amount", t.money, (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("amount_usd_cents", t.money, (c) => c.notNull())
    .addColumn("recorded_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await db.schema
    .createIndex("flow_status_history_flow_idx")
    .on("flow_status_history")
    .column("flow_id")
    .execute();

  await db.schema
    .createTable("exchange_rates")
    .addColumn("currency", "text", (c) => c.notNull().check(sql`length(currency) = 3`))
    .addColumn("effective_date", t.date, (c) => c.notNull())
    .addColumn("units_per_usd", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("exchange_rates_pk", ["currency", "effective_date"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "exchange_rates",
    "flow_status_history",
    "flows",
    "requirements",
    "priority_tasks",
    "mandates",
    "operations",
    "organizations",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
