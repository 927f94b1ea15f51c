import type { Kysely } from "kysely";
import type { Database, Operation } from "../schema";

export async function listOperations(db: Kysely<Database>): Promise<Operation[]> {
  return db.selectFrom("operations").selectAll().orderBy("code").execute();
}

export async function findOperationByCode(
  db: Kysely<Database>,
  code: string,
): Promise<Operation | undefined> {
  return db.selectFrom("operations").selectAll().where("code", "=", code).executeTakeFirst();
}

export async function findOrganizationByCode(db: Kysely<Database>, code: string) {
  return db.selectFrom("organizations").selectAll().where("code", "=", code).executeTakeFirst();
}
