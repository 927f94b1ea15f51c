// The read connection: on a SQLite file a second, read-only connection that reads committed data
// while the write connection is held by a transaction (a long import); one and the same
// connection on PostgreSQL (a pool) and on an in-memory SQLite database.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { connect, migrateToLatest } from "../src/index";
import { ENGINES, answersWithin, freshDatabase } from "../src/testing";

describe.each(ENGINES)("the read connection on %s", (engine) => {
  it("reads what is committed while a write transaction is open, and its writes once committed", async () => {
    const connection = await freshDatabase(engine, inject("pgUrl"));
    try {
      const { db, readDb } = connection;
      const names = async () =>
        (await readDb.selectFrom("taxonomies").select("name").execute()).map((r) => r.name);
      let release!: () => void;
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      let written!: () => void;
      const wrote = new Promise<void>((resolve) => {
        written = resolve;
      });
      const writing = db.transaction().execute(async (trx) => {
        await trx.insertInto("taxonomies").values({ code: "HELD", name: "held" }).execute();
        written();
        await released;
      });
      await wrote;
      expect(await answersWithin(2000, names())).toEqual([]);
      release();
      await writing;
      expect(await names()).toEqual(["held"]);
    } finally {
      await connection.close();
    }
  });
});

describe("the read connection on SQLite", () => {
  it("is read-only, and is closed with the write connection, which checkpoints the WAL", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "coherence-reader-"));
    try {
      const file = path.join(dir, "reader.db");
      const connection = connect(file, { readConnection: true });
      await migrateToLatest(connection.db);
      expect(connection.readDb).not.toBe(connection.db);
      await expect(
        connection.readDb.insertInto("taxonomies").values({ code: "NO", name: "no" }).execute(),
      ).rejects.toThrow(/readonly/);
      await connection.close();
      await expect(
        connection.readDb.selectFrom("taxonomies").selectAll().execute(),
      ).rejects.toThrow();
      expect(existsSync(`${file}-wal`)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is the write connection itself without the option, and for an in-memory database", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "coherence-reader-"));
    try {
      const single = connect(path.join(dir, "single.db"));
      expect(single.readDb).toBe(single.db);
      await single.close();
      const memory = connect(":memory:", { readConnection: true });
      expect(memory.readDb).toBe(memory.db);
      await memory.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the read connection on PostgreSQL", () => {
  it("is the pool itself", async () => {
    const connection = await freshDatabase("postgres", inject("pgUrl"));
    try {
      expect(connection.readDb).toBe(connection.db);
    } finally {
      await connection.close();
    }
  });
});
