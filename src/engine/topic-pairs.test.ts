import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { AnalyzedArticle } from '../relate/analyzed.js';
import { termCosine } from '../relate/topic.js';
import { pairKey, type PairKey } from './pair-key.js';
import { indexTerms, topicPairs, type TopicPairOptions } from './topic-pairs.js';

/** Only what topicPairs reads: the id and the topic profile. */
function fakeArticle(id: string, terms: Array<[string, number]>, entities: string[]): AnalyzedArticle {
  const map = new Map(terms);
  const norm = Math.sqrt([...map.values()].reduce((s, w) => s + w * w, 0));
  return { article: { id }, topic: { terms: map, entities: new Set(entities), numbers: new Set(), norm } } as unknown as AnalyzedArticle;
}

/** The straightforward version (a Map of shared counts per article, a full sort): the reference. */
function referenceTopicPairs(docs: readonly AnalyzedArticle[], o: TopicPairOptions): PairKey[] {
  const postings = new Map<string, number[]>();
  docs.forEach((d, i) => {
    for (const t of indexTerms(d)) postings.set(t, [...(postings.get(t) ?? []), i]);
  });
  const maxPosting = Math.min(o.maxTermPostings, Math.max(20, Math.ceil(docs.length * 0.2)));
  const out: PairKey[] = [];
  docs.forEach((d, i) => {
    const shared = new Map<number, number>();
    for (const t of indexTerms(d)) {
      const list = postings.get(t)!;
      if (list.length > maxPosting) continue;
      for (const j of list) if (j !== i) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    const top = [...shared.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, o.maxTopicCandidates * 3);
    const scored = top
      .map(([j]) => ({ j, s: termCosine(d.topic, docs[j].topic) }))
      .filter((x) => x.s >= o.minTopicScore)
      .sort((x, y) => y.s - x.s || x.j - y.j)
      .slice(0, o.maxTopicCandidates);
    for (const { j } of scored) out.push(pairKey(d.article.id, docs[j].article.id));
  });
  return out;
}

// Integer weights keep every dot product exact, so both versions see the same cosines.
const vocabulary = Array.from({ length: 30 }, (_, i) => `t${i}`);
const arbArticle = fc.record({
  terms: fc.uniqueArray(fc.tuple(fc.constantFrom(...vocabulary), fc.integer({ min: 1, max: 4 })), { selector: (t) => t[0], maxLength: 12 }),
  entities: fc.uniqueArray(fc.constantFrom('ann', 'bo', 'cy', 'di'), { maxLength: 2 }),
});

test('topicPairs gives exactly the pairs of the straightforward Map-and-sort version', () => {
  fc.assert(
    fc.property(
      fc.array(arbArticle, { minLength: 1, maxLength: 40 }),
      fc.integer({ min: 1, max: 4 }),
      fc.constantFrom(0, 0.1, 0.3),
      fc.constantFrom(3, 8, 5000),
      (specs, maxTopicCandidates, minTopicScore, maxTermPostings) => {
        const docs = specs.map((s, i) => fakeArticle(`d${String(i).padStart(2, '0')}`, s.terms, s.entities));
        const o = { maxTopicCandidates, minTopicScore, maxTermPostings };
        assert.deepEqual(topicPairs(docs, o), referenceTopicPairs(docs, o));
      },
    ),
    { numRuns: 300, seed: 11 },
  );
});

test('articles sharing rare terms are neighbours; a term carried by too many articles is not followed', () => {
  const common: Array<[string, number]> = [['city', 1]];
  const docs = [
    fakeArticle('a', [...common, ['dam', 3], ['flood', 2]], ['river board']),
    fakeArticle('b', [...common, ['dam', 2], ['flood', 3]], ['river board']),
    ...Array.from({ length: 30 }, (_, i) => fakeArticle(`z${i}`, [...common, [`own${i}`, 2]], [])),
  ];
  const pairs = topicPairs(docs, { maxTopicCandidates: 5, minTopicScore: 0.1, maxTermPostings: 10 });
  assert.ok(pairs.includes(pairKey('a', 'b')));
  assert.ok(pairs.every((p) => p === pairKey('a', 'b')), `only a|b shares a followed term: ${pairs.join(' ')}`);
});
