import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SynthCorpus } from './corpus.js';
import { DERIVED_KINDS } from './derive.js';

const corpus = new SynthCorpus(7);

test('documents are a pure function of (seed, index): same text twice, other seed other text', () => {
  assert.equal(corpus.doc(123).raw.body, new SynthCorpus(7).doc(123).raw.body);
  assert.notEqual(corpus.doc(123).raw.body, new SynthCorpus(8).doc(123).raw.body);
});

test('every derived kind is injected near its rate and copies an earlier original', () => {
  const counts = new Map<string, number>();
  const n = 4000;
  for (let i = 0; i < n; i++) {
    const r = corpus.role(i);
    counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
    if (r.kind !== 'original') {
      assert.ok(r.source < i, `copy ${i} follows its source ${r.source}`);
      assert.equal(corpus.role(r.source).kind, 'original');
    }
  }
  for (const k of DERIVED_KINDS) {
    const share = (counts.get(k) ?? 0) / n;
    assert.ok(share > 0.01 && share < 0.045, `${k}: ${share}`);
  }
});

test('article lengths stay within 300–1,500 words; copies keep the wording they should', () => {
  const words = (t: string) => t.split(/\s+/).filter(Boolean);
  for (let i = 0; i < 300; i++) {
    const d = corpus.doc(i);
    if (d.kind === 'original') assert.ok(d.words >= 290 && d.words <= 1600, `${i}: ${d.words} words`);
  }
  const firstOf = (kind: string) => {
    let i = 20;
    while (corpus.role(i).kind !== kind) i++;
    return corpus.doc(i);
  };
  const spun = firstOf('spun');
  const src = words(corpus.doc(spun.source).raw.body);
  const copy = words(spun.raw.body);
  assert.equal(copy.length, src.length, 'spinning swaps words one for one');
  const changed = copy.filter((w, i) => w !== src[i]).length / src.length;
  assert.ok(changed > 0.04 && changed < 0.2, `spun share of changed words ${changed}`);
  const dup = firstOf('duplicate');
  assert.equal(words(dup.raw.body).join(' '), words(corpus.doc(dup.source).raw.body).join(' '));
  assert.notEqual(dup.raw.body, corpus.doc(dup.source).raw.body, 'a duplicate differs in formatting');
});
