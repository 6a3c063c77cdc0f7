import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lineOfWords, quoteWords } from './quotes-shared.js';

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
