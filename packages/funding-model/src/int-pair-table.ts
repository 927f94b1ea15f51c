/**
 * An open-addressing hash table from a pair of non-negative int32 keys to a dense id
 * (0, 1, 2, … in insertion order), stored in typed arrays. The reconciliation looks up a few
 * million keys per run; a Map keyed by 53-bit numbers would box every key and stall in GC.
 * Each slot keeps both keys beside the id, so a probe touches one cache line.
 * @internal
 */
export class IntPairTable {
  #mask: number;
  #slots: Int32Array; // per slot: key a, key b, id + 1 (0 = empty)
  keysA: Int32Array;
  keysB: Int32Array;
  size = 0;

  constructor(initialCapacity = 1024) {
    let capacity = 16;
    while (capacity < initialCapacity * 2) capacity *= 2;
    this.#mask = capacity - 1;
    this.#slots = new Int32Array(capacity * 3);
    this.keysA = new Int32Array(capacity >> 1);
    this.keysB = new Int32Array(capacity >> 1);
  }

  static #hash(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ (b >>> 15), 0x85ebca6b);
    h ^= h >>> 13;
    return Math.imul(h, 0xc2b2ae35) ^ (h >>> 16);
  }

  /** The id of (a, b), adding it if new. */
  intern(a: number, b: number): number {
    // Grow first (load ≤ 1/2), so one probe sequence either finds the key or its free slot.
    if (this.size === this.keysA.length) this.#grow();
    const slots = this.#slots;
    const mask = this.#mask;
    let i = IntPairTable.#hash(a, b) & mask;
    for (;;) {
      const at = i * 3;
      const s = slots[at + 2]!;
      if (s === 0) {
        const id = this.size++;
        slots[at] = a;
        slots[at + 1] = b;
        slots[at + 2] = id + 1;
        this.keysA[id] = a;
        this.keysB[id] = b;
        return id;
      }
      if (slots[at] === a && slots[at + 1] === b) return s - 1;
      i = (i + 1) & mask;
    }
  }

  /** The id of (a, b), or −1. */
  find(a: number, b: number): number {
    const slots = this.#slots;
    const mask = this.#mask;
    let i = IntPairTable.#hash(a, b) & mask;
    for (;;) {
      const at = i * 3;
      const s = slots[at + 2]!;
      if (s === 0) return -1;
      if (slots[at] === a && slots[at + 1] === b) return s - 1;
      i = (i + 1) & mask;
    }
  }

  #grow(): void {
    const capacity = (this.#mask + 1) * 2;
    this.#mask = capacity - 1;
    const slots = new Int32Array(capacity * 3);
    const keysA = new Int32Array(capacity >> 1);
    keysA.set(this.keysA);
    const keysB = new Int32Array(capacity >> 1);
    keysB.set(this.keysB);
    for (let id = 0; id < this.size; id++) {
      const a = keysA[id]!;
      const b = keysB[id]!;
      let i = IntPairTable.#hash(a, b) & this.#mask;
      while (slots[i * 3 + 2] !== 0) i = (i + 1) & this.#mask;
      slots[i * 3] = a;
      slots[i * 3 + 1] = b;
      slots[i * 3 + 2] = id + 1;
    }
    this.#slots = slots;
    this.keysA = keysA;
    this.keysB = keysB;
  }
}
