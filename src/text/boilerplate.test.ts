import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { findBoilerplate, LINE_RULES } from './boilerplate.js';
import { cleanPlainText } from './normalize.js';
import { splitParagraphs } from './segment.js';
import { guessTitle } from './textmeta.js';
import { sharedPath, SHARED_MISSING } from '../test-helpers/shared.js';
import type { BoilerplateSpan } from '../types.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'boilerplate');

/** What prepareArticle does: rules without a title, guess the headline, rules again with it. */
function analyse(raw: string): { text: string; title: string | null; spans: BoilerplateSpan[] } {
  const text = cleanPlainText(raw);
  const paragraphs = splitParagraphs(text);
  const title = guessTitle(text, paragraphs, findBoilerplate(text, paragraphs, null));
  return { text, title, spans: findBoilerplate(text, paragraphs, title) };
}

for (const name of readdirSync(FIXTURES).sort()) {
  test(`golden boilerplate fixture: ${name}`, () => {
    const { text, spans } = analyse(readFileSync(join(FIXTURES, name, 'source.txt'), 'utf8'));
    const expected = JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8'));
    const got = spans.map((s) => ({ kind: s.kind, text: text.slice(s.start, s.end) }));
    assert.deepEqual(got, expected.boilerplate);
  });
}

/** Seed boilerplate as listed in the seeds' expected.json, as text each item must fall in. */
const SEED_ITEMS: Record<string, string[]> = {
  '000': ['Find Out More', 'Redak staff', 'Leave a Reply', 'Your email address will not be published.'],
  '002': ['Join our brand new verified AMN Telegram channel', '(U.S. State Department)', 'February 22, 2021'],
  '003': ['No comments:', 'Post a Comment'],
  '004': ['(photo credit: JONATHAN ERNST / REUTERS)', 'Victor Cabrera is a student intern', 'For more stories, go to'],
};

test('seeds: every listed boilerplate item is covered, and no body paragraph is marked', (t) => {
  const dir = sharedPath('seeds');
  if (!dir) return t.skip(SHARED_MISSING);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const { text, title, spans } = analyse(readFileSync(join(dir, file), 'utf8'));
    const covered = (at: number): boolean => spans.some((s) => s.start <= at && at < s.end);
    for (const item of SEED_ITEMS[file.slice(0, 3)] ?? []) {
      const at = text.lastIndexOf(item);
      assert.ok(at >= 0 && covered(at) && covered(at + item.length - 1), `${file}: "${item}" not covered`);
    }
    for (const p of splitParagraphs(text)) {
      const line = text.slice(p.start, p.end);
      // Body paragraphs are long sentences ending in a period or quote; quotes start with '"'.
      const isBody = (line.length > 120 && /[."]$/.test(line) && !/\(/.test(line.slice(-60))) || /^"/.test(line);
      if (isBody) assert.ok(!spans.some((s) => s.start <= p.start && s.end >= p.end), `${file}: body marked: ${line.slice(0, 80)}`);
    }
    if (file.startsWith('000')) {
      assert.equal(title, 'John Kerry held backchannel talks with Iran, Javad Zarif');
      assert.equal(spans.filter((s) => s.kind === 'repeated_title').length, 1);
    }
  }
});

test('property: a line rule\'s guard never refuses a line its pattern matches', () => {
  const words = fc.constantFrom(
    'Follow us on', 'SHARE THIS', 'Tweet', 'pin it', 'Sign Up', 'SUBSCRIBE', 'register', 'for our', 'Newsletter', 'inbox',
    'For more news', 'Click Here', '©', '(C)', 'Copyright', 'All Rights Reserved', 'Reporting by X;', 'Editing by Y',
    '(Photo: AP)', '(file)', ')', ' .', '.', 'İ', 'K', 'ſ', 'Your email address will not be published', 'Comments are closed',
    'required fields are marked', 'you must be logged in to post a comment', ' ', 'the', 'x',
  );
  const lines = fc.array(words, { maxLength: 8 }).map((a) => a.join(' ').trim());
  let matched = 0;
  fc.assert(
    fc.property(lines, (line) => {
      for (const [, rule, guard] of LINE_RULES) {
        if (!guard || !rule.test(line)) continue;
        matched++;
        assert.ok(guard(line, line.toLowerCase()), `${rule} matches ${JSON.stringify(line)} but its guard refuses it`);
      }
    }),
    { numRuns: 3000 },
  );
  assert.ok(matched > 500);
});
