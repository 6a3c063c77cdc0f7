import type { AlignOptions } from './options.js';
import type { Side } from './prepare.js';
import { sentenceCosine, sentenceTerms, termPostings } from './sentence-terms.js';

/** A pair of content-token ranges [a0, a1) x [b0, b1) believed to be reused, in content positions. */
export interface Seed {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/** Sparse term vector: term id -> weight. */
export type TermVector = Map<number, number>;

/**
 * Inverse sentence frequency over the sentences of both texts (Sanchez-Perez et al. 2014 compute
 * it over the pair, so a term frequent in either text weighs little). Smoothed with +1 so a
 * term found in every sentence still counts (short texts: two one-sentence texts). Index: term id.
 */
export function inverseSentenceFrequency(a: Side, b: Side, termCount: number): Float64Array {
  const sf = new Int32Array(termCount);
  // lastSentence[t]: 1 + the last sentence (numbered over both sides) that counted t, so a
  // term counts once per sentence without a set per sentence
  const lastSentence = new Int32Array(termCount);
  let numbered = 0;
  for (const side of [a, b]) {
    for (let s = 0; s < side.sentenceCount; s++) {
      numbered++;
      for (let c = side.sentenceStart[s]; c < side.sentenceStart[s + 1]; c++) {
        const t = side.terms[c];
        if (lastSentence[t] !== numbered) {
          lastSentence[t] = numbered;
          sf[t]++;
        }
      }
    }
  }
  const total = a.sentenceCount + b.sentenceCount;
  const isf = new Float64Array(termCount);
  for (let t = 0; t < termCount; t++) isf[t] = sf[t] > 0 ? 1 + Math.log(total / sf[t]) : 0;
  return isf;
}

/** tf-isf vector of content positions [from, to) of a side. */
export function rangeVector(side: Side, from: number, to: number, isf: Float64Array): TermVector {
  const v: TermVector = new Map();
  for (let c = from; c < to; c++) {
    const t = side.terms[c];
    v.set(t, (v.get(t) ?? 0) + isf[t]);
  }
  return v;
}

export function cosine(x: TermVector, y: TermVector): number {
  let dot = 0;
  let nx = 0;
  let ny = 0;
  for (const [t, w] of x) {
    nx += w * w;
    const o = y.get(t);
    if (o !== undefined) dot += w * o;
  }
  for (const w of y.values()) ny += w * w;
  return nx > 0 && ny > 0 ? dot / Math.sqrt(nx * ny) : 0;
}

/**
 * Sentence pairs whose tf-isf cosine and term-set Dice both pass their thresholds. Only pairs
 * sharing a term are scored (inverted index over b's sentences), so unrelated texts cost little;
 * walking a's terms through that index counts each pair's shared terms in one pass, so the
 * cosine is computed only for pairs that pass the count and Dice tests. Sentence vectors are
 * typed arrays (src/align/sentence-terms.ts) whose weights and sums come out bit for bit as
 * rangeVector's and cosine's: a trace aligns twenty pairs, and a Map per sentence per pair was
 * a tenth of what it allocated.
 */
export function sentenceSeeds(a: Side, b: Side, isf: Float64Array, opts: AlignOptions): Seed[] {
  const va = sentenceTerms(a, isf);
  const vb = sentenceTerms(b, isf);
  const postings = termPostings(vb, isf.length);
  const shared = new Int32Array(b.sentenceCount);
  const touchedAll = new Int32Array(b.sentenceCount); // b's sentences sharing a term with this one of a's
  const weightB = new Float64Array(isf.length); // one b sentence's weights by term, zero elsewhere
  const seeds: Seed[] = [];
  for (let sa = 0; sa < a.sentenceCount; sa++) {
    let m = 0;
    for (let i = va.start[sa]; i < va.start[sa + 1]; i++) {
      const t = va.terms[i];
      for (let p = postings.start[t]; p < postings.start[t + 1]; p++) {
        const sb = postings.sentences[p];
        if (shared[sb]++ === 0) touchedAll[m++] = sb;
      }
    }
    const touched = touchedAll.subarray(0, m).sort(); // typed: numeric order, no comparator
    const sizeA = va.start[sa + 1] - va.start[sa];
    for (const sb of touched) {
      const n = shared[sb];
      shared[sb] = 0;
      if (n < opts.sentenceMinShared) continue;
      const sizeB = vb.start[sb + 1] - vb.start[sb];
      if ((2 * n) / (sizeA + sizeB) < opts.sentenceDice || sentenceCosine(va, sa, vb, sb, weightB) < opts.sentenceCosine) continue;
      seeds.push({
        a0: a.sentenceStart[sa],
        a1: a.sentenceStart[sa + 1],
        b0: b.sentenceStart[sb],
        b1: b.sentenceStart[sb + 1],
      });
    }
  }
  return seeds;
}
