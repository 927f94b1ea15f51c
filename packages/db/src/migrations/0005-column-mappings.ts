// The column mappings the import wizard remembers: for one source (the organization whose
// files they are) and one canonical kind, which of the file's headers holds which canonical
// column, so that the next file from the same source comes pre-mapped.
import type { Kysely } from "kysely";
import { sql } from "kysely";
import { columnTypes } from "./column-types";

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable("column_mappings")
    .addColumn("id", t.idType, t.id)
    .addColumn("source_id", t.idType, (c) => c.notNull().references("organizations.id"))
    .addColumn("kind", "text", (c) =>
      c
        .notNull()
        .check(
          sql`kind in ('organizations','mandates','requirements','flows','rates','crosswalk','scales')`,
        ),
    )
    .addColumn("mapping_json", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn("updated_by", "text")
    .addUniqueConstraint("column_mappings_source_kind", ["source_id", "kind"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("column_mappings").execute();
}
