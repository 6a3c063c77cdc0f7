import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { extractQuotes } from './quotes.js';
import { normalizeText } from '../text/normalize.js';
import { sharedPath, SHARED_MISSING } from '../test-helpers/shared.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'quotes');

interface ExpectedQuote {
  text: string;
  speaker?: string;
  short?: boolean;
  parts?: number;
}

for (const name of readdirSync(FIXTURES).sort()) {
  test(`golden quotes: ${name}`, () => {
    const text = readFileSync(join(FIXTURES, name, 'source.txt'), 'utf8');
    const expected = JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')).quotes as ExpectedQuote[];
    const got = extractQuotes(text);
    assert.deepEqual(got.map((q) => q.text), expected.map((e) => e.text));
    expected.forEach((e, i) => {
      if (e.speaker !== undefined) assert.equal(got[i].speaker, e.speaker, `speaker of "${e.text}"`);
      assert.equal(got[i].short ?? false, e.short ?? false, `short of "${e.text}"`);
      assert.equal(got[i].parts?.length ?? 1, e.parts ?? 1, `parts of "${e.text}"`);
    });
  });
}

test('apostrophes are not quote marks', () => {
  const q = extractQuotes("The students' union said Iran's 'hardliners' won't talk, and it's the '90s again.");
  assert.deepEqual(q.map((x) => x.text), ['hardliners']);
  assert.equal(q[0].short, true);
});

test('a pronoun speaker resolves to the nearest preceding named person', () => {
  const text = 'Maria Keller, a lawyer for the families, told reporters: "We will appeal."\n"The judge ignored the evidence," she added.';
  const q = extractQuotes(text);
  assert.equal(q[1].speaker, 'Maria Keller');
  assert.equal(q[1].speakerAt, text.indexOf('Maria Keller'));
});

test('according to X after a quote names X', () => {
  const q = extractQuotes('The plan "will cut waiting lists by half within a year," according to a senior health official.');
  assert.equal(q[0].speaker, 'a senior health official');
});

const QUOTE_TEXT = fc.array(
  fc.constantFrom('"', "'", 'word', ' ', ',', '.', '\n', '\n\n', 'said', 'Anna Berg', 'he', ' told the Times', '...', 'U.S.', '[x]'),
  { maxLength: 60 },
);

test('property: never throws; offsets in range; text is the slice; speaker offsets in range', () => {
  fc.assert(
    fc.property(QUOTE_TEXT, (parts) => {
      const text = parts.join('');
      const quotes = extractQuotes(text);
      for (const q of quotes) {
        assert.ok(q.start >= 0 && q.start < q.end && q.end <= text.length);
        assert.equal(q.text, text.slice(q.start, q.end));
        if (q.speakerAt !== undefined) assert.ok(q.speakerAt >= 0 && q.speakerAt < text.length);
        for (const p of q.parts ?? []) assert.ok(p.start >= q.start && p.end <= q.end);
      }
    }),
    { numRuns: 300, seed: 42 },
  );
});

function seed(prefix: string): string | null {
  const dir = sharedPath('seeds');
  if (!dir) return null;
  const file = readdirSync(dir).find((f) => f.startsWith(prefix));
  return file ? normalizeText(readFileSync(join(dir, file), 'utf8')) : null;
}

test('seeds: misused marks, multi-paragraph quote and speakers', (t) => {
  const s000 = seed('000');
  const s003 = seed('003');
  if (!s000 || !s003) return t.skip(SHARED_MISSING);
  const q000 = extractQuotes(s000);
  const multi = q000.find((q) => q.text.startsWith('However it is not good practice'));
  assert.ok(multi?.parts?.length === 2 && multi.text.endsWith('leading state sponsor of terrorism'));
  assert.equal(multi.speaker, 'Mr. Dubowitz');
  assert.ok(q000.some((q) => q.text.startsWith("He's the signal") && q.speaker === 'the former authorities'));
  const q003 = extractQuotes(s003);
  const added = q003.find((q) => q.text.startsWith("That's especially true"));
  assert.equal(added?.speaker, 'Mark Dubowitz');
  assert.equal(q003.find((q) => q.text.startsWith('to devise'))?.speaker, 'One former senior U.S. official');
});
