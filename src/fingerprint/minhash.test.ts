import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { UserError } from '../errors.js';
import { fmix32 } from './hash.js';
import { compareFingerprints, fingerprintText } from './index.js';
import { containmentFromJaccard, EMPTY_BIN, jaccard, kMinHash, ophSignature } from './minhash.js';
import { DEFAULT_INDEX_PARAMS } from './params.js';

const P = DEFAULT_INDEX_PARAMS;
const wordList = fc.array(fc.constantFrom('the', 'of', 'river', 'minister', 'said', 'on', 'rain', 'a', 'vote', 'to', 'bank'), {
  maxLength: 80,
});
const textArb = wordList.map((ws) => ws.join(' '));

test('Jaccard estimate lies in [0, 1] and is symmetric', () => {
  fc.assert(
    fc.property(textArb, textArb, (a, b) => {
      const fa = fingerprintText(a, null, P);
      const fb = fingerprintText(b, null, P);
      const ab = compareFingerprints(fa, fb);
      const ba = compareFingerprints(fb, fa);
      for (let i = 0; i < ab.length; i++) {
        assert.ok(ab[i].jaccard >= 0 && ab[i].jaccard <= 1);
        assert.ok(ab[i].containment >= 0 && ab[i].containment <= 1);
        assert.equal(ab[i].jaccard, ba[i].jaccard);
        assert.equal(ab[i].containment, ba[i].containment);
      }
    }),
    { numRuns: 200 },
  );
});

test('identical texts estimate 1 and fingerprinting is deterministic', () => {
  fc.assert(
    fc.property(textArb, (a) => {
      const f1 = fingerprintText(a, null, P);
      const f2 = fingerprintText(a.toUpperCase() + ' ', null, P);
      assert.deepEqual(f1, fingerprintText(a, null, P));
      assert.equal(f1.exactHash, f2.exactHash);
      for (const s of compareFingerprints(f1, f2)) assert.equal(s.jaccard, 1);
    }),
    { numRuns: 100 },
  );
});

test('fingerprints built with different seeds are refused, not compared', () => {
  fc.assert(
    fc.property(textArb, fc.integer({ min: 0, max: 0xffffffff }), (a, seed) => {
      fc.pre(seed !== P.seed);
      const fa = fingerprintText(a, null, P);
      const fb = fingerprintText(a, null, { ...P, seed });
      assert.throws(() => compareFingerprints(fa, fb), (e: unknown) => e instanceof UserError && /seed/.test(e.message));
    }),
    { numRuns: 50 },
  );
  assert.throws(() => jaccard(new Uint32Array(128), new Uint32Array(64)), UserError);
});

/**
 * Two sets of distinct uniform hashes (what ophSignature expects) with a known Jaccard:
 * `shared` common, `onlyA`/`onlyB` own.
 */
function sets(shared: number, onlyA: number, onlyB: number, salt: number): [Uint32Array, Uint32Array, number] {
  const a = new Uint32Array(shared + onlyA);
  const b = new Uint32Array(shared + onlyB);
  let v = salt * 1_000_003;
  for (let i = 0; i < shared; i++) a[i] = b[i] = fmix32(++v);
  for (let i = 0; i < onlyA; i++) a[shared + i] = fmix32(++v);
  for (let i = 0; i < onlyB; i++) b[shared + i] = fmix32(++v);
  return [a, b, shared / (shared + onlyA + onlyB)];
}

test('densified one-permutation estimate tracks true Jaccard like k-independent MinHash', () => {
  let ophError = 0;
  let kmhError = 0;
  const trials = 60;
  for (let t = 0; t < trials; t++) {
    // Small sets too, so many bins are empty and densification matters.
    const [a, b, truth] = sets(10 + ((t * 37) % 300), 5 + ((t * 53) % 200), (t * 71) % 250, t);
    const oph = jaccard(ophSignature(a, a.length, t, new Uint32Array(128)), ophSignature(b, b.length, t, new Uint32Array(128)));
    const kmh = jaccard(kMinHash(a, a.length, t, 128), kMinHash(b, b.length, t, 128));
    ophError += (oph - truth) ** 2;
    kmhError += (kmh - truth) ** 2;
  }
  const ophRmse = Math.sqrt(ophError / trials);
  const kmhRmse = Math.sqrt(kmhError / trials);
  // Standard error of a 128-bin estimate is at most 0.5/√128 ≈ 0.044.
  assert.ok(ophRmse < 0.06, `OPH rmse ${ophRmse}`);
  assert.ok(ophRmse < kmhRmse * 1.5 + 0.01, `OPH rmse ${ophRmse} vs k-MinHash ${kmhRmse}`);
});

test('densification leaves no empty bin, and an empty set stays empty', () => {
  const one = ophSignature(new Uint32Array([42]), 1, 1, new Uint32Array(128));
  assert.ok(one.every((v) => v === one[0] && v !== EMPTY_BIN));
  const none = ophSignature(new Uint32Array(0), 0, 1, new Uint32Array(128));
  assert.ok(none.every((v) => v === EMPTY_BIN));
  assert.equal(jaccard(one, none), 0);
  assert.equal(jaccard(none, none), 1);
});

test('containment from Jaccard: a subset of a quarter the size has J = 0.25 and containment 1', () => {
  assert.equal(containmentFromJaccard(0.25, 100, 400), 1);
  assert.equal(containmentFromJaccard(0, 100, 400), 0);
  assert.ok(Math.abs(containmentFromJaccard(1 / 3, 100, 100) - 0.5) < 1e-9);
});

test('a filled bin holds the least hash among the shingles its top bits pick (any uint32, ties included)', () => {
  // The bin minimum is taken without a branch on an offset int32; check it against a plain
  // unsigned comparison over values chosen to cross the sign bit and to repeat.
  const hashArb = fc.oneof(fc.integer({ min: 0, max: 0xffffffff }), fc.constantFrom(0, 1, 0x7fffffff, 0x80000000, 0x80000001, 0xfffffffe, 0xffffffff));
  fc.assert(
    fc.property(fc.array(hashArb, { maxLength: 400 }), fc.constantFrom(1, 3, 16, 128), (hashes, k) => {
      const sig = ophSignature(Uint32Array.from(hashes), hashes.length, 7, new Uint32Array(k));
      const want = new Map<number, number>();
      for (const h of hashes) {
        const bin = Math.imul(h >>> 16, k) >>> 16;
        want.set(bin, Math.min(want.get(bin) ?? Infinity, h));
      }
      for (const [bin, min] of want) assert.equal(sig[bin], min, `bin ${bin}`);
    }),
    { numRuns: 300 },
  );
});
