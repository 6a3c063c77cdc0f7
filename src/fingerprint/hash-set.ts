import { fmix32 } from './hash.js';

/**
 * A fixed set of uint32 hashes with a branch-free membership test: a multiplicative hash
 * picks a bucket of two slots, and the multiplier is searched (deterministically) so that no
 * bucket holds more than two members. Slots without a member hold a value that belongs to
 * another bucket, so they never match.
 */
export class HashSet32 {
  /** Two slots per bucket. */
  readonly slots: Uint32Array;
  readonly multiplier: number;
  /** bucket = imul(h, multiplier) >>> shift. */
  readonly shift: number;
  constructor(values: Iterable<number>) {
    const list = [...new Set([...values].map((v) => v >>> 0))];
    let bits = 4;
    while (1 << bits < list.length * 4) bits++;
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0 && attempt % 64 === 0) bits++; // unlucky so far: a bigger table
      const multiplier = fmix32(0x5109 + attempt) | 1;
      const slots = fillBuckets(list, multiplier, bits);
      if (slots) {
        this.slots = slots;
        this.multiplier = multiplier;
        this.shift = 32 - bits;
        return;
      }
    }
  }

  has(v: number): boolean {
    const at = (Math.imul(v, this.multiplier) >>> this.shift) << 1;
    v >>>= 0;
    return this.slots[at] === v || this.slots[at + 1] === v;
  }
}

/** Two slots per bucket for `list`; null when some bucket would need a third. */
function fillBuckets(list: number[], multiplier: number, bits: number): Uint32Array | null {
  const shift = 32 - bits;
  const bucketOf = (v: number): number => Math.imul(v, multiplier) >>> shift;
  const slots = new Uint32Array(2 << bits);
  const used = new Uint8Array(1 << bits);
  for (const v of list) {
    const b = bucketOf(v);
    if (used[b] === 2) return null;
    slots[2 * b + used[b]++] = v;
  }
  for (let b = 0; b < 1 << bits; b++) {
    if (used[b] === 2) continue;
    let filler = 0; // any value of another bucket
    while (bucketOf(filler) === b) filler++;
    for (let k = used[b]; k < 2; k++) slots[2 * b + k] = filler;
  }
  return slots;
}
