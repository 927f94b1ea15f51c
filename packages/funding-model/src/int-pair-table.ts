/**
 * An open-addressing hash table from a pair of non-negative int32 keys to a dense id
 * (0, 1, 2, … in insertion order), stored in typed arrays. The reconciliation looks up a few
 * million keys per run; a Map keyed by 53-bit numbers would box every key and stall in GC.
 * @internal
 */
export class IntPairTable {
  #mask: number;
  #slots: Int32Array; // id + 1 per slot, 0 = empty
  keysA: Int32Array;
  keysB: Int32Array;
  size = 0;

  constructor(initialCapacity = 1024) {
    let capacity = 16;
    while (capacity < initialCapacity * 2) capacity *= 2;
    this.#mask = capacity - 1;
    this.#slots = new Int32Array(capacity);
    this.keysA = new Int32Array(capacity >> 1);
    this.keysB = new Int32Array(capacity >> 1);
  }

  #hash(a: number, b: number): number {
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
    let i = this.#hash(a, b) & mask;
    for (;;) {
      const s = slots[i]!;
      if (s === 0) break;
      const id = s - 1;
      if (this.keysA[id] === a && this.keysB[id] === b) return id;
      i = (i + 1) & mask;
    }
    const id = this.size++;
    this.keysA[id] = a;
    this.keysB[id] = b;
    slots[i] = id + 1;
    return id;
  }

  /** The id of (a, b), or −1. */
  find(a: number, b: number): number {
    const slots = this.#slots;
    const mask = this.#mask;
    let i = this.#hash(a, b) & mask;
    for (;;) {
      const s = slots[i]!;
      if (s === 0) return -1;
      const id = s - 1;
      if (this.keysA[id] === a && this.keysB[id] === b) return id;
      i = (i + 1) & mask;
    }
  }

  #grow(): void {
    const capacity = this.#slots.length * 2;
    this.#mask = capacity - 1;
    this.#slots = new Int32Array(capacity);
    const keysA = new Int32Array(capacity >> 1);
    keysA.set(this.keysA);
    const keysB = new Int32Array(capacity >> 1);
    keysB.set(this.keysB);
    this.keysA = keysA;
    this.keysB = keysB;
    for (let id = 0; id < this.size; id++) {
      let i = this.#hash(keysA[id]!, keysB[id]!) & this.#mask;
      while (this.#slots[i] !== 0) i = (i + 1) & this.#mask;
      this.#slots[i] = id + 1;
    }
  }
}
