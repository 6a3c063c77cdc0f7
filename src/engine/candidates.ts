import type { AnalyzedArticle } from '../relate/analyzed.js';
import { fingerprintText } from '../fingerprint/index.js';
import { MemoryCandidateIndex } from '../fingerprint/candidates.js';
import type { EngineOptions } from './engine.js';
import { topicPairs } from './topic-pairs.js';
import { pairKey, type PairKey } from './pair-key.js';

export { pairKey, type PairKey } from './pair-key.js';

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
