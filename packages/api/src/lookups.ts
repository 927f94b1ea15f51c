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

/** A task code must belong to some mandate of the operation. */
export async function assertTaskOfOperation(
  db: Kysely<Database>,
  field: string,
  operation: number,
  taskCode: string,
): Promise<void> {
  const row = await db
    .selectFrom("priority_tasks")
    .innerJoin("mandates", "mandates.id", "priority_tasks.mandate_id")
    .select("priority_tasks.id")
    .where("mandates.operation_id", "=", operation)
    .where("priority_tasks.code", "=", taskCode)
    .executeTakeFirst();
  if (!row) throw fieldError(field, apiMessage("unknown_task", { task: taskCode }));
}
