/**
 * The order in which a batch's bucket rows are inserted: by key, and for equal keys in the
 * order given (rows are appended document by document, so that is document order).
 *
 * A comparator sort calls back into JavaScript for every comparison; instead each row becomes one
 * 64-bit integer, key · 2^21 + position, sorted by the typed array's native numeric sort. Keys
 * are below 2^43 (src/fingerprint/keys.ts), so that fits while positions are below 2^21; the
 * two 32-bit halves are computed with integer arithmetic (no BigInt per row).
 */
import { endianness } from 'node:os';

const POSITION_BITS = 21;
const MAX_PACKED = 1 << POSITION_BITS;
/** Bits of the key's low 32 that go to the high half (the rest share the low half with the position). */
const SPILL = 32 - POSITION_BITS;
const TWO_32 = 0x1_0000_0000;
const HI = endianness() === 'LE' ? 1 : 0;
const LO = 1 - HI;

/** Positions 0 … n-1 of `keys` in (key, position) order. */
export function keyOrder(keys: Float64Array, n: number): Uint32Array {
  if (n > MAX_PACKED) return comparatorOrder(keys, n);
  const packed = new BigUint64Array(n);
  const halves = new Uint32Array(packed.buffer);
  for (let i = 0; i < n; i++) {
    const key = keys[i];
    const kh = Math.floor(key / TWO_32); // < 2^11
    const kl = key - kh * TWO_32;
    // key · 2^21 + i = kh · 2^53 + kl · 2^21 + i
    halves[2 * i + HI] = kh * MAX_PACKED + (kl >>> SPILL);
    halves[2 * i + LO] = (kl << POSITION_BITS) | i; // kl's low SPILL bits; the store wraps to uint32
  }
  packed.sort();
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = halves[2 * i + LO] & (MAX_PACKED - 1);
  return order;
}

/** The same order by a comparator sort (batches too large to pack, and the tests' reference). */
export function comparatorOrder(keys: Float64Array, n: number): Uint32Array {
  const order = Array.from({ length: n }, (_, j) => j).sort((x, y) => keys[x] - keys[y] || x - y);
  return Uint32Array.from(order);
}
