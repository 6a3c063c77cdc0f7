import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignTokens } from './align.js';
import { fakeLexicon, testTokenize } from './test-helpers.js';

const align = (a: string, b: string) => alignTokens(a, testTokenize(a), b, testTokenize(b), fakeLexicon);

const S1 = 'President Trump sought to open a back channel with leading Iranian officials last autumn.';
const S2 = 'He saw the general assembly meeting in September as a chance to defuse escalating tension with Tehran.';
const S3 = 'The sources, including several from the intelligence community who spoke on condition of anonymity, described a web of activity.';
const S4 = 'Lobbying efforts reached directly into the White House during those years, the officials said.';
const S5 = 'Former administration officials can play a very helpful role in close coordination with a sitting administration.';
const OTHER = 'Farmers in the valley harvested apples early because frost arrived sooner than forecasters expected this season.';

test('identical texts give one passage covering everything, shares 1, no substitutions', () => {
  const text = [S1, S2, S3, S4].join(' ');
  const r = align(text, text);
  assert.equal(r.passages.length, 1);
  const tokens = testTokenize(text);
  assert.deepEqual(r.passages[0].a, [tokens[0].start, tokens[tokens.length - 1].end]);
  assert.deepEqual(r.passages[0].b, r.passages[0].a);
  assert.equal(r.passages[0].similarity, 1);
  assert.deepEqual(r.passages[0].edits.map((e) => e.op), ['same']);
  assert.equal(r.share_a, 1);
  assert.equal(r.share_b, 1);
  assert.equal(r.substitutions.length, 0);
  assert.equal(r.stats.order_kept, 1);
  assert.equal(r.stats.longest_run, tokens.length);
});

test('unrelated texts align nothing', () => {
  const r = align([S1, S2].join(' '), [OTHER, 'The orchard owners sold cider at the county fair on Sunday.'].join(' '));
  assert.equal(r.passages.length, 0);
  assert.equal(r.share_a, 0);
  assert.equal(r.share_b, 0);
});

test('reordered passages are each aligned, and order_kept drops', () => {
  const a = [S1, S2, S3, S4, S5].join(' ');
  const b = [S5, S3, S4, S1, S2].join(' ');
  const r = align(a, b);
  assert.equal(r.share_a, 1);
  assert.equal(r.share_b, 1);
  assert.ok(r.passages.length >= 3, `passages: ${r.passages.length}`);
  assert.ok(r.stats.order_kept < 0.6, `order_kept ${r.stats.order_kept}`);
  for (const p of r.passages) assert.equal(a.slice(...p.a), b.slice(...p.b));
});

test('an inserted sentence and a deleted sentence leave the rest aligned in one order', () => {
  const a = [S1, S2, S3, S4, S5].join(' ');
  const b = [S1, S2, OTHER, S3, S5].join(' ');
  const r = align(a, b);
  assert.equal(r.stats.order_kept, 1);
  const inB = b.length - OTHER.length;
  assert.ok(r.share_b < 0.9 && r.share_b > 0.7, `share_b ${r.share_b}`);
  assert.ok(r.share_a < 0.95 && r.share_a > 0.7, `share_a ${r.share_a}`);
  const covered = r.passages.reduce((n, p) => n + p.b[1] - p.b[0], 0);
  assert.ok(covered <= inB + 2);
});

test('spun copy: thesaurus and context swaps are reported with offsets', () => {
  const a = [S1, S2, S3, S4].join(' ');
  const b = a
    .replace('tension', 'stress')
    .replace('intelligence community', 'intelligence neighborhood')
    .replace('White House', 'White Home')
    .replace('anonymity', 'privacy');
  const r = align(a, b);
  assert.equal(r.passages.length, 1);
  const swaps = r.substitutions.map((s) => `${s.a}>${s.b}:${s.evidence}`);
  assert.deepEqual(swaps, [
    'tension>stress:thesaurus',
    'community>neighborhood:context',
    'anonymity>privacy:context',
    'House>Home:thesaurus',
  ]);
  for (const s of r.substitutions) {
    assert.equal(a.slice(s.a_at, s.a_at + s.a.length), s.a);
    assert.equal(b.slice(s.b_at, s.b_at + s.b.length), s.b);
  }
  assert.equal(r.stats.synonym, 2);
  assert.equal(r.stats.replaced, 2);
});

test('altered quote: equal-length swaps are reported word by word', () => {
  const b = S5.replace('a very helpful role', 'an extremely valuable function');
  const r = align(S5, b);
  const swaps = r.substitutions.map((s) => `${s.a}>${s.b}:${s.evidence}`);
  assert.deepEqual(swaps, ['very>extremely:context', 'helpful>valuable:thesaurus', 'role>function:thesaurus']);
});

test('loose paraphrase aligns but does not yield context swaps', () => {
  const a = 'The minister met the former envoy in New York to discuss sanctions relief and frozen bank accounts before the talks.';
  const b = 'Sanctions relief and the frozen bank accounts were what the minister discussed when meeting an ex envoy in New York ahead of talks.';
  const r = align(a, b);
  assert.ok(r.passages.length >= 1);
  assert.deepEqual(r.substitutions.filter((s) => s.evidence === 'context'), []);
});

test('edits tile each passage: same edits read the same words, offsets in order', () => {
  const a = [S1, S2, S3, S4].join(' ');
  const b = [S1, S2.replace('defuse', 'calm down the'), S3.replace('several ', ''), S4].join(' ');
  const r = align(a, b);
  for (const p of r.passages) {
    let lastA = p.a[0];
    let lastB = p.b[0];
    for (const e of p.edits) {
      if (e.a) {
        assert.ok(e.a[0] >= lastA && e.a[1] <= p.a[1]);
        lastA = e.a[1];
      }
      if (e.b) {
        assert.ok(e.b[0] >= lastB && e.b[1] <= p.b[1]);
        lastB = e.b[1];
      }
      if (e.op === 'same') assert.equal(a.slice(...e.a!).toLowerCase(), b.slice(...e.b!).toLowerCase());
    }
  }
  const ops = new Set(r.passages.flatMap((p) => p.edits.map((e) => e.op)));
  assert.ok(ops.has('replace') && ops.has('delete'), [...ops].join(','));
});
