// Users, roles and their scope; sessions, API tokens and login throttling; the append-only
// audit log; category taxonomies and crosswalks; scales of assessment; import runs; and who
// last changed each mutable record.
import type { Kysely } from "kysely";
import { sql } from "kysely";
import { columnTypes, engineOf } from "./column-types";

const MUTABLE_TABLES = ["organizations", "operations", "mandates", "requirements", "flows"];

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  const pg = engineOf(db) === "postgres";

  for (const table of MUTABLE_TABLES) {
    await db.schema.alterTable(table).addColumn("updated_by", "text").execute();
  }
  await db.schema
    .alterTable("operations")
    .addColumn("kind", "text", (c) =>
      c
        .notNull()
        .defaultTo("peacekeeping")
        .check(sql`kind in ('peacekeeping','special_political','country_team')`),
    )
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", t.idType, t.id)
    .addColumn("username", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) =>
      c.notNull().check(sql`role in ('admin','finance_officer','reviewer')`),
    )
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn("updated_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();

  // A finance officer writes only where an assignment matches: an operation (any entity in
  // it), an entity (in any operation), or both.
  await db.schema
    .createTable("user_assignments")
    .addColumn("id", t.idType, t.id)
    .addColumn("user_id", t.idType, (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("operation_id", t.idType, (c) => c.references("operations.id"))
    .addColumn("entity_id", t.idType, (c) => c.references("organizations.id"))
    .addCheckConstraint(
      "user_assignments_scope",
      sql`operation_id is not null or entity_id is not null`,
    )
    .execute();

  // Only hashes of session ids and API tokens are stored: a database leak yields no live
  // credential.
  await db.schema
    .createTable("sessions")
    .addColumn("id_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", t.idType, (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("last_seen_at", t.timestamp, (c) => c.notNull())
    .addColumn("expires_at", t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("api_tokens")
    .addColumn("id", t.idType, t.id)
    .addColumn("user_id", t.idType, (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("expires_at", t.timestamp)
    .addColumn("last_used_at", t.timestamp)
    .addColumn("revoked_at", t.timestamp)
    .execute();

  await db.schema
    .createTable("login_attempts")
    .addColumn("id", t.idType, t.id)
    .addColumn("username", "text", (c) => c.notNull())
    .addColumn("client", "text", (c) => c.notNull())
    .addColumn("at", t.timestamp, (c) => c.notNull())
    .addColumn("succeeded", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("login_attempts_username_idx")
    .on("login_attempts")
    .columns(["username", "at"])
    .execute();

  await db.schema
    .createTable("imports")
    .addColumn("id", t.idType, t.id)
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("at", t.timestamp, (c) => c.notNull())
    .addColumn("mode", "text", (c) => c.notNull().check(sql`mode in ('atomic','partial')`))
    .addColumn("counts_json", "text", (c) => c.notNull())
    .addColumn("undone_at", t.timestamp)
    .addColumn("undone_by", "text")
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", t.idType, t.id)
    .addColumn("at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("user_id", t.idType)
    .addColumn("action", "text", (c) =>
      c.notNull().check(sql`action in ('create','update','delete','restore','status')`),
    )
    .addColumn("table_name", "text", (c) => c.notNull())
    .addColumn("record_id", "text", (c) => c.notNull())
    .addColumn("before_json", "text")
    .addColumn("after_json", "text")
    .addColumn("import_id", t.idType, (c) => c.references("imports.id"))
    .execute();
  await db.schema
    .createIndex("audit_log_record_idx")
    .on("audit_log")
    .columns(["table_name", "record_id"])
    .execute();

  // The audit log is append-only, enforced by the database itself.
  if (pg) {
    await sql`
      create function audit_log_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_log is append-only';
      end;
      $$`.execute(db);
    await sql`create trigger audit_log_no_update before update or delete on audit_log
      for each row execute function audit_log_append_only()`.execute(db);
    await sql`create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only()`.execute(db);
  } else {
    await sql`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  }

  await db.schema
    .createTable("taxonomies")
    .addColumn("id", t.idType, t.id)
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("categories")
    .addColumn("id", t.idType, t.id)
    .addColumn("taxonomy_id", t.idType, (c) => c.notNull().references("taxonomies.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addUniqueConstraint("categories_taxonomy_code_unique", ["taxonomy_id", "code"])
    .execute();

  // Shares are exact decimal strings; the application checks on write that the shares of
  // one category sum to exactly 1.
  await db.schema
    .createTable("crosswalk_shares")
    .addColumn("category_id", t.idType, (c) =>
      c.notNull().references("categories.id").onDelete("cascade"),
    )
    .addColumn("common_category", "text", (c) =>
      c
        .notNull()
        .check(
          sql`common_category in ('UNSDG-1','UNSDG-2','UNSDG-3','UNSDG-4','UNSDG-5','UNSDG-6','UNSDG-7','UNSDG-8')`,
        ),
    )
    .addColumn("share", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("crosswalk_shares_pk", ["category_id", "common_category"])
    .execute();

  await db.schema
    .createTable("scale_rates")
    .addColumn("id", t.idType, t.id)
    .addColumn("scale", "text", (c) => c.notNull())
    .addColumn("member_state_id", t.idType, (c) => c.notNull().references("organizations.id"))
    .addColumn("period_start", t.date, (c) => c.notNull())
    .addColumn("period_end", t.date, (c) => c.notNull())
    .addColumn("rate_percent", "text", (c) => c.notNull())
    .addUniqueConstraint("scale_rates_unique", ["scale", "member_state_id", "period_start"])
    .addCheckConstraint("scale_rates_period_order", sql`period_start <= period_end`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "scale_rates",
    "crosswalk_shares",
    "categories",
    "taxonomies",
    "audit_log",
    "imports",
    "login_attempts",
    "api_tokens",
    "sessions",
    "user_assignments",
    "users",
  ]) {
    await db.schema.dropTable(table).execute();
  }
  if (engineOf(db) === "postgres") await sql`drop function audit_log_append_only()`.execute(db);
  await db.schema.alterTable("operations").dropColumn("kind").execute();
  for (const table of MUTABLE_TABLES) {
    await db.schema.alterTable(table).dropColumn("updated_by").execute();
  }
}
