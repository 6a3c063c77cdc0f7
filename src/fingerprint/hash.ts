/**
 * 32-bit hashing on integers with Math.imul: no strings, no BigInt, no allocation.
 * fmix32 is the MurmurHash3 finaliser (full avalanche); the combiners below feed values
 * through multiply-rotate steps and finish with it.
 */

export const GOLDEN32 = 0x9e3779b1;
const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** MurmurHash3 finaliser: every input bit flips each output bit with probability ~1/2. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One MurmurHash3 body step: absorbs 32-bit `value` into running state `h`. */
export function absorb(h: number, value: number): number {
  let k = Math.imul(value, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Seeded hash of two 32-bit values (order matters). */
export function hash2(seed: number, a: number, b: number): number {
  return fmix32(absorb(absorb(seed, a), b) ^ 8);
}

/** Maps a uniform uint32 to [0, n) without division (Lemire's multiply-shift, n ≤ 2^16). */
export function reduce(h: number, n: number): number {
  return Math.imul(h >>> 16, n) >>> 16;
}

/** Lower-case 8-digit hex of a uint32. */
export function hex32(h: number): string {
  return (h >>> 0).toString(16).padStart(8, '0');
}
