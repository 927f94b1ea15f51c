// The first line of every record key of a file, for duplicate detection while streaming, in
// about 40 bytes per key instead of a Map's ~100: keys whose characters are all Latin-1 (every
// key of the canonical kinds in practice) are stored as bytes in one growing pool, found through
// an open-addressing hash table of typed arrays, and compared in full on a hash match (exact:
// no false duplicates). Any other key goes to an ordinary Map.

const EMPTY = -1;

function fnv1a(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function isLatin1(key: string): boolean {
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) > 0xff) return false;
  return true;
}

export class KeyIndex {
  private pool = new Uint8Array(1 << 16);
  private poolUsed = 0;
  /** Entry i's key is pool[starts[i] .. starts[i + 1]). */
  private starts = new Uint32Array(1 << 12);
  private lines = new Uint32Array(1 << 12);
  private hashes = new Uint32Array(1 << 12);
  private count = 0;
  private slots = new Int32Array(1 << 13).fill(EMPTY);
  private readonly others = new Map<string, number>();

  /** Keys stored. */
  get size(): number {
    return this.count + this.others.size;
  }

  /** The line of `key` if it is known; otherwise records it at `line` and returns undefined. */
  firstOrAdd(key: string, line: number): number | undefined {
    if (!isLatin1(key) || line > 0xffffffff || line < 0) {
      const first = this.others.get(key);
      if (first === undefined) this.others.set(key, line);
      return first;
    }
    const hash = fnv1a(key);
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === EMPTY) break;
      if (this.hashes[entry] === hash && this.equals(entry, key)) return this.lines[entry];
      slot = (slot + 1) & mask;
    }
    this.append(key, hash, line);
    this.slots[slot] = this.count - 1;
    if (this.count * 2 > this.slots.length) this.rehash();
    return undefined;
  }

  private equals(entry: number, key: string): boolean {
    const start = this.starts[entry]!;
    const end = entry + 1 < this.count ? this.starts[entry + 1]! : this.poolUsed;
    if (end - start !== key.length) return false;
    const pool = this.pool;
    for (let i = 0; i < key.length; i++) if (pool[start + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  private append(key: string, hash: number, line: number): void {
    if (this.poolUsed + key.length > this.pool.length) {
      const grown = new Uint8Array(Math.max(this.pool.length * 2, this.poolUsed + key.length));
      grown.set(this.pool.subarray(0, this.poolUsed));
      this.pool = grown;
    }
    if (this.count === this.starts.length) {
      const grow = (a: Uint32Array) => {
        const b = new Uint32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.starts = grow(this.starts);
      this.lines = grow(this.lines);
      this.hashes = grow(this.hashes);
    }
    const start = this.poolUsed;
    for (let i = 0; i < key.length; i++) this.pool[start + i] = key.charCodeAt(i);
    this.poolUsed += key.length;
    this.starts[this.count] = start;
    this.lines[this.count] = line;
    this.hashes[this.count] = hash;
    this.count++;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.count; entry++) {
      let slot = this.hashes[entry]! & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = entry;
    }
    this.slots = slots;
  }
}
