/**
 * Fuzzing alignment and fingerprint similarity beyond their own property tests (which use a
 * fixed vocabulary): any UTF-16 text, empty texts and out-of-range spans must not throw;
 * offsets stay inside the texts; similarity is symmetric and in [0, 1]; candidate lookups do
 * not depend on the order articles were indexed in. Seeded and bounded.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { alignTokens } from '../../src/align/align.js';
import { fakeLexicon, testTokenize } from '../../src/align/test-helpers.js';
import { MemoryCandidateIndex } from '../../src/fingerprint/candidates.js';
import { compareFingerprints, fingerprintText } from '../../src/fingerprint/index.js';
import { DEFAULT_INDEX_PARAMS } from '../../src/fingerprint/params.js';

const WORDS = fc.constantFrom('the', 'council', 'voted', 'harbour', 'plan', 'Mr.', 'U.S.', '1,200', "don't", 'état', '東京', '😀', '\ud800', '—', '"', '.', '\n');
/** Texts of real-looking words and raw UTF-16 noise, often sharing runs so that passages exist. */
const text = fc.oneof(
  fc.array(WORDS, { maxLength: 80 }).map((w) => w.join(' ')),
  fc.string({ unit: 'binary', maxLength: 120 }),
);
const longRun = fc.array(WORDS, { minLength: 30, maxLength: 100 }).map((w) => w.join(' '));
const pair = fc.oneof(
  { arbitrary: fc.tuple(text, text), weight: 1 },
  { arbitrary: fc.tuple(longRun, text, text).map(([shared, x, y]) => [`${x} ${shared}`, `${shared} ${y}`] as [string, string]), weight: 3 },
);

test('alignTokens on any pair of texts: no throw, offsets inside both texts, shares in [0, 1]', () => {
  let withPassages = 0;
  fc.assert(
    fc.property(pair, ([a, b]) => {
      const r = alignTokens(a, testTokenize(a), b, testTokenize(b), fakeLexicon);
      const inside = (x: [number, number] | null, len: number) => assert.ok(!x || (0 <= x[0] && x[0] <= x[1] && x[1] <= len), JSON.stringify(x));
      if (r.passages.length > 0) withPassages++;
      for (const share of [r.share_a, r.share_b]) assert.ok(share >= 0 && share <= 1 && !Number.isNaN(share));
      for (const p of r.passages) {
        inside(p.a, a.length);
        inside(p.b, b.length);
        for (const e of p.edits) {
          inside(e.a, a.length);
          inside(e.b, b.length);
        }
      }
    }),
    { seed: 301, numRuns: 200 },
  );
  assert.ok(withPassages >= 20, `only ${withPassages} pairs had aligned passages: the property tested little`);
  const empty = alignTokens('', [], '', [], fakeLexicon);
  assert.equal(empty.passages.length, 0);
});

test('fingerprints of any text and any spans: no throw; similarity symmetric, in [0, 1], 1 for identical text', () => {
  const spans = fc.option(fc.array(fc.record({ start: fc.integer({ min: -10, max: 200 }), end: fc.integer({ min: -10, max: 200 }) }), { maxLength: 4 }));
  fc.assert(
    fc.property(text, text, spans, (a, b, s) => {
      const fa = fingerprintText(a, s, DEFAULT_INDEX_PARAMS);
      const fb = fingerprintText(b, null, DEFAULT_INDEX_PARAMS);
      const ab = compareFingerprints(fa, fb);
      const ba = compareFingerprints(fb, fa);
      ab.forEach((x, i) => {
        assert.ok(x.jaccard >= 0 && x.jaccard <= 1 && x.containment >= 0 && x.containment <= 1, JSON.stringify(x));
        assert.equal(x.jaccard, ba[i].jaccard);
        assert.equal(x.containment, ba[i].containment);
      });
      const same = compareFingerprints(fb, fingerprintText(b, null, DEFAULT_INDEX_PARAMS));
      if (fb.words > 0) for (const x of same) assert.equal(x.jaccard, 1);
    }),
    { seed: 302, numRuns: 200 },
  );
});

test('candidate lookups do not depend on the order articles were indexed in', () => {
  const corpus = fc.uniqueArray(fc.array(WORDS, { minLength: 10, maxLength: 60 }).map((w) => w.join(' ')), { minLength: 2, maxLength: 8 });
  fc.assert(
    fc.property(corpus, fc.infiniteStream(fc.nat()), (texts, stream) => {
      const fps = texts.map((t) => fingerprintText(t, null, DEFAULT_INDEX_PARAMS));
      const ids = texts.map((_, i) => `a${i}`);
      const shuffled = ids.map((id, i) => [id, fps[i]] as const).sort((x, y) => (stream.next().value % 3) - 1 || x[0].localeCompare(y[0]));
      const forward = new MemoryCandidateIndex(DEFAULT_INDEX_PARAMS);
      const mixed = new MemoryCandidateIndex(DEFAULT_INDEX_PARAMS);
      ids.forEach((id, i) => forward.addSync(id, fps[i]));
      for (const [id, fp] of shuffled) mixed.addSync(id, fp);
      for (const fp of fps) assert.deepEqual(mixed.querySync(fp), forward.querySync(fp));
    }),
    { seed: 303, numRuns: 100 },
  );
});
