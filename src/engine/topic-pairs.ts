/**
 * Topic neighbours of every article in a corpus: an inverted index over each article's names
 * and highest-weighted terms, then, per article, the articles sharing most of those terms,
 * re-scored by the cosine of their weighted term vectors.
 *
 * Built for tens of thousands of articles in one pass: terms become integer ids, postings are
 * typed arrays, shared-term counts go into one reused counter array (not a Map per article),
 * the best few are selected by count without sorting every touched article, and cosines are a
 * merge of two sorted term-id vectors.
 */
import type { AnalyzedArticle } from '../relate/analyzed.js';
import { pairKey, type PairKey } from './pair-key.js';

export interface TopicPairOptions {
  /** Neighbours kept per article, best cosine first. */
  maxTopicCandidates: number;
  /** Neighbours below this cosine are dropped. */
  minTopicScore: number;
  /**
   * Terms carried by more articles than this say nothing about which event a text reports and
   * are not followed. The bound is the larger of 20 and 20% of the corpus, capped by this.
   */
  maxTermPostings: number;
}

/** Terms an article is indexed under: its names and its highest-weighted terms. */
export function indexTerms(d: AnalyzedArticle, limit = 40): string[] {
  const terms = [...d.topic.terms.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, limit).map(([t]) => t);
  return [...new Set([...terms, ...[...d.topic.entities].map((e) => 'E:' + e)])];
}

interface TermVector {
  ids: Int32Array;
  weights: Float64Array;
  norm: number;
}

export function topicPairs(docs: readonly AnalyzedArticle[], o: TopicPairOptions): PairKey[] {
  const termId = new Map<string, number>();
  const idOf = (t: string) => termId.get(t) ?? termId.set(t, termId.size).get(t)!;
  const indexed = docs.map((d) => Int32Array.from(indexTerms(d), idOf));
  const postings = buildPostings(indexed, termId.size);
  const vectors = docs.map((d) => termVector(d, idOf));
  const maxPosting = Math.min(o.maxTermPostings, Math.max(20, Math.ceil(docs.length * 0.2)));
  const counts = new Uint16Array(docs.length);
  const out: PairKey[] = [];
  for (let i = 0; i < docs.length; i++) {
    const touched = countShared(i, indexed[i], postings, maxPosting, counts);
    const top = mostShared(touched, counts, o.maxTopicCandidates * 3);
    for (const j of touched) counts[j] = 0;
    const scored = top
      .map((j) => ({ j, s: vectorCosine(vectors[i], vectors[j]) }))
      .filter((x) => x.s >= o.minTopicScore)
      .sort((x, y) => y.s - x.s || x.j - y.j)
      .slice(0, o.maxTopicCandidates);
    for (const { j } of scored) out.push(pairKey(docs[i].article.id, docs[j].article.id));
  }
  return out;
}

/** For every term id, the articles (ascending) indexed under it. */
function buildPostings(indexed: readonly Int32Array[], terms: number): Int32Array[] {
  const sizes = new Int32Array(terms);
  for (const ids of indexed) for (const t of ids) sizes[t]++;
  const postings = Array.from(sizes, (n) => new Int32Array(n));
  const filled = new Int32Array(terms);
  indexed.forEach((ids, i) => {
    for (const t of ids) postings[t][filled[t]++] = i;
  });
  return postings;
}

/** Adds one to counts[j] for every term article i shares with j; returns the j touched. */
function countShared(i: number, terms: Int32Array, postings: readonly Int32Array[], maxPosting: number, counts: Uint16Array): number[] {
  const touched: number[] = [];
  for (const t of terms) {
    const list = postings[t];
    if (list.length > maxPosting) continue;
    for (const j of list) {
      if (j === i) continue;
      if (counts[j]++ === 0) touched.push(j);
    }
  }
  return touched;
}

/** The `limit` articles with the highest count, ties to the lower index: the order a full sort gives. */
function mostShared(touched: readonly number[], counts: Uint16Array, limit: number): number[] {
  if (touched.length <= limit) return [...touched].sort((x, y) => counts[y] - counts[x] || x - y);
  let top = 0;
  for (const j of touched) if (counts[j] > top) top = counts[j];
  const atLeast = new Int32Array(top + 2);
  for (const j of touched) atLeast[counts[j]]++;
  // The lowest count still needed to fill `limit` places.
  let cut = top;
  for (let above = atLeast[top]; above < limit && cut > 1; above += atLeast[cut]) cut--;
  const chosen = touched.filter((j) => counts[j] >= cut);
  return chosen.sort((x, y) => counts[y] - counts[x] || x - y).slice(0, limit);
}

/** The article's weighted terms as a vector sorted by term id. */
function termVector(d: AnalyzedArticle, idOf: (t: string) => number): TermVector {
  const entries = [...d.topic.terms].map(([t, w]) => [idOf(t), w] as const).sort((x, y) => x[0] - y[0]);
  return { ids: Int32Array.from(entries, (e) => e[0]), weights: Float64Array.from(entries, (e) => e[1]), norm: d.topic.norm };
}

/** Cosine of two term vectors, in [0, 1] (the same value as relate/topic.ts termCosine). */
function vectorCosine(a: TermVector, b: TermVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  let dot = 0;
  for (let x = 0, y = 0; x < a.ids.length && y < b.ids.length; ) {
    if (a.ids[x] < b.ids[y]) x++;
    else if (a.ids[x] > b.ids[y]) y++;
    else dot += a.weights[x++] * b.weights[y++];
  }
  return Math.min(1, dot / (a.norm * b.norm));
}
