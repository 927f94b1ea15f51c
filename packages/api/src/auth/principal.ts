import type { Kysely } from "kysely";
import type { Database, Role } from "@coherence/db";

export interface Assignment {
  operationId: number | null;
  entityId: number | null;
}

/** Who is calling: a signed-in user, an API token's owner, or the command line. */
export interface Principal {
  userId: number | null;
  username: string;
  displayName: string;
  role: Role;
  assignments: Assignment[];
  via: "session" | "token" | "cli";
}

/** The active user with their assignments, or null when absent or deactivated. */
export async function loadPrincipal(
  db: Kysely<Database>,
  userId: number,
  via: Principal["via"],
): Promise<Principal | null> {
  const user = await db
    .selectFrom("users")
    .select(["id", "username", "display_name", "role", "active"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!user || user.active !== 1) return null;
  const assignments = await db
    .selectFrom("user_assignments")
    .select(["operation_id", "entity_id"])
    .where("user_id", "=", userId)
    .execute();
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    assignments: assignments.map((a) => ({ operationId: a.operation_id, entityId: a.entity_id })),
    via,
  };
}

/** How a principal is named in the audit log. */
export function actorOf(principal: Principal): string {
  return principal.via === "cli" ? principal.username : `user:${principal.username}`;
}
