import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { segment } from './segment.js';

function sentencesOf(text: string, exclude = [] as { start: number; end: number }[]): string[] {
  return segment(text, exclude).sentences.map((s) => text.slice(s.start, s.end));
}

test('paragraphs: every non-blank line, trimmed', () => {
  const text = ' First line.\nSecond line\n\n  Third.  ';
  const { paragraphs } = segment(text);
  assert.deepEqual(paragraphs.map((p) => text.slice(p.start, p.end)), ['First line.', 'Second line', 'Third.']);
});

test('abbreviations, titles and initials do not end sentences', () => {
  assert.deepEqual(
    sentencesOf('Mr. Zarif met Sen. Smith and Gov. Jones in St. Louis. Former Secretary John F. Kerry was there.'),
    ['Mr. Zarif met Sen. Smith and Gov. Jones in St. Louis.', 'Former Secretary John F. Kerry was there.'],
  );
  assert.deepEqual(sentencesOf('The U.S. envoy met the U.N. chief on Feb. 21 at No. 10 Downing Street.'), [
    'The U.S. envoy met the U.N. chief on Feb. 21 at No. 10 Downing Street.',
  ]);
  assert.deepEqual(sentencesOf('Acme Inc. Chairman Bob Jr. Smith spoke. Prices rose 3.5 percent.'), [
    'Acme Inc. Chairman Bob Jr. Smith spoke.',
    'Prices rose 3.5 percent.',
  ]);
});

test('a dotted acronym ends a sentence before a common opening word', () => {
  assert.deepEqual(sentencesOf('It is hostile to the U.S. In its history, few were charged.'), [
    'It is hostile to the U.S.',
    'In its history, few were charged.',
  ]);
});

test('quotes after the period, question marks, ellipses', () => {
  assert.deepEqual(sentencesOf('"It was a plan," he said. "He is the signal." He left. Why? Nobody knew.'), [
    '"It was a plan," he said.',
    '"He is the signal."',
    'He left.',
    'Why?',
    'Nobody knew.',
  ]);
  assert.deepEqual(sentencesOf('"Why?" he asked. He was hell-bent ... to pursue it... Then he went.'), [
    '"Why?" he asked.',
    'He was hell-bent ... to pursue it...',
    'Then he went.',
  ]);
});

test('a paragraph end ends a sentence even without a period', () => {
  assert.deepEqual(sentencesOf('The pact ended in 2018\nHe said more'), ['The pact ended in 2018', 'He said more']);
});

test('excluded spans are left out, also when they are part of a paragraph', () => {
  const text = ' date 2021-02-23 In 2019 he tried. It failed.\nJoin our channel!\nThe end.';
  const excluded = [
    { start: 0, end: 16 },
    { start: text.indexOf('Join'), end: text.indexOf('Join') + 17 },
  ];
  assert.deepEqual(sentencesOf(text, excluded), ['In 2019 he tried.', 'It failed.', 'The end.']);
});

test('property: sentences are inside the text, ordered, non-overlapping, trimmed, outside exclusions', () => {
  const chars = fc.constantFrom('a', 'B', ' ', '.', '!', '?', '"', "'", '\n', 'Mr', 'U.S.', '3', 'In', '...');
  fc.assert(
    fc.property(
      fc.array(chars, { maxLength: 80 }).map((a) => a.join('')),
      fc.array(fc.tuple(fc.nat(100), fc.nat(20)), { maxLength: 3 }),
      (text, ex) => {
        const exclude = ex.map(([s, n]) => ({ start: Math.min(s, text.length), end: Math.min(s + n, text.length) }));
        const { paragraphs, sentences } = segment(text, exclude);
        for (const list of [paragraphs, sentences]) {
          let last = 0;
          for (const s of list) {
            assert.ok(s.start >= last && s.start < s.end && s.end <= text.length);
            assert.equal(text.slice(s.start, s.end).trim(), text.slice(s.start, s.end));
            last = s.end;
          }
        }
        for (const s of sentences) for (const x of exclude) assert.ok(s.end <= x.start || s.start >= x.end);
      },
    ),
    { numRuns: 500 },
  );
});
