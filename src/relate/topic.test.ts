import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { IDENTITY_LEXICON } from '../lexicon/lexicon.js';
import { tokenize } from '../text/tokenize.js';
import type { Span, Token } from '../types.js';
import { namedEntities, namedEntitiesOfText, overlap, properNames, termCosine, topicProfile } from './topic.js';

const STOP = new Set(['the', 'of', 'for', 'and', 'a', 'in', 'to']);

/** Tokens of a text split on spaces, one sentence per '.' (enough for these measures). */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  let sentence = 0;
  for (const m of text.matchAll(/[A-Za-z0-9']+|\./g)) {
    if (m[0] === '.') {
      sentence++;
      continue;
    }
    const norm = m[0].toLowerCase();
    out.push({ start: m.index!, end: m.index! + m[0].length, surface: m[0], norm, lemma: norm, canon: norm, stop: STOP.has(norm), sentence });
  }
  return out;
}

const word = fc.constantFrom('dam', 'crack', 'Ambry', 'Ford', 'council', 'water', 'the', 'of', 'ferry', 'engine', 'Skerrey', 'said');
const text = fc.array(word, { minLength: 1, maxLength: 40 }).map((w) => w.join(' ') + '.');

test('term cosine is in [0,1], symmetric, and 1 for identical texts', () => {
  fc.assert(
    fc.property(text, text, (x, y) => {
      const a = topicProfile(tokens(x));
      const b = topicProfile(tokens(y));
      const ab = termCosine(a, b);
      assert.ok(ab >= 0 && ab <= 1);
      assert.ok(Math.abs(ab - termCosine(b, a)) < 1e-12);
      if (a.norm > 0) assert.ok(Math.abs(termCosine(a, topicProfile(tokens(x))) - 1) < 1e-9);
    }),
    { numRuns: 300, seed: 11 },
  );
});

test('overlap coefficient is in [0,1], symmetric, and 1 for equal non-empty sets', () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.string(), { maxLength: 8 }), fc.uniqueArray(fc.string(), { maxLength: 8 }), (x, y) => {
      const a = new Set(x);
      const b = new Set(y);
      const v = overlap(a, b);
      assert.ok(v >= 0 && v <= 1);
      assert.equal(v, overlap(b, a));
      if (a.size > 0) assert.equal(overlap(a, new Set(x)), 1);
    }),
    { numRuns: 300, seed: 12 },
  );
});

test('proper names join across connectors; a lone sentence-opening word is no entity', () => {
  const t = tokens('Officials at the Foundation for Defense of Democracies said so. Later the Vale Courier agreed.');
  assert.deepEqual(properNames(t).map((n) => n.text), ['Officials', 'Foundation for Defense of Democracies', 'Later', 'Vale Courier']);
  const e = namedEntities(t);
  assert.ok(e.has('foundation for defense of democracies'));
  assert.ok(e.has('vale courier'));
  assert.ok(!e.has('officials') && !e.has('later'));
});

test('background rarity weighs rare words above common ones', () => {
  const rare = (w: string) => (w === 'said' || w === 'water' ? 0.5 : 8);
  const p = topicProfile(tokens('water dam water dam.'), undefined, rare);
  assert.ok(p.terms.get('dam')! > p.terms.get('water')!);
});

test('property: namedEntitiesOfText reads the same names as namedEntities of every token', () => {
  // Words that make and break names: capitalised words, connectors in any case, "the", function
  // words, clitics, long lower-case words, initialisms and numbers, between spaces and punctuation.
  const word = fc.constantFrom(
    'Bank', 'West', 'The', 'He', 'It’s', 'Zarif’s', 'U.S.', 'NATO', 'McKay', 'Foundation', 'Defense',
    'of', 'Of', 'oF', 'for', 'and', 'de', 'on', 'in', 'the', 'a', 'is', 'said', 'reported', 'x-Ray', 'Anti-Graft', '1,200', 'É',
  );
  const gap = fc.constantFrom(' ', ' ', ', ', '. ', '\n', ' — ', '"');
  const text = fc.array(fc.tuple(word, gap), { maxLength: 30 }).map((parts) => parts.flat().join(''));
  fc.assert(
    fc.property(text, fc.array(fc.tuple(fc.nat(200), fc.nat(60)), { maxLength: 8 }), (t, cuts) => {
      // Sentence spans as segment() gives them, or overlapping and out of range (clipped alike).
      const spans: Span[] = cuts.length === 0 ? [{ start: 0, end: t.length }] : cuts.map(([s, n]) => ({ start: s, end: s + n }));
      assert.deepEqual([...namedEntitiesOfText(t, spans)].sort(), [...namedEntities(tokenize(t, spans, IDENTITY_LEXICON))].sort());
    }),
    { numRuns: 3000, seed: 7 },
  );
});
