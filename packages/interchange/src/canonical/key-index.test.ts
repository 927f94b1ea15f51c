import { describe, expect, it } from "vitest";
import { KeyIndex } from "./key-index";

describe("KeyIndex", () => {
  it("gives the first line of a known key and records new ones, like a Map", () => {
    const index = new KeyIndex();
    const map = new Map<string, number>();
    // Enough keys to grow the pool, the entries and the table several times; every third
    // key comes back, some keys are prefixes of others, one is empty.
    const mismatches: string[] = [];
    for (let i = 0; i < 60_000; i++) {
      const key = i % 3 === 0 ? `F-${Math.floor(i / 3)}` : `F-${i}`;
      const line = i + 2;
      const expected = map.get(key);
      if (expected === undefined) map.set(key, line);
      const got = index.firstOrAdd(key, line);
      if (got !== expected) mismatches.push(`${key}: ${got} instead of ${expected}`);
    }
    expect(mismatches).toEqual([]);
    expect(index.firstOrAdd("", 1)).toBeUndefined();
    expect(index.firstOrAdd("", 9)).toBe(1);
    expect(index.size).toBe(map.size + 1);
  });

  it("keeps keys beyond Latin-1 exact, and tells keys with equal lengths apart", () => {
    const index = new KeyIndex();
    expect(index.firstOrAdd("Ünïcødé €", 2)).toBeUndefined();
    expect(index.firstOrAdd("Ünïcødé €", 3)).toBe(2);
    expect(index.firstOrAdd("Ünïcødé e", 4)).toBeUndefined();
    expect(index.firstOrAdd("AB\u0000C", 5)).toBeUndefined();
    expect(index.firstOrAdd("AB\u0000D", 6)).toBeUndefined();
    expect(index.firstOrAdd("AB\u0000C", 7)).toBe(5);
    expect(index.firstOrAdd("é", 8)).toBeUndefined();
    expect(index.firstOrAdd("é", 9)).toBe(8);
  });
});
