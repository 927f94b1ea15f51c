// A credential's bookkeeping is written once the write connection is free, without the request
// waiting for it; writes to the same record queued meanwhile are merged, the newest kept.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { Connection } from "@coherence/db";
import { freshDatabase } from "@coherence/db/testing";
import { writeLater } from "../src/auth/write-later";

describe("writeLater on SQLite, while an import holds the write connection", () => {
  let connection: Connection;
  beforeAll(async () => {
    // SQLite only: PostgreSQL's pool gives the writes another connection at once.
    connection = await freshDatabase("sqlite", inject("pgUrl"));
  });
  afterAll(async () => {
    await connection.close();
  });

  it("returns at once, and runs only the newest write of each record once the transaction ends", async () => {
    const { db } = connection;
    const ran: string[] = [];
    const record = (name: string) => () => {
      ran.push(name);
      return Promise.resolve();
    };
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const holding = db.transaction().execute(() => released);
    writeLater(db, "session:a", record("a1"));
    writeLater(db, "session:b", record("b1"));
    writeLater(db, "session:a", record("a2"));
    writeLater(db, "session:a", record("a3"));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ran).toEqual([]);
    release();
    await holding;
    await vi.waitFor(() => {
      expect(ran.sort()).toEqual(["a3", "b1"]);
    });
    writeLater(db, "session:a", record("a4"));
    await vi.waitFor(() => {
      expect(ran).toContain("a4");
    });
  });

  it("logs a failed write instead of failing the request, and keeps writing the record after", async () => {
    const { db } = connection;
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      writeLater(db, "token:1", () => Promise.reject(new Error("disk full")));
      await vi.waitFor(() => {
        expect(logged).toHaveBeenCalledWith(
          "credential bookkeeping (token:1) failed",
          expect.any(Error),
        );
      });
      let wrote = false;
      writeLater(db, "token:1", () => {
        wrote = true;
        return Promise.resolve();
      });
      await vi.waitFor(() => {
        expect(wrote).toBe(true);
      });
    } finally {
      logged.mockRestore();
    }
  });
});
