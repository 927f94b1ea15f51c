// The column mappings the import wizard remembers per source organization and canonical kind:
// the next file from the same source comes with its columns already mapped. A remembered
// mapping grows: a new file's headers are added to (or replace) what was known, so a source
// whose files differ a little keeps every header it ever used.
import type { Kysely } from "kysely";
import { writeAudit } from "@coherence/db";
import type { Database } from "@coherence/db";
import type { CanonicalKind, ColumnMapping } from "@coherence/interchange";

export interface RememberedMapping {
  mapping: ColumnMapping;
  /** 0 when nothing is remembered yet. */
  version: number;
}

/**
 * The mapping remembered for files of `kind` from the organization `sourceId`.
 * @example const { mapping } = await readColumnMapping(db, undpId, "flows"); // { Montant: "amount", ... }
 */
export async function readColumnMapping(
  db: Kysely<Database>,
  sourceId: number,
  kind: CanonicalKind,
): Promise<RememberedMapping> {
  const row = await db
    .selectFrom("column_mappings")
    .select(["mapping_json", "version"])
    .where("source_id", "=", sourceId)
    .where("kind", "=", kind)
    .executeTakeFirst();
  if (!row) return { mapping: {}, version: 0 };
  return { mapping: JSON.parse(row.mapping_json) as ColumnMapping, version: row.version };
}

export interface RememberRequest {
  sourceId: number;
  kind: CanonicalKind;
  mapping: ColumnMapping;
  actor: string;
  userId?: number | null;
  now?: Date;
}

/**
 * Remember a confirmed mapping for the source and kind (merged over what was remembered; the
 * change audited). Returns the version now stored; unchanged mappings write nothing.
 * @example await rememberColumnMapping(db, { sourceId, kind: "flows", mapping, actor: "user:ana" });
 */
export async function rememberColumnMapping(
  db: Kysely<Database>,
  request: RememberRequest,
): Promise<number> {
  const at = (request.now ?? new Date()).toISOString();
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom("column_mappings")
      .selectAll()
      .where("source_id", "=", request.sourceId)
      .where("kind", "=", request.kind)
      .executeTakeFirst();
    const before = current ? (JSON.parse(current.mapping_json) as ColumnMapping) : null;
    const after: ColumnMapping = { ...before, ...request.mapping };
    if (current && JSON.stringify(before) === JSON.stringify(after)) return current.version;
    const json = JSON.stringify(after);
    let id: number;
    let version: number;
    if (!current) {
      const row = await trx
        .insertInto("column_mappings")
        .values({
          source_id: request.sourceId,
          kind: request.kind,
          mapping_json: json,
          updated_at: at,
          updated_by: request.actor,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      id = row.id;
      version = 1;
    } else {
      id = current.id;
      version = current.version + 1;
      await trx
        .updateTable("column_mappings")
        .set({ mapping_json: json, version, updated_at: at, updated_by: request.actor })
        .where("id", "=", current.id)
        .execute();
    }
    await writeAudit(trx, {
      actor: request.actor,
      userId: request.userId ?? null,
      action: current ? "update" : "create",
      table: "column_mappings",
      recordId: id,
      before: current ? { kind: request.kind, sourceId: request.sourceId, mapping: before } : null,
      after: { kind: request.kind, sourceId: request.sourceId, mapping: after },
    });
    return version;
  });
}
