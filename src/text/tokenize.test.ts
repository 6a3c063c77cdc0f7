import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadLexicon } from '../lexicon/load.js';
import { isStopword, STOPWORDS } from './stopwords.js';
import { tokenize } from './tokenize.js';

const lx = loadLexicon();
const whole = (text: string) => [{ start: 0, end: text.length }];

test('words, initialisms, numbers, apostrophes and hyphens', () => {
  const text = 'The U.S. sought $1,200.50 for Iran‘s English-speaking envoys in2018, didn’t it?';
  const toks = tokenize(text, whole(text), lx);
  assert.deepEqual(toks.map((t) => t.surface), ['The', 'U.S.', 'sought', '1,200.50', 'for', 'Iran‘s', 'English-speaking', 'envoys', 'in2018', 'didn’t', 'it']);
  const byNorm = new Map(toks.map((t) => [t.norm, t]));
  assert.equal(byNorm.get('sought')!.lemma, 'seek');
  assert.equal(byNorm.get('envoys')!.lemma, 'envoy');
  assert.equal(byNorm.get("iran's")!.lemma, 'iran');
  assert.ok(byNorm.get('the')!.stop && byNorm.get("didn't")!.stop && !byNorm.get('envoys')!.stop);
  assert.equal(byNorm.get('envoys')!.canon, lx.canon('envoy'));
});

test('only text inside sentence spans is tokenised, with sentence indexes', () => {
  const text = 'Share this! First one. Leave a Reply. Second one.';
  const sentences = [{ start: 12, end: 22 }, { start: 38, end: 49 }];
  const toks = tokenize(text, sentences, lx);
  assert.deepEqual(toks.map((t) => `${t.norm}:${t.sentence}`), ['first:0', 'one:0', 'second:1', 'one:1']);
});

test('stopword list', () => {
  assert.ok(STOPWORDS.size >= 150 && STOPWORDS.size <= 250);
  assert.ok(isStopword('the') && isStopword('would') && !isStopword('tank'));
});

test('property: offsets inside text, surface matches, ordered, never throws', () => {
  const spans = fc.array(fc.record({ start: fc.integer({ min: -5, max: 80 }), end: fc.integer({ min: -5, max: 90 }) }), { maxLength: 5 });
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), spans, (text, sentences) => {
      const toks = tokenize(text, sentences, lx);
      let last = 0;
      for (const t of toks) {
        assert.ok(t.start >= last && t.end > t.start && t.end <= text.length);
        assert.equal(text.slice(t.start, t.end), t.surface);
        last = t.end;
      }
    }),
    { seed: 42, numRuns: 300 },
  );
  fc.assert(
    fc.property(fc.string({ maxLength: 60 }), (text) => {
      const toks = tokenize(text, whole(text), lx);
      for (const t of toks) assert.equal(text.slice(t.start, t.end), t.surface);
    }),
    { seed: 7, numRuns: 300 },
  );
});


test('property: a text tokenises the same whatever was tokenised before it (look-ups are shared across texts)', () => {
  const words = fc.constantFrom('Ministers', 'ministers', 'ran', 'running', 'the', 'U.S.', 'counterintelligence', 'Counterintelligence’s', 'well-being', 'geese', '2024', 'oversaw');
  const text = fc.array(words, { minLength: 1, maxLength: 12 }).map((ws) => ws.join(' '));
  fc.assert(
    fc.property(text, text, (x, y) => {
      const first = tokenize(x, whole(x), lx);
      tokenize(y, whole(y), lx);
      assert.deepEqual(tokenize(x, whole(x), lx), first);
    }),
    { seed: 11, numRuns: 200 },
  );
  // a long word is kept out of the shared memo (it would hold its whole text) and still lemmatised
  const long = 'Counterintelligence officials';
  assert.equal(tokenize(long, whole(long), lx)[0].lemma, 'counterintelligence');
});
