import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { quoteTokens } from './quote-align.js';
import { DEFAULT_QUOTE_MATCH_OPTIONS } from './quote-match.js';
import { findInPlainText, PlainTextSearch } from './quote-search.js';

const WORDS = ['the', 'minister', 'said', 'dam', 'will', 'open', 'in', 'may', 'we', 'not', 'pay', 'twice', 'river', 'late'];
const arbText = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 60 }).map((w) => w.join(' ') + '.');

test('PlainTextSearch finds what findInPlainText finds in every document not skipped', () => {
  fc.assert(
    fc.property(
      fc.array(arbText, { minLength: 1, maxLength: 8 }),
      fc.nat(), fc.integer({ min: 1, max: 14 }), fc.array(fc.constantFrom(...WORDS), { maxLength: 3 }), fc.nat(),
      (texts, pick, length, edits, skipAt) => {
        const docs = texts.map((text, i) => ({ id: `d${i}`, text }));
        // A quote cut from one document, with a few words changed: verbatim, trimmed or altered hits.
        const source = quoteTokens(docs[pick % docs.length].text).map((t) => t.norm);
        const start = source.length > 0 ? pick % source.length : 0;
        const words = source.slice(start, start + length);
        edits.forEach((w, k) => { if (words.length > 0) words[(k * 5) % words.length] = w; });
        const quote = quoteTokens(words.join(' '));
        const skip = new Set([docs[skipAt % docs.length].id]);
        const want = docs.filter((d) => !skip.has(d.id)).flatMap((d) => findInPlainText(quote, d, DEFAULT_QUOTE_MATCH_OPTIONS));
        assert.deepEqual(new PlainTextSearch(docs).find(quote, skip, DEFAULT_QUOTE_MATCH_OPTIONS), want);
      },
    ),
    { numRuns: 300, seed: 9 },
  );
});

test('a quote is found in a document that rewords the attribution but keeps the words', () => {
  const docs = [
    { id: 'a', text: 'Heavy snow closed the pass on Tuesday.' },
    { id: 'b', text: 'Osei argued that we will not pay twice for the same bridge, according to the ministry.' },
  ];
  const quote = quoteTokens('We will not pay twice for the same bridge');
  const found = new PlainTextSearch(docs).find(quote, new Set(), DEFAULT_QUOTE_MATCH_OPTIONS);
  assert.equal(found.length, 1);
  assert.equal(found[0].document, 'b');
  assert.equal(docs[1].text.slice(found[0].start, found[0].end), 'we will not pay twice for the same bridge');
  assert.equal(found[0].kind, 'verbatim');
});
