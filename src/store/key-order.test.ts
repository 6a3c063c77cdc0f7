import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { comparatorOrder, keyOrder } from './key-order.js';

const TWO_43 = 2 ** 43;
/** Keys as the index makes them (a few high bits of tag and band over a 32-bit hash), small
 *  ones, the extremes, and repeats (shared buckets). */
const highAndHash = fc.tuple(fc.integer({ min: 0, max: 2 ** 11 - 1 }), fc.integer({ min: 0, max: 2 ** 32 - 1 })).map(([hi, lo]) => hi * 2 ** 32 + lo);
/** Keys that differ only in their low 13 bits from one of a few bases: every bit must order. */
const BASES = [0, 2 ** 32 - 2 ** 13, 2 ** 32, 2 ** 33 + 2 ** 31, 3 * 2 ** 40 + 7 * 2 ** 32 + 2 ** 20];
const nearBase = fc.tuple(fc.constantFrom(...BASES), fc.integer({ min: 0, max: 2 ** 13 - 1 })).map(([base, low]) => base + low);
const keyList = fc
  .array(fc.oneof(fc.integer({ min: 0, max: 40 }), highAndHash, nearBase, fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }).map((k) => k % TWO_43), fc.constant(TWO_43 - 1)), { maxLength: 300 })
  .chain((keys) => fc.shuffledSubarray(keys, { minLength: 0 }).map((again) => [...keys, ...again]));

test('keyOrder sorts by key, then by position, as the comparator sort does', () => {
  fc.assert(
    fc.property(keyList, (list) => {
      const keys = Float64Array.from(list);
      assert.deepEqual(keyOrder(keys, keys.length), comparatorOrder(keys, keys.length));
    }),
    { numRuns: 500, seed: 7 },
  );
});

test('keyOrder reads only the first n keys', () => {
  const keys = Float64Array.from([5, 3, 2 ** 42 + 1, 3, 0, 9]);
  assert.deepEqual([...keyOrder(keys, 4)], [1, 3, 0, 2]);
});
