import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_ALIGN_OPTIONS, type AlignOptions } from './options.js';
import { newDictionaries, prepareSide, type Side } from './prepare.js';
import { cosine, inverseSentenceFrequency, rangeVector, sentenceSeeds, type Seed } from './seeds.js';
import { sentenceCosine, sentenceTerms } from './sentence-terms.js';
import { testTokenize } from './test-helpers.js';

/**
 * Sentence seeding as plain Maps: a vector per sentence from rangeVector, every pair of
 * sentences compared with cosine(). What the typed version (sentence-terms.ts) must give,
 * seed for seed.
 */
function plainSentenceSeeds(a: Side, b: Side, isf: Float64Array, opts: AlignOptions): Seed[] {
  const vectors = (s: Side) => Array.from({ length: s.sentenceCount }, (_, i) => rangeVector(s, s.sentenceStart[i], s.sentenceStart[i + 1], isf));
  const [va, vb] = [vectors(a), vectors(b)];
  const seeds: Seed[] = [];
  va.forEach((x, sa) =>
    vb.forEach((y, sb) => {
      const n = [...x.keys()].filter((t) => y.has(t)).length;
      if (n === 0 || n < opts.sentenceMinShared || (2 * n) / (x.size + y.size) < opts.sentenceDice || cosine(x, y) < opts.sentenceCosine) return;
      seeds.push({ a0: a.sentenceStart[sa], a1: a.sentenceStart[sa + 1], b0: b.sentenceStart[sb], b1: b.sentenceStart[sb + 1] });
    }),
  );
  return seeds;
}

const VOCAB = 'the of a minister envoy talks sanctions relief court judge jury trial evidence witness police officer report house home'.split(' ');
const textArb = fc
  .array(fc.tuple(fc.constantFrom(...VOCAB), fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 60 })
  .map((words) => words.map(([w, end]) => (end === 0 ? `${w}.` : w)).join(' '));
const optsArb = fc.record({
  sentenceMinShared: fc.integer({ min: 1, max: 4 }),
  sentenceDice: fc.constantFrom(0, 0.2, 0.33, 0.5),
  sentenceCosine: fc.constantFrom(0, 0.2, 0.33, 0.6),
});

test('property: typed sentence seeding gives the seeds of plain Map vectors, in the same order', () => {
  fc.assert(
    fc.property(textArb, textArb, optsArb, (x, y, o) => {
      const dicts = newDictionaries();
      const a = prepareSide(x, testTokenize(x), dicts);
      const b = prepareSide(y, testTokenize(y), dicts);
      const isf = inverseSentenceFrequency(a, b, dicts.canon.size);
      const opts = { ...DEFAULT_ALIGN_OPTIONS, ...o };
      assert.deepEqual(sentenceSeeds(a, b, isf, opts), plainSentenceSeeds(a, b, isf, opts));
    }),
    { numRuns: 400 },
  );
});

test('property: a typed sentence cosine equals cosine() of rangeVector, bit for bit', () => {
  fc.assert(
    fc.property(textArb, textArb, (x, y) => {
      const dicts = newDictionaries();
      const a = prepareSide(x, testTokenize(x), dicts);
      const b = prepareSide(y, testTokenize(y), dicts);
      const isf = inverseSentenceFrequency(a, b, dicts.canon.size);
      const [ta, tb] = [sentenceTerms(a, isf), sentenceTerms(b, isf)];
      const scratch = new Float64Array(isf.length);
      for (let sa = 0; sa < a.sentenceCount; sa++) {
        for (let sb = 0; sb < b.sentenceCount; sb++) {
          const plain = cosine(rangeVector(a, a.sentenceStart[sa], a.sentenceStart[sa + 1], isf), rangeVector(b, b.sentenceStart[sb], b.sentenceStart[sb + 1], isf));
          assert.equal(sentenceCosine(ta, sa, tb, sb, scratch), plain);
        }
      }
      assert.ok(scratch.every((w) => w === 0), 'scratch left all zeros');
    }),
    { numRuns: 300 },
  );
});
