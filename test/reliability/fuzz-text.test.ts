/**
 * Fuzzing the text stages beyond the property tests beside them: normalisation on any UTF-16
 * (lone surrogates included) and cleanPlainText idempotence on line-structured text, sentence
 * splitting on any string, boilerplate spans, title/date/byline guesses, and tokenisation on
 * raw UTF-16. Seeded and bounded.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findBoilerplate } from '../../src/text/boilerplate.js';
import { cleanPlainText, normalizeText } from '../../src/text/normalize.js';
import { segment, splitParagraphs } from '../../src/text/segment.js';
import { dateLine, datePrefix, guessPublished, guessTitle, parseDate } from '../../src/text/textmeta.js';
import { tokenize } from '../../src/text/tokenize.js';
import { fakeLexicon } from '../../src/align/test-helpers.js';
import type { Span } from '../../src/types.js';

const inside = (s: Span, len: number) => Number.isInteger(s.start) && 0 <= s.start && s.start < s.end && s.end <= len;
const ordered = (spans: Span[]) => spans.every((s, i) => i === 0 || spans[i - 1].end <= s.start);
const ISO = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** News-shaped lines: furniture, datelines, bylines, wrapped wire copy, typography, noise. */
const LINE = fc.oneof(
  fc.constantFrom(
    'By Jane Doe and John Smith', 'BY MARIA LOPEZ, Reuters', 'Posted on March 3, 2021', 'Published: 2021-03-03 10:00 GMT',
    'Leave a Reply', 'Share this:', 'Facebook Twitter Email', 'Sign up for our daily newsletter', '(Photo: AP / Jane Doe)',
    '© 2024 Daily Planet. All rights reserved.', 'Read more: Council votes', '***', '03:03 27/01/00: Page 1', '31/12/1999',
    'The council met on Monday and voted on the plan.<', '\u201cWe will,\u201d said Mr. Lee \u2014 at 5 p.m.', '\u00a0\u200b\u00ad', '',
  ),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.array(fc.constantFrom('the', 'council', 'voted', 'on', 'Monday', 'in', 'a', 'long', 'and', 'bitter', 'meeting', 'about', 'rates'), { minLength: 8, maxLength: 16 }).map((w) => w.join(' ')),
);
const ARTICLE = fc.array(LINE, { maxLength: 14 }).map((lines) => lines.join('\n'));

test('normalizeText is idempotent on any UTF-16, lone surrogates included', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
      const once = normalizeText(s);
      assert.equal(normalizeText(once), once);
      assert.ok(!/[\r\u0000\u200b\ufeff]/.test(once));
    }),
    { seed: 201, numRuns: 500 },
  );
});

test('cleanPlainText (normalise, unwrap wire copy, drop line-end marks) is idempotent', () => {
  fc.assert(
    fc.property(ARTICLE, (s) => {
      const once = cleanPlainText(s);
      assert.equal(cleanPlainText(once), once);
    }),
    { seed: 202, numRuns: 400 },
  );
});

test('segment on any string: sentences inside the text, ordered, trimmed, within paragraphs', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), ARTICLE), (text) => {
      const { paragraphs, sentences } = segment(text);
      assert.ok(paragraphs.every((p) => inside(p, text.length)) && ordered(paragraphs));
      assert.ok(sentences.every((s) => inside(s, text.length)) && ordered(sentences));
      for (const s of sentences) {
        assert.ok(!/^\s|\s$/.test(text.slice(s.start, s.end)), 'trimmed');
        assert.ok(paragraphs.some((p) => p.start <= s.start && s.end <= p.end), 'inside one paragraph');
      }
    }),
    { seed: 203, numRuns: 400 },
  );
});

test('findBoilerplate: spans inside paragraphs, sorted, disjoint, known kinds; title and date guesses well-formed', () => {
  const kinds = new Set(['comments', 'social', 'newsletter', 'related_links', 'photo', 'byline', 'footer', 'other', 'dateline', 'repeated_title']);
  fc.assert(
    fc.property(ARTICLE, fc.option(fc.string({ maxLength: 40 })), (raw, title) => {
      const text = cleanPlainText(raw);
      const paragraphs = splitParagraphs(text);
      const spans = findBoilerplate(text, paragraphs, title);
      assert.ok(spans.every((s) => inside(s, text.length)) && ordered(spans), JSON.stringify(spans));
      for (const s of spans) {
        assert.ok(paragraphs.some((p) => p.start <= s.start && s.end <= p.end));
        assert.ok(kinds.has(s.kind), s.kind);
      }
      const guessed = guessTitle(text, paragraphs, spans);
      if (guessed !== null) assert.ok(guessed.length > 0 && guessed.length <= 200 && text.includes(guessed));
      const published = guessPublished(text, spans.filter((s) => s.kind === 'dateline'));
      if (published !== null) assert.match(published, ISO);
    }),
    { seed: 204, numRuns: 400 },
  );
});

test('date readers never throw; prefixes lie inside their paragraph; dates are real ISO dates', () => {
  const dateish = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom('2021-02-30', 'February 31, 2021', '31/04/2020', '29 Feb 2023', '2024-02-29', 'Published: 2021-04-31 - Text'),
    fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 3000 }), fc.constantFrom('/', '.', '-', ' '), fc.string({ maxLength: 10 }))
      .map(([d, m, y, sep, rest]) => `${d}${sep}${m}${sep}${y}${rest}`),
    fc.constantFrom('Published: ', 'Updated ', 'Monday, ', '').chain((label) => fc.string({ maxLength: 30 }).map((s) => `${label}${s}`)),
  );
  fc.assert(
    fc.property(dateish, (s) => {
      for (const v of [parseDate(s), dateLine(s)]) if (v) assert.match(v, ISO);
      const prefix = datePrefix(s);
      if (prefix) {
        assert.ok(prefix.length > 0 && prefix.length < s.length);
        if (prefix.iso) assert.match(prefix.iso, ISO);
      }
      const iso = parseDate(s);
      if (iso) {
        const [y, m, d] = iso.split('-').map(Number);
        assert.equal(new Date(Date.UTC(y, m - 1, d)).getUTCDate(), d, `${iso} is not a calendar date`);
      }
    }),
    { seed: 205, numRuns: 1000 },
  );
});

test('tokenize on raw UTF-16 (lone surrogates, combining marks): tokens inside, ordered, surface = slice', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (text) => {
      const { sentences } = segment(text);
      const tokens = tokenize(text, sentences, fakeLexicon);
      assert.ok(tokens.every((t) => inside(t, text.length) && text.slice(t.start, t.end) === t.surface));
      assert.ok(ordered(tokens));
      assert.deepEqual(tokenize(text, sentences, fakeLexicon), tokens, 'deterministic');
    }),
    { seed: 206, numRuns: 400 },
  );
});
