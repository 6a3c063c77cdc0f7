import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MASK, maskQuotes } from './speaker-text.js';

/** The plain definition: every position inside some span becomes MASK. */
function maskEachPosition(text: string, spans: ReadonlyArray<{ start: number; end: number }>): string {
  const chars = [...text.split('')];
  for (const q of spans) for (let i = Math.max(0, q.start); i < Math.min(text.length, q.end); i++) chars[i] = MASK;
  return chars.join('');
}

test('maskQuotes masks exactly the quoted positions, whatever the spans\' order and overlaps', () => {
  const textAndSpans = fc.string({ maxLength: 60 }).chain((text) =>
    fc.tuple(
      fc.constant(text),
      fc.array(
        fc.tuple(fc.integer({ min: -3, max: text.length + 3 }), fc.integer({ min: 0, max: 20 })).map(([start, len]) => ({ start, end: start + len })),
        { maxLength: 6 },
      ),
    ),
  );
  fc.assert(
    fc.property(textAndSpans, ([text, spans]) => {
      const masked = maskQuotes(text, spans);
      assert.equal(masked.length, text.length);
      assert.equal(masked, maskEachPosition(text, spans));
    }),
    { seed: 7, numRuns: 500 },
  );
});

test('maskQuotes keeps the quote marks and everything outside the quote', () => {
  const text = 'He said "we will go" and left.';
  const inner = { start: text.indexOf('we'), end: text.indexOf('go') + 2 };
  assert.equal(maskQuotes(text, [inner]), `He said "${MASK.repeat(inner.end - inner.start)}" and left.`);
});
