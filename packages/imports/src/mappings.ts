// The stored, editable FTS and IATI mappings (interchange's FtsMapping / IatiMapping as JSON),
// read by every FTS or IATI import and changed through optimistic concurrency, audited.
import type { Kysely } from "kysely";
import { z } from "zod";
import { FUNDING_TYPES } from "@coherence/funding-model";
import { writeAudit } from "@coherence/db";
import type { Database } from "@coherence/db";
import { EMPTY_FTS_MAPPING, EMPTY_IATI_MAPPING } from "@coherence/interchange";
import type { FtsMapping, IatiMapping } from "@coherence/interchange";

const match = { id: z.string().min(1).optional(), name: z.string().min(1).optional() };

export const ftsMappingSchema = z.object({
  organizations: z.array(z.object({ ...match, organization: z.string().min(1) })),
  operations: z.array(
    z.object({
      ...match,
      type: z.enum(["Plan", "Location", "Emergency"]),
      operation: z.string().min(1),
    }),
  ),
  tasks: z.array(
    z.object({
      ...match,
      type: z.enum(["GlobalCluster", "Cluster", "Project"]),
      operation: z.string().min(1),
      taskCode: z.string().min(1),
    }),
  ),
  fundingType: z.enum(FUNDING_TYPES).optional(),
  boundaries: z.array(z.enum(["incoming", "internal", "outgoing"])).optional(),
  includeShared: z.boolean().optional(),
});

export const iatiMappingSchema = z.object({
  organizations: z.array(
    z.object({
      ref: z.string().min(1).optional(),
      name: z.string().min(1).optional(),
      organization: z.string().min(1),
    }),
  ),
  activities: z.array(
    z.object({
      identifier: z.string().min(1).optional(),
      identifierPrefix: z.string().min(1).optional(),
      operation: z.string().min(1),
      taskCode: z.string().min(1).optional(),
    }),
  ),
  fundingType: z.enum(FUNDING_TYPES).optional(),
});

export interface MappingKinds {
  fts: FtsMapping;
  iati: IatiMapping;
}
export type MappingKind = keyof MappingKinds;

const EMPTY: MappingKinds = { fts: EMPTY_FTS_MAPPING, iati: EMPTY_IATI_MAPPING };
const SCHEMAS = { fts: ftsMappingSchema, iati: iatiMappingSchema };

/**
 * The stored mapping of a kind and its version (0 and the empty mapping when none is stored).
 * @example const { mapping, version } = await readMapping(db, "fts");
 */
export async function readMapping<K extends MappingKind>(
  db: Kysely<Database>,
  kind: K,
): Promise<{ mapping: MappingKinds[K]; version: number }> {
  const row = await db
    .selectFrom("import_mappings")
    .selectAll()
    .where("kind", "=", kind)
    .executeTakeFirst();
  if (!row) return { mapping: EMPTY[kind], version: 0 };
  return { mapping: JSON.parse(row.mapping_json) as MappingKinds[K], version: row.version };
}

/** The stored mapping changed since the caller read it. */
export class MappingConflictError extends Error {
  constructor(
    readonly version: number,
    readonly updatedBy: string | null,
    readonly updatedAt: string | null,
  ) {
    super(
      `The mapping was changed by ${updatedBy ?? "someone else"} at ${updatedAt ?? "?"} (now version ${version})`,
    );
    this.name = "MappingConflictError";
  }
}

/** Thrown for a mapping that does not have the documented shape. */
export class InvalidMappingError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid mapping: ${issues.join("; ")}`);
    this.name = "InvalidMappingError";
  }
}

/**
 * Replace the stored mapping if it is still at `expectedVersion` (0 = none stored yet); returns
 * the new version. @throws InvalidMappingError, MappingConflictError
 * @example await writeMapping(db, "fts", mapping, 0, "cli:ana");
 */
export async function writeMapping(
  db: Kysely<Database>,
  kind: MappingKind,
  mapping: unknown,
  expectedVersion: number,
  actor: string,
  userId: number | null = null,
  now: Date = new Date(),
): Promise<number> {
  const parsed = SCHEMAS[kind].safeParse(mapping);
  if (!parsed.success)
    throw new InvalidMappingError(
      parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
    );
  const json = JSON.stringify(parsed.data);
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom("import_mappings")
      .selectAll()
      .where("kind", "=", kind)
      .executeTakeFirst();
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== expectedVersion)
      throw new MappingConflictError(
        currentVersion,
        current?.updated_by ?? null,
        current?.updated_at ?? null,
      );
    if (!current)
      await trx
        .insertInto("import_mappings")
        .values({ kind, mapping_json: json, updated_at: now.toISOString(), updated_by: actor })
        .execute();
    else
      await trx
        .updateTable("import_mappings")
        .set({
          mapping_json: json,
          version: currentVersion + 1,
          updated_at: now.toISOString(),
          updated_by: actor,
        })
        .where("kind", "=", kind)
        .where("version", "=", currentVersion)
        .execute();
    await writeAudit(trx, {
      actor,
      userId,
      action: current ? "update" : "create",
      table: "import_mappings",
      recordId: kind,
      before: current ? (JSON.parse(current.mapping_json) as unknown) : null,
      after: parsed.data,
    });
    return currentVersion + 1;
  });
}
