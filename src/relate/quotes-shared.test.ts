import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { AnalyzedArticle } from './analyzed.js';
import { lineOfWords, quoteWords, sharedQuotes } from './quotes-shared.js';

const plainLine = (text: string): string => ' ' + quoteWords(text).join(' ') + ' ';

test('property: lineOfWords is the words of quoteWords joined by spaces, padded', () => {
  const char = fc.constantFrom('a', 'B', 'é', 'İ', 'ß', '7', "'", '’', ' ', '  ', '\n', '\u00a0', '-', '.', '"', '😀', 'Ω', '٣');
  const text = fc.oneof(fc.array(char, { maxLength: 40 }).map((cs) => cs.join('')), fc.string({ unit: 'grapheme', maxLength: 40 }));
  fc.assert(
    fc.property(text, (t) => assert.equal(lineOfWords(t), plainLine(t))),
    { numRuns: 2000 },
  );
  for (const t of ['', ' ', '...', 'word', ' word ', "Don't stop!", 'İstanbul 2024']) assert.equal(lineOfWords(t), plainLine(t), JSON.stringify(t));
});

/** Just what sharedQuotes reads of an analysed article: its text and its quotes. */
const analysed = (text: string, quotes: string[]): AnalyzedArticle =>
  ({ article: { text }, quotes: quotes.map((q, i) => ({ text: q, start: i, end: i + q.length })) }) as unknown as AnalyzedArticle;

test('property: sharedQuotes keeps the quotes of six words or more whose words run, in order, in the other text', () => {
  const word = fc.constantFrom('the', 'court', 'Court', 'heard', 'İzmir', 'DON’T', "don't", 'a', 'jury', 'said', 'co-op', '1,200', 'Straße', 'strasse');
  const sep = fc.constantFrom(' ', ', ', '. ', '\n', ' — ', '"', ' (', "'");
  const words = fc.array(word, { minLength: 1, maxLength: 12 });
  const join = (ws: string[], seps: string[]): string => ws.map((w, i) => w + (seps[i % seps.length] ?? ' ')).join('');
  const text = fc.tuple(words, fc.array(sep, { minLength: 1, maxLength: 4 })).map(([ws, ss]) => join(ws, ss));
  fc.assert(
    fc.property(fc.array(text, { maxLength: 4 }), text, text, (quotes, before, after) => {
      // the other text often holds one of the quotes, with other words around it
      const other = before + (quotes[0] ?? '') + ' ' + after;
      const expected = quotes.filter((q) => quoteWords(q).length >= 6 && plainLine(other).includes(plainLine(q)));
      assert.deepEqual(sharedQuotes(analysed('', quotes), analysed(other, [])).map((q) => q.text), expected);
    }),
    { numRuns: 2000 },
  );
});
