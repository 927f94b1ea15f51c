// Paging through the audit log newest first by cursor, with its filters, on both engines.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { listAudit, writeAudit } from "../src/index";
import type { Connection } from "../src/index";
import { ENGINES, freshDatabase } from "../src/testing";

describe.each(ENGINES)("audit log paging on %s", (engine) => {
  let connection: Connection;
  beforeAll(async () => {
    connection = await freshDatabase(engine, inject("pgUrl"));
    // 25 entries: flows 1..5 changed by ana and ben in turn, five times each.
    for (let i = 0; i < 25; i++)
      await writeAudit(connection.db, {
        actor: i % 2 === 0 ? "user:ana" : "user:ben",
        userId: null,
        action: "update",
        table: "flows",
        recordId: (i % 5) + 1,
        before: { n: i },
        after: { n: i + 1 },
      });
  });
  afterAll(async () => {
    await connection.close();
  });

  it("walks every entry once, newest first, page after page", async () => {
    const seen: number[] = [];
    let cursor: number | undefined;
    let pages = 0;
    for (;;) {
      const page = await listAudit(connection.db, { limit: 10, cursor });
      expect(page.total).toBe(25);
      seen.push(...page.items.map((e) => e.id));
      pages++;
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(25);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(new Set(seen).size).toBe(25);
  });

  it("keeps the filters on every page, and says when there is no older page", async () => {
    const first = await listAudit(connection.db, { actor: "user:ana", limit: 10 });
    expect(first.total).toBe(13);
    expect(first.items.every((e) => e.actor === "user:ana")).toBe(true);
    const second = await listAudit(connection.db, {
      actor: "user:ana",
      limit: 10,
      cursor: first.nextCursor!,
    });
    expect(second.items).toHaveLength(3);
    expect(second.items.every((e) => e.actor === "user:ana")).toBe(true);
    expect(second.nextCursor).toBeNull();
    const record = await listAudit(connection.db, { table: "flows", recordId: "3", limit: 5 });
    expect(record.items.map((e) => e.record_id)).toEqual(["3", "3", "3", "3", "3"]);
    expect(record.nextCursor).toBeNull();
  });
});
