import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { resolveBucketQuery, splitTop } from './bucket-query.js';

/** The plain definition: the documents passing minShared, cut at the top-th largest count. */
function referenceSplit(counts: Map<number, number>, minShared: number, top: number) {
  const passing = [...counts].filter(([, n]) => n >= minShared);
  if (passing.length <= top) return { sure: passing.map(([d]) => d), ties: [], need: 0 };
  const cut = passing.map(([, n]) => n).sort((x, y) => y - x)[top - 1];
  const sure = passing.filter(([, n]) => n > cut).map(([d]) => d);
  return { sure, ties: passing.filter(([, n]) => n === cut).map(([d]) => d), need: top - sure.length };
}

test('splitTop keeps every document above the cut, the ties at it in map order, and how many ties fit', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.nat(5000), fc.integer({ min: 1, max: 12 })), { maxLength: 300 }),
      fc.integer({ min: 1, max: 4 }),
      fc.oneof(fc.integer({ min: 1, max: 60 }), fc.constant(Infinity)),
      (entries, minShared, top) => {
        const counts = new Map(entries);
        assert.deepEqual(splitTop(counts, resolveBucketQuery({ minShared, top })), referenceSplit(counts, minShared, top));
      },
    ),
    { numRuns: 500 },
  );
});
