import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { extractQuotes } from './quotes.js';
import { matchQuotes, type QuoteGroup } from './quote-match.js';
import { compareQuotes, quoteTokens } from './quote-align.js';
import { normalizeText } from '../text/normalize.js';
import { sharedPath, SHARED_MISSING } from '../test-helpers/shared.js';

const doc = (id: string, text: string) => ({ id, text, quotes: extractQuotes(text) });
const groupOf = (groups: QuoteGroup[], starts: string) => groups.find((g) => g.text.startsWith(starts));

const A = doc('a', '"The bridge will open in May and tolls will stay at two euros for cars," said Lena Vogt, the transport minister.');
const B = doc('b', 'Transport minister Lena Vogt said "tolls will stay at two euros for cars" once the bridge opens.');
const C = doc('c', 'The minister said: "The bridge will open in June and tolls will remain at two euros for cars."');
const D = doc('d', 'Vogt argued that the bridge will open in May and tolls will stay at two euros for cars, a promise critics doubt.');
const E = doc('e', 'Lena Vogt: "The bridge will open in May ... at two euros for cars."');

test('verbatim, trimmed, altered, ellipsis and plain-text occurrences of one quote', () => {
  const groups = matchQuotes([A, B, C, D, E]);
  const g = groupOf(groups, 'The bridge will open in May');
  assert.ok(g, JSON.stringify(groups.map((x) => x.text)));
  const byDoc = Object.fromEntries(g.occurrences.map((o) => [o.document, o]));
  assert.equal(byDoc.a.kind, 'verbatim');
  assert.equal(byDoc.b.kind, 'trimmed');
  assert.equal(byDoc.b.verbatim, true);
  assert.equal(byDoc.c.kind, 'altered');
  assert.deepEqual(byDoc.c.changes, [{ from: 'may', to: 'june' }, { from: 'stay', to: 'remain' }]);
  assert.equal(byDoc.d.quoted, false);
  assert.equal(byDoc.d.verbatim, true);
  assert.equal(byDoc.e.kind, 'trimmed');
  assert.equal(g.speaker, 'Transport minister Lena Vogt'); // the longest name any carrier gives
});

test('unrelated quotes stay apart', () => {
  const x = doc('x', '"Prices for bread rose by ten percent last winter," a baker said.');
  const y = doc('y', '"The council will review the parking rules next spring," a spokesman said.');
  assert.equal(matchQuotes([x, y]).length, 2);
});

test('compareQuotes: equal ignores case and punctuation; contained is overlap', () => {
  const t = (s: string) => quoteTokens(s);
  assert.equal(compareQuotes(t("That's TRUE, he said."), t('thats true he said')).verdict, 'equal');
  const c = compareQuotes(t('one two three four five six'), t('three four five'));
  assert.equal(c.verdict, 'overlap');
  assert.equal(c.matched, 3);
});

const POOL = [A, B, C, D, E, doc('f', '"Nobody asked the residents what they wanted," said a neighbour. Tolls will stay at two euros.')];

test('property: matching does not depend on document order', () => {
  fc.assert(
    fc.property(fc.shuffledSubarray(POOL, { minLength: 1 }), (docs) => {
      const sorted = [...docs].sort((p, q) => p.id.localeCompare(q.id));
      assert.deepEqual(matchQuotes(docs), matchQuotes(sorted));
    }),
    { numRuns: 60, seed: 7 },
  );
});

test('seeds: shared and altered quotes', (t) => {
  const dir = sharedPath('seeds');
  if (!dir) return t.skip(SHARED_MISSING);
  const docs = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => doc(f.slice(0, 3), normalizeText(readFileSync(join(dir, f), 'utf8'))));
  const groups = matchQuotes(docs);
  const helpful = groupOf(groups, 'Former administration officials can play a very helpful role');
  const devise = groupOf(groups, 'to devise a political strategy');
  for (const g of [helpful, devise]) {
    assert.ok(g);
    const kinds = Object.fromEntries(g.occurrences.map((o) => [o.document, o.kind]));
    assert.deepEqual(kinds, { '000': 'altered', '002': 'verbatim', '003': 'verbatim' });
  }
  const spun = helpful!.occurrences.find((o) => o.document === '000')!;
  assert.deepEqual(spun.changes, [{ from: 'a very helpful role', to: 'an extremely valuable function' }]);
  assert.ok(groups.every((g) => g.occurrences.every((o) => o.document !== '004') || g.occurrences.length === g.occurrences.filter((o) => o.document === '004').length));
});
