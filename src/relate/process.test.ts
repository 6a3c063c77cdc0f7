import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Token } from '../types.js';
import { greedyTiles, internKeys, tiledShare } from './process-tiles.js';
import { insideSpans, sharedRunMask, sharedRunCoverage, SortedHashes } from './process-runs.js';
import { longestIncreasing, sentenceEvidence } from './process-sentences.js';

/** Tokens of sentences given as arrays of words; words in UPPER case are stopwords. */
function toks(sentences: string[][]): Token[] {
  const out: Token[] = [];
  let at = 0;
  sentences.forEach((words, sentence) => {
    for (const w of words) {
      const norm = w.toLowerCase();
      out.push({ start: at, end: at + w.length, surface: w, norm, lemma: norm, canon: norm, stop: w === w.toUpperCase(), sentence });
      at += w.length + 1;
    }
  });
  return out;
}

test('greedy string tiling: longest common run first, each token used once', () => {
  const [x, y] = internKeys('a b c d e f g'.split(' '), 'x e f g y a b c d z a b'.split(' '));
  const tiles = greedyTiles(x, y, 2);
  assert.deepEqual(tiles, [
    { xStart: 0, yStart: 5, length: 4 },
    { xStart: 4, yStart: 1, length: 3 },
  ]);
  assert.equal(tiledShare(tiles, x.length), 1);
  assert.deepEqual(greedyTiles(x, y, 5), []);
});

test('tiling property: tiles match, never overlap, and cover no more than the text', () => {
  const seq = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 40 });
  fc.assert(
    fc.property(seq, seq, fc.integer({ min: 1, max: 4 }), (xs, ys, min) => {
      const [x, y] = internKeys(xs, ys);
      const tiles = greedyTiles(x, y, min);
      const ux = new Set<number>();
      const uy = new Set<number>();
      for (const t of tiles) {
        assert.ok(t.length >= min);
        for (let k = 0; k < t.length; k++) {
          assert.equal(xs[t.xStart + k], ys[t.yStart + k]);
          assert.ok(!ux.has(t.xStart + k) && !uy.has(t.yStart + k));
          ux.add(t.xStart + k);
          uy.add(t.yStart + k);
        }
      }
      assert.ok(tiledShare(tiles, xs.length) <= 1);
    }),
  );
});

test('shared runs mark the words inside a run the other text has; quotes can be left out', () => {
  const mask = sharedRunMask('p q a b c r'.split(' '), 'a b c s'.split(' '), 3);
  assert.deepEqual([...mask], [0, 0, 1, 1, 1, 0]);
  assert.deepEqual([...sharedRunMask(['a', 'b'], ['a', 'b'], 3)], [0, 0]);
  const x = toks([['a', 'b', 'c', 'd']]);
  const cov = sharedRunCoverage(x, toks([['a', 'b', 'c']]), 3, insideSpans(x, [{ start: 0, end: 3 }]));
  assert.equal(cov.all, 0.75);
  assert.equal(cov.unquoted, 0.5); // a and b are quoted; of c and d only c is in the run
});

test('longest increasing subsequence', () => {
  assert.equal(longestIncreasing([]), 0);
  assert.equal(longestIncreasing([3, 1, 2, 5, 4, 6]), 4);
  assert.equal(longestIncreasing([2, 2, 2]), 1);
});

test('sentence evidence: a copy in the source order scores above the same sentences shuffled', () => {
  const source = toks([['judge', 'jailed', 'driver'], ['crash', 'killed', 'six'], ['family', 'wept', 'court']]);
  const inOrder = sentenceEvidence(toks([['judge', 'jailed', 'driver'], ['crash', 'killed', 'six'], ['own', 'words', 'here']]), source);
  assert.ok(Math.abs(inOrder.derivedSentences - 2 / 3) < 1e-9);
  assert.ok(Math.abs(inOrder.inOrderSentences - 2 / 3) < 1e-9);
  const shuffled = sentenceEvidence(toks([['family', 'wept', 'court'], ['crash', 'killed', 'six'], ['judge', 'jailed', 'driver']]), source);
  assert.equal(shuffled.derivedSentences, 1);
  assert.ok(Math.abs(shuffled.inOrderSentences - 1 / 3) < 1e-9);
  assert.deepEqual(sentenceEvidence([], source), { derivedSentences: 0, meanBestScore: 0, inOrderSentences: 0 });
});

test('SortedHashes holds exactly the values it was built from (any uint32)', () => {
  const u32 = fc.oneof(fc.integer({ min: 0, max: 0xffffffff }), fc.constantFrom(0, 1, 0x7fffffff, 0x80000000, 0xffffffff));
  fc.assert(
    fc.property(fc.array(u32, { maxLength: 200 }), fc.array(u32, { maxLength: 50 }), (values, probes) => {
      const set = new SortedHashes(Uint32Array.from(values));
      const plain = new Set(values);
      // same low bits as a value, other high bits: past the bitmap, to the search
      const nearMisses = values.map((v) => (v ^ (1 << (13 + (v % 19)))) >>> 0);
      for (const v of [...values, ...probes, ...nearMisses]) assert.equal(set.has(v), plain.has(v), `${v}`);
    }),
    { numRuns: 300 },
  );
});
