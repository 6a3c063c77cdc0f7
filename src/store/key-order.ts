/**
 * The order in which a batch's bucket rows are inserted: by key, and for equal keys in the
 * order given (rows are appended document by document, so that is document order).
 *
 * A comparator sort over ~100k rows costs ~20 ms per write group; instead each row becomes one
 * 64-bit integer, key · 2^21 + position, sorted by the typed array's native numeric sort. Keys
 * are below 2^43 (src/fingerprint/keys.ts), so that fits while positions are below 2^21; the
 * two 32-bit halves are computed with integer arithmetic (no BigInt per row).
 */
import { endianness } from 'node:os';

const POSITION_BITS = 21;
const MAX_PACKED = 1 << POSITION_BITS;
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
    halves[2 * i + HI] = kh * MAX_PACKED + Math.floor(kl / (1 << (32 - POSITION_BITS)));
    halves[2 * i + LO] = (((kl % (1 << (32 - POSITION_BITS))) << POSITION_BITS) | i) >>> 0;
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
