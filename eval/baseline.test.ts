import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { baselineCompare, baselineSimilarity } from './baseline.js';

const SOURCE = 'The court heard that the man stole a red car from the garage on Monday night. He was fined heavily.';

test('baseline: a copy is a near duplicate with full shares and one passage', () => {
  const c = baselineCompare(SOURCE, SOURCE);
  assert.equal(c.relation, 'near_duplicate');
  assert.equal(c.share_b, 1);
  assert.equal(c.passages.length, 1);
  assert.deepEqual(c.passages[0].b, [0, SOURCE.length - 1]);
});

test('baseline: an excerpt with added text is derived; passage offsets point at the shared words', () => {
  const b = 'Police said: the man stole a red car from the garage on Monday night. Neighbours were shocked by it all.';
  const c = baselineCompare(SOURCE, b);
  assert.equal(c.relation, 'rewrite');
  assert.ok(c.share_b > 0.4 && c.share_b < 1);
  const p = c.passages[0];
  assert.equal(b.slice(p.b[0], p.b[1]), 'the man stole a red car from the garage on Monday night');
  assert.equal(SOURCE.slice(p.a[0], p.a[1]), 'the man stole a red car from the garage on Monday night');
});

test('baseline: unrelated texts share nothing', () => {
  const c = baselineCompare(SOURCE, 'Storms closed three schools in the north while rail services were cancelled.');
  assert.equal(c.relation, 'unrelated');
  assert.equal(c.passages.length, 0);
  assert.equal(baselineSimilarity(SOURCE, ''), 0);
});

test('baseline similarity: in [0, 1], symmetric, 1 on identical texts', () => {
  const text = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'court', 'man'), { maxLength: 30 }).map((ws) => ws.join(' '));
  fc.assert(
    fc.property(text, text, (a, b) => {
      const s = baselineSimilarity(a, b);
      assert.ok(s >= 0 && s <= 1);
      assert.equal(s, baselineSimilarity(b, a));
      const c = baselineCompare(a, b);
      for (const p of c.passages) assert.ok(p.b[0] >= 0 && p.b[1] <= b.length && p.a[0] >= 0 && p.a[1] <= a.length);
      if (a.split(' ').length >= 3) assert.equal(baselineSimilarity(a, a), 1);
    }),
  );
});
