// The demo dataset's accounts, one per role, documented in the README. Loaded only together
// with the demo dataset, into an empty database.
import type { Kysely } from "kysely";
import type { Database, Role } from "@coherence/db";
import { hashPassword } from "./auth/password";

export const DEMO_USERS: readonly {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  operations: string[];
}[] = [
  {
    username: "admin",
    displayName: "Demo administrator",
    role: "admin",
    password: "coherence-admin",
    operations: [],
  },
  {
    username: "finance.minusca",
    displayName: "MINUSCA finance officer",
    role: "finance_officer",
    password: "coherence-finance",
    operations: ["MINUSCA"],
  },
  {
    username: "reviewer",
    displayName: "Member-state reviewer",
    role: "reviewer",
    password: "coherence-reviewer",
    operations: [],
  },
];

export async function seedDemoUsers(db: Kysely<Database>): Promise<void> {
  for (const user of DEMO_USERS) {
    const { id } = await db
      .insertInto("users")
      .values({
        username: user.username,
        display_name: user.displayName,
        role: user.role,
        password_hash: await hashPassword(user.password),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const code of user.operations) {
      const operation = await db
        .selectFrom("operations")
        .select("id")
        .where("code", "=", code)
        .executeTakeFirstOrThrow();
      await db
        .insertInto("user_assignments")
        .values({ user_id: id, operation_id: operation.id, entity_id: null })
        .execute();
    }
  }
}
