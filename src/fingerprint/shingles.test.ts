import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fmix32, hash2 } from './hash.js';
import { ophSignature } from './minhash.js';
import { distinctCount, kGramHashes, kGramSketch } from './shingles.js';

/** k-gram hashes computed directly (no rolling): Σ w[i+j]·B^(span-1-j), seeded, fmix32. */
function referenceShingles(words: Uint32Array, k: number, seed: number): number[] {
  if (words.length === 0) return [];
  const span = Math.min(k, words.length);
  const mix = hash2(seed, span, 0x6b67);
  const out: number[] = [];
  for (let i = 0; i + span <= words.length; i++) {
    let poly = 0;
    for (let j = 0; j < span; j++) poly = (Math.imul(poly, 0x01000193) + words[i + j]) | 0;
    out.push(fmix32(poly ^ mix));
  }
  return out;
}

const wordsArb = fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 300 }).map((ids) => Uint32Array.from(ids, (i) => fmix32(i + 1)));

test('kGramSketch equals kGramHashes + ophSignature + the number of distinct shingles', () => {
  fc.assert(
    fc.property(wordsArb, fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 0xffffffff }), fc.constantFrom(1, 7, 64, 128), (words, k, seed, bins) => {
      const shingles = referenceShingles(words, k, seed);
      const [got, n] = kGramHashes(words, words.length, k, seed, new Uint32Array(1));
      assert.deepEqual([...got.subarray(0, n)], shingles);
      const want = ophSignature(Uint32Array.from(shingles), shingles.length, seed, new Uint32Array(bins));
      const sig = new Uint32Array(bins);
      const distinct = kGramSketch(words, words.length, k, seed, sig);
      assert.deepEqual(sig, want);
      assert.equal(distinct, new Set(shingles.map((h) => (h | 1) >>> 0)).size);
    }),
    { numRuns: 400 },
  );
});

test('distinctCount counts distinct values ignoring the low bit, with repeats and colliding slots', () => {
  // Few distinct high parts force many values into one slot run; the sign bit is exercised too.
  const valueArb = fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 0xffffffff })).map(([few, any]) => (few === 0 ? any : (few << 29) | (few & 3)) >>> 0);
  fc.assert(
    fc.property(fc.array(valueArb, { maxLength: 500 }), (values) => {
      assert.equal(distinctCount(Uint32Array.from(values), values.length), new Set(values.map((v) => (v | 1) >>> 0)).size);
    }),
    { numRuns: 300 },
  );
});

test('sequences longer than the shingle scratch give the same shingles, signature and count', () => {
  const words = Uint32Array.from({ length: 150_000 }, (_, i) => fmix32((i % 50_000) + 3)); // repeats: distinct < n
  const shingles = referenceShingles(words, 5, 42);
  const [got, n] = kGramHashes(words, words.length, 5, 42, new Uint32Array(0));
  assert.equal(n, shingles.length);
  assert.ok(got.subarray(0, n).every((h, i) => h === shingles[i] >>> 0));
  const sig = new Uint32Array(128);
  const distinct = kGramSketch(words, words.length, 5, 42, sig);
  assert.deepEqual(sig, ophSignature(Uint32Array.from(shingles), n, 42, new Uint32Array(128)));
  assert.equal(distinct, new Set(shingles.map((h) => (h | 1) >>> 0)).size);
  assert.equal(distinctCount(Uint32Array.from(shingles), n), distinct);
});
