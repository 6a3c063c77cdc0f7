/**
 * A side's sentences as tf-isf vectors in typed arrays, for sentence seeding (seeds.ts). Each
 * sentence lists its distinct terms in the order they first occur, with the weight rangeVector
 * gives them (isf added once per occurrence, in that order) and the squared norm summed in that
 * order too, so the cosine below equals cosine(rangeVector(…), rangeVector(…)) bit for bit.
 */
import type { Side } from './prepare.js';

export interface SentenceTerms {
  /** Sentence s's entries are [start[s], start[s + 1]). */
  start: Int32Array;
  terms: Int32Array;
  weights: Float64Array;
  /** Sum of squared weights of each sentence. */
  norms: Float64Array;
}

export function sentenceTerms(side: Side, isf: Float64Array): SentenceTerms {
  const n = side.sentenceStart[side.sentenceCount];
  const start = new Int32Array(side.sentenceCount + 1);
  const terms = new Int32Array(n);
  const weights = new Float64Array(n);
  const norms = new Float64Array(side.sentenceCount);
  // slot[t]: 1 + t's entry in the current sentence (entries from an earlier sentence are stale)
  const slot = new Int32Array(isf.length);
  let size = 0;
  for (let s = 0; s < side.sentenceCount; s++) {
    start[s] = size;
    for (let c = side.sentenceStart[s]; c < side.sentenceStart[s + 1]; c++) {
      const t = side.terms[c];
      let at = slot[t] - 1;
      if (at < start[s]) {
        at = size++;
        slot[t] = at + 1;
        terms[at] = t;
      }
      weights[at] += isf[t];
    }
    let norm = 0;
    for (let i = start[s]; i < size; i++) norm += weights[i] * weights[i];
    norms[s] = norm;
  }
  start[side.sentenceCount] = size;
  return { start, terms, weights, norms };
}

/** For each term, the sentences holding it, ascending: term t's are sentences[start[t] … start[t + 1]). */
export function termPostings(v: SentenceTerms, termCount: number): { start: Int32Array; sentences: Int32Array } {
  const start = new Int32Array(termCount + 1);
  const sentenceCount = v.start.length - 1;
  for (let i = 0; i < v.start[sentenceCount]; i++) start[v.terms[i] + 1]++;
  for (let t = 0; t < termCount; t++) start[t + 1] += start[t];
  const fill = start.slice(0, termCount);
  const sentences = new Int32Array(v.start[sentenceCount]);
  for (let s = 0; s < sentenceCount; s++) for (let i = v.start[s]; i < v.start[s + 1]; i++) sentences[fill[v.terms[i]]++] = s;
  return { start, sentences };
}

/**
 * Cosine of sentence sa of `a` and sb of `b`, summed over a's terms in a's order as cosine()
 * does. `scratch` is all zeros, one entry per term, and is left so.
 */
export function sentenceCosine(a: SentenceTerms, sa: number, b: SentenceTerms, sb: number, scratch: Float64Array): number {
  for (let i = b.start[sb]; i < b.start[sb + 1]; i++) scratch[b.terms[i]] = b.weights[i];
  let dot = 0;
  for (let i = a.start[sa]; i < a.start[sa + 1]; i++) {
    const o = scratch[a.terms[i]];
    if (o !== 0) dot += a.weights[i] * o;
  }
  for (let i = b.start[sb]; i < b.start[sb + 1]; i++) scratch[b.terms[i]] = 0;
  const nx = a.norms[sa];
  const ny = b.norms[sb];
  return nx > 0 && ny > 0 ? dot / Math.sqrt(nx * ny) : 0;
}
