import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Alignment } from '../types.js';
import { alignTokens } from './align.js';
import { fakeLexicon, testTokenize } from './test-helpers.js';

const VOCAB = (
  'the of to a in and house home think believe tension stress role function big large fast quick ' +
  'minister envoy talks sanctions relief iran tehran court judge jury trial evidence witness police ' +
  'officer report sources community neighborhood network strategy technique valuable helpful'
).split(' ');

/** A text from word indices; a true flag ends the sentence after that word. */
const textArb = fc.array(fc.tuple(fc.constantFrom(...VOCAB), fc.integer({ min: 0, max: 9 }).map((n) => n === 0)), { minLength: 20, maxLength: 90 });
const render = (words: Array<[string, boolean]>): string => words.map(([w, end]) => (end ? `${w}.` : w)).join(' ');

/** b is made of slices of a (reordered), words swapped, and noise: the shapes reuse takes. */
const pairArb = fc
  .record({
    a: textArb,
    noise: textArb,
    cuts: fc.array(fc.nat({ max: 90 }), { minLength: 4, maxLength: 4 }),
    swaps: fc.array(fc.tuple(fc.nat({ max: 90 }), fc.constantFrom(...VOCAB)), { maxLength: 6 }),
  })
  .map(({ a, noise, cuts, swaps }) => {
    const [p, q, r, s] = cuts.map((c) => Math.min(c, a.length));
    const b = [...a.slice(Math.min(r, s), Math.max(r, s)), ...noise.slice(0, 10), ...a.slice(Math.min(p, q), Math.max(p, q))];
    for (const [at, w] of swaps) if (at < b.length) b[at] = [w, b[at][1]];
    return { a: render(a), b: render(b) };
  });

const run = (a: string, b: string): Alignment => alignTokens(a, testTokenize(a), b, testTokenize(b), fakeLexicon);

function assertWellFormed(r: Alignment, a: string, b: string): void {
  const inside = (x: [number, number] | null, len: number) => assert.ok(!x || (0 <= x[0] && x[0] < x[1] && x[1] <= len));
  for (const share of [r.share_a, r.share_b, r.stats.order_kept]) assert.ok(share >= 0 && share <= 1);
  r.passages.forEach((p, i) => {
    inside(p.a, a.length);
    inside(p.b, b.length);
    assert.ok(p.similarity > 0 && p.similarity <= 1);
    if (i > 0) assert.ok(r.passages[i - 1].a[1] <= p.a[0], 'passages sorted and disjoint in a');
    for (const e of p.edits) {
      inside(e.a, a.length);
      inside(e.b, b.length);
      if (e.a) assert.ok(e.a[0] >= p.a[0] && e.a[1] <= p.a[1]);
      if (e.b) assert.ok(e.b[0] >= p.b[0] && e.b[1] <= p.b[1]);
    }
  });
  for (const s of r.substitutions) {
    assert.equal(a.slice(s.a_at, s.a_at + s.a.length), s.a);
    assert.equal(b.slice(s.b_at, s.b_at + s.b.length), s.b);
  }
}

test('offsets always fall inside the texts, passages are sorted and disjoint', () => {
  fc.assert(
    fc.property(pairArb, ({ a, b }) => assertWellFormed(run(a, b), a, b)),
    { seed: 7, numRuns: 200 },
  );
});

/** Passage extents of an alignment, as "a0-a1/b0-b1" strings, mirrored when asked. */
const extents = (r: Alignment, mirror: boolean): string[] =>
  r.passages.map((p) => (mirror ? `${p.b[0]}-${p.b[1]}/${p.a[0]}-${p.a[1]}` : `${p.a[0]}-${p.a[1]}/${p.b[0]}-${p.b[1]}`)).sort();

test('aligning (b, a) gives exactly the mirrored passages, substitutions and shares', () => {
  let withPassages = 0;
  fc.assert(
    fc.property(pairArb, ({ a, b }) => {
      const ab = run(a, b);
      const ba = run(b, a);
      if (ab.passages.length > 0) withPassages++;
      assert.deepEqual(extents(ba, true), extents(ab, false));
      const swaps = (r: Alignment, mirror: boolean) =>
        r.substitutions.map((x) => (mirror ? `${x.b_at}:${x.b}>${x.a}` : `${x.a_at}:${x.a}>${x.b}`)).sort();
      assert.deepEqual(swaps(ba, true), swaps(ab, false));
      assert.equal(ab.share_a, ba.share_b);
      assert.equal(ab.share_b, ba.share_a);
    }),
    { seed: 11, numRuns: 200 },
  );
  // The generator must exercise the aligner: most pairs share slices.
  assert.ok(withPassages > 140, `only ${withPassages} pairs aligned anything`);
});
