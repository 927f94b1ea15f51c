// Resolving the codes users type into record ids, with errors that name the field.
import type { Kysely } from "kysely";
import type { Database } from "@coherence/db";
import { apiMessage } from "./messages";
import { fieldError } from "./trpc";

export async function organizationId(
  db: Kysely<Database>,
  field: string,
  codeValue: string,
): Promise<number> {
  const row = await db
    .selectFrom("organizations")
    .select("id")
    .where("code", "=", codeValue)
    .executeTakeFirst();
  if (!row) throw fieldError(field, apiMessage("unknown_organization", { code: codeValue }));
  return row.id;
}

export async function operationId(
  db: Kysely<Database>,
  field: string,
  codeValue: string,
): Promise<number> {
  const row = await db
    .selectFrom("operations")
    .select("id")
    .where("code", "=", codeValue)
    .executeTakeFirst();
  if (!row) throw fieldError(field, apiMessage("unknown_operation", { code: codeValue }));
  return row.id;
}
