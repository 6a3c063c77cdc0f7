import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { blockRange, decodeBlock, decodeDirectory, encodeBlock, encodeDirectory, lowerBound, PAIRS_PER_BLOCK, sortUniquePairs } from './bucket-blocks.js';
import { keyOrder } from './key-order.js';
import { TailPostings } from './bucket-tail.js';

/** Keys from a small set (so they repeat) spread over the whole key range below 2^43. */
const keyArb = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom(2 ** 32 + 5, 2 ** 40 + 3, 2 ** 43 - 1));
const pairsArb = fc.array(fc.tuple(keyArb, fc.integer({ min: 0, max: 2 ** 32 - 1 })), { maxLength: 1500 });

test('property: a block decodes to the pairs it was encoded from, keys up to 2^43 exact', () => {
  fc.assert(
    fc.property(pairsArb, (pairs) => {
      const keys = Float64Array.from(pairs.map((p) => p[0]));
      const docs = Uint32Array.from(pairs.map((p) => p[1]));
      const from = Math.floor(pairs.length / 3);
      const blob = encodeBlock(keys, docs, from, pairs.length);
      // the blob where SQLite puts it (own buffer), and at an offset that is not 8-aligned
      const shifted = new Uint8Array(blob.byteLength + 4).subarray(4);
      shifted.set(blob);
      for (const b of [decodeBlock(blob), decodeBlock(shifted)]) {
        assert.deepEqual([...b.keys], [...keys.subarray(from)]);
        assert.deepEqual([...b.docs], [...docs.subarray(from)]);
      }
    }),
    { seed: 3, numRuns: 100 },
  );
});

test('property: sortUniquePairs gives the sorted distinct pairs', () => {
  fc.assert(
    fc.property(pairsArb, (pairs) => {
      const keys = Float64Array.from(pairs.map((p) => p[0]));
      const docs = Uint32Array.from(pairs.map((p) => p[1]));
      const n = sortUniquePairs(keys, docs, pairs.length, keyOrder(keys, pairs.length));
      const want = [...new Set(pairs.map((p) => `${p[0]}:${p[1]}`))].map((s) => s.split(':').map(Number)).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      assert.deepEqual(Array.from({ length: n }, (_, i) => [keys[i], docs[i]]), want);
    }),
    { seed: 5, numRuns: 100 },
  );
});

test('property: the blocks blockRange names hold every posting of a key, and the directory round-trips', () => {
  fc.assert(
    fc.property(pairsArb, keyArb, (pairs, key) => {
      const keys = Float64Array.from(pairs.map((p) => p[0]));
      const docs = Uint32Array.from(pairs.map((p) => p[1]));
      const n = sortUniquePairs(keys, docs, pairs.length, keyOrder(keys, pairs.length));
      const blocks = [];
      for (let at = 0; at < n; at += PAIRS_PER_BLOCK) blocks.push(decodeBlock(encodeBlock(keys, docs, at, Math.min(n, at + PAIRS_PER_BLOCK))));
      const dir = decodeDirectory(encodeDirectory({ first: Float64Array.from(blocks.map((b) => b.keys[0])), last: Float64Array.from(blocks.map((b) => b.keys[b.keys.length - 1])) }));
      const [lo, hi] = blockRange(dir, key);
      const found: number[] = [];
      for (let b = lo; b < hi; b++) for (let p = lowerBound(blocks[b], key); p < blocks[b].keys.length && blocks[b].keys[p] === key; p++) found.push(blocks[b].docs[p]);
      const want = Array.from({ length: n }, (_, i) => i).filter((i) => keys[i] === key).map((i) => docs[i]);
      assert.deepEqual(found, want);
    }),
    { seed: 9, numRuns: 100 },
  );
});

test('property: the in-memory tail gives each key its distinct documents, ascending', () => {
  fc.assert(
    fc.property(pairsArb, (pairs) => {
      const tail = new TailPostings();
      for (const [k, d] of pairs) tail.add(k, d);
      assert.equal(tail.size, pairs.length);
      for (const key of new Set(pairs.map((p) => p[0]))) {
        const want = [...new Set(pairs.filter((p) => p[0] === key).map((p) => p[1]))].sort((x, y) => x - y);
        assert.deepEqual(tail.docsOf(key), want);
      }
      tail.clear();
      assert.deepEqual(tail.docsOf(pairs[0]?.[0] ?? 0), []);
    }),
    { seed: 13, numRuns: 100 },
  );
});
