// The wizard's uploaded files: kept for their owner only, forgotten when unused, bounded in size.
import { describe, expect, it } from "vitest";
import { UploadStore, credentialHash } from "../src/upload-store";

const ana = { userId: 1, credentialHash: null };
const ben = { userId: 2, credentialHash: null };
const file = (data: string | Uint8Array, fileName = "a.csv") => ({ fileName, data });

function clock() {
  const state = { now: 0 };
  return { state, now: () => state.now };
}

describe("UploadStore", () => {
  it("gives an upload back to its owner only", () => {
    const store = new UploadStore();
    const id = store.put(ana, [file("x,y\n")])!;
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(store.get(id, ana)).toEqual([file("x,y\n")]);
    expect(store.get(id, ben)).toBeUndefined();
    expect(store.get("0".repeat(32), ana)).toBeUndefined();
  });

  it("ties an upload without a user id to the credential it came with", () => {
    const store = new UploadStore();
    const script = { userId: null, credentialHash: "h1" };
    const id = store.put(script, [file("x")])!;
    expect(store.get(id, script)).toHaveLength(1);
    expect(store.get(id, { userId: null, credentialHash: "h2" })).toBeUndefined();
    expect(store.get(id, { userId: null, credentialHash: null })).toBeUndefined();
  });

  it("forgets an upload left unused, and keeps one in use", () => {
    const c = clock();
    const store = new UploadStore({ idleMs: 1000, now: c.now });
    const used = store.put(ana, [file("a")])!;
    const left = store.put(ana, [file("b")])!;
    c.state.now = 900;
    expect(store.get(used, ana)).toHaveLength(1);
    c.state.now = 1500;
    expect(store.get(used, ana)).toHaveLength(1);
    expect(store.get(left, ana)).toBeUndefined();
  });

  it("keeps a few uploads per owner: a new one pushes out their oldest, not others'", () => {
    const c = clock();
    const store = new UploadStore({ perOwner: 2, now: c.now });
    const first = store.put(ana, [file("1")])!;
    c.state.now = 1;
    const theirs = store.put(ben, [file("b")])!;
    c.state.now = 2;
    const second = store.put(ana, [file("2")])!;
    c.state.now = 3;
    const third = store.put(ana, [file("3")])!;
    expect(store.get(first, ana)).toBeUndefined();
    expect([store.get(second, ana), store.get(third, ana)]).toEqual([[file("2")], [file("3")]]);
    expect(store.get(theirs, ben)).toEqual([file("b")]);
  });

  it("refuses an upload beyond its size cap, counting bytes, until room is made", () => {
    const c = clock();
    const store = new UploadStore({ maxBytes: 10, idleMs: 100, now: c.now });
    expect(store.put(ana, [file("é".repeat(4))])).not.toBeNull(); // 8 bytes in UTF-8
    expect(store.put(ben, [file(new Uint8Array(3))])).toBeNull();
    expect(store.bytes).toBe(8);
    c.state.now = 200;
    expect(store.put(ben, [file(new Uint8Array(3))])).not.toBeNull();
    expect(store.bytes).toBe(3);
  });
});

describe("credentialHash", () => {
  it("keeps a hash, never the credential", () => {
    expect(credentialHash("secret")).toMatch(/^[0-9a-f]{64}$/);
    expect(credentialHash("secret")).not.toContain("secret");
    expect(credentialHash(null)).toBeNull();
  });
});
