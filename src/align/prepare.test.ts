import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { newDictionaries, preparePair, prepareSide } from './prepare.js';
import { testTokenize } from './test-helpers.js';

const VOCAB = 'the of a house home think believe minister talks court judge police report sources network quick fast'.split(' ');
const textArb = fc
  .array(fc.tuple(fc.constantFrom(...VOCAB), fc.boolean()), { maxLength: 60 })
  .map((ws) => ws.map(([w, end]) => (end ? `${w}.` : w)).join(' '));

test('preparePair gives the sides prepareSide gives with one dictionary, whatever texts were prepared before', () => {
  fc.assert(
    fc.property(fc.array(textArb, { minLength: 2, maxLength: 5 }), (texts) => {
      const tokens = texts.map((t) => testTokenize(t));
      // Every text meets every other, both ways, in one order: cached sides must not leak ids.
      for (let i = 0; i < texts.length; i++) {
        for (let j = 0; j < texts.length; j++) {
          const dicts = newDictionaries();
          const a = prepareSide(texts[i], tokens[i], dicts);
          const b = prepareSide(texts[j], tokens[j], dicts);
          const got = preparePair(texts[i], tokens[i], texts[j], tokens[j]);
          assert.deepEqual(got.a, a);
          assert.deepEqual(got.b, b);
          assert.equal(got.termCount, dicts.canon.size);
        }
      }
    }),
    { numRuns: 150 },
  );
});

test('a token array prepared again with another text is prepared anew', () => {
  const tokens = testTokenize('the judge spoke');
  const other = testTokenize('a judge');
  const first = preparePair('the judge spoke', tokens, 'a judge', other);
  const again = preparePair('THE JUDGE SPOKE', tokens, 'a judge', other);
  assert.equal(first.a.text, 'the judge spoke');
  assert.equal(again.a.text, 'THE JUDGE SPOKE');
});
