import type { AnalyzedArticle } from '../relate/analyzed.js';
import { termCosine } from '../relate/topic.js';
import { fingerprintText } from '../fingerprint/index.js';
import { MemoryCandidateIndex } from '../fingerprint/candidates.js';
import type { EngineOptions } from './engine.js';

/** An unordered pair of article ids, smaller first. */
export type PairKey = `${string}|${string}`;

export function pairKey(x: string, y: string): PairKey {
  return x < y ? `${x}|${y}` : `${y}|${x}`;
}

/**
 * Pairs worth aligning, without comparing all pairs: fingerprint neighbours (MinHash LSH over
 * words and over function-word n-grams, which survive spinning) find reused text; topic
 * neighbours (an inverted index over names and rare terms) find rewrites and same-event
 * reports that share facts but little wording.
 */
export async function candidatePairs(docs: readonly AnalyzedArticle[], o: EngineOptions): Promise<PairKey[]> {
  const pairs = new Set<PairKey>();
  const index = new MemoryCandidateIndex(o.index);
  const fps = docs.map((d) => fingerprintText(d.article.text, d.article.sentences, o.index));
  for (let i = 0; i < docs.length; i++) await index.add(docs[i].article.id, fps[i]);
  for (let i = 0; i < docs.length; i++) {
    const found = await index.query(fps[i], { excludeId: docs[i].article.id, limit: o.maxFingerprintCandidates });
    for (const c of found) pairs.add(pairKey(docs[i].article.id, c.id));
  }
  for (const k of topicPairs(docs, o)) pairs.add(k);
  return [...pairs].sort();
}

/** Terms an article is indexed under: its names and its highest-weighted terms. */
function indexTerms(d: AnalyzedArticle, limit = 40): string[] {
  const terms = [...d.topic.terms.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, limit).map(([t]) => t);
  return [...new Set([...terms, ...[...d.topic.entities].map((e) => 'E:' + e)])];
}

export function topicPairs(docs: readonly AnalyzedArticle[], o: EngineOptions): PairKey[] {
  const postings = new Map<string, number[]>();
  docs.forEach((d, i) => {
    for (const t of indexTerms(d)) {
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
    }
  });
  // Terms carried by a large share of the corpus say nothing about which event a text reports.
  const maxPosting = Math.max(20, Math.ceil(docs.length * 0.2));
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
