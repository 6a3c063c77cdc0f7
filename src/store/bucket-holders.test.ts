import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { keyHolders, mergeAscending } from './bucket-holders.js';

/** Ascending distinct lists, as tables hold them, possibly overlapping. */
const tableLists = fc.array(
  fc.uniqueArray(fc.nat(60), { maxLength: 20 }).map((l) => l.sort((x, y) => x - y)),
  { maxLength: 6 },
);

/** The plain definition: the union of every table's documents, then the bound. */
function referenceHolders(lists: number[][], bound: number, common: 'skip' | 'first'): number[] {
  const union = [...new Set(lists.flat())].sort((x, y) => x - y);
  if (union.length <= bound) return union;
  return common === 'skip' ? [] : union.slice(0, bound);
}

test('mergeAscending gives the smallest distinct documents of the lists, ascending', () => {
  fc.assert(
    fc.property(tableLists, fc.integer({ min: 0, max: 80 }), (lists, limit) => {
      assert.deepEqual(mergeAscending(lists, limit), [...new Set(lists.flat())].sort((x, y) => x - y).slice(0, limit));
    }),
    { numRuns: 500 },
  );
});

test('keyHolders on tables cut at bound + 1 gives what the whole, uncut tables give', () => {
  fc.assert(
    fc.property(tableLists, fc.integer({ min: 1, max: 25 }), fc.constantFrom<'skip' | 'first'>('skip', 'first'), (lists, bound, common) => {
      const cut = lists.map((l) => l.slice(0, bound + 1));
      const got = [...keyHolders(cut, bound, common)].sort((x, y) => x - y);
      assert.deepEqual(got, referenceHolders(lists, bound, common));
    }),
    { numRuns: 1000 },
  );
});

test('keyHolders skips a key over the bound and keeps the first ones of a common key', () => {
  assert.deepEqual(keyHolders([[1, 4, 9], [2, 4]], 3, 'skip'), []);
  assert.deepEqual(keyHolders([[1, 4, 9], [2, 4]], 3, 'first'), [1, 2, 4]);
  assert.deepEqual(keyHolders([[1, 4], [2, 4]], 3, 'skip'), [1, 2, 4]);
});
