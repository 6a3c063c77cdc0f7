import type { AlignOptions } from './options.js';
import type { Side } from './prepare.js';

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
 * cosine is computed only for pairs that pass the count and Dice tests.
 */
export function sentenceSeeds(a: Side, b: Side, isf: Float64Array, opts: AlignOptions): Seed[] {
  const vecA = sentenceVectors(a, isf);
  const vecB = sentenceVectors(b, isf);
  const postings = new Map<number, number[]>();
  vecB.forEach((v, s) => {
    for (const t of v.keys()) {
      const list = postings.get(t);
      if (list) list.push(s);
      else postings.set(t, [s]);
    }
  });
  const normB = vecB.map(squaredNorm);
  const shared = new Int32Array(vecB.length);
  const touchedAll = new Int32Array(vecB.length); // b's sentences sharing a term with this one of a's
  const seeds: Seed[] = [];
  vecA.forEach((va, sa) => {
    let m = 0;
    for (const t of va.keys()) {
      const list = postings.get(t);
      if (list) for (const sb of list) if (shared[sb]++ === 0) touchedAll[m++] = sb;
    }
    const touched = touchedAll.subarray(0, m).sort(); // typed: numeric order, no comparator
    const normA = squaredNorm(va);
    for (const sb of touched) {
      const n = shared[sb];
      shared[sb] = 0;
      if (n < opts.sentenceMinShared) continue;
      const vb = vecB[sb];
      if ((2 * n) / (va.size + vb.size) < opts.sentenceDice || cosineWithNorms(va, vb, normA, normB[sb]) < opts.sentenceCosine) continue;
      seeds.push({
        a0: a.sentenceStart[sa],
        a1: a.sentenceStart[sa + 1],
        b0: b.sentenceStart[sb],
        b1: b.sentenceStart[sb + 1],
      });
    }
  });
  return seeds;
}

/** Sum of squared weights, in the vector's own order (so cosineWithNorms equals cosine exactly). */
function squaredNorm(x: TermVector): number {
  let n = 0;
  for (const w of x.values()) n += w * w;
  return n;
}

function cosineWithNorms(x: TermVector, y: TermVector, nx: number, ny: number): number {
  let dot = 0;
  x.forEach((w, t) => {
    const o = y.get(t);
    if (o !== undefined) dot += w * o;
  });
  return nx > 0 && ny > 0 ? dot / Math.sqrt(nx * ny) : 0;
}

function sentenceVectors(side: Side, isf: Float64Array): TermVector[] {
  const out: TermVector[] = [];
  for (let s = 0; s < side.sentenceCount; s++) {
    out.push(rangeVector(side, side.sentenceStart[s], side.sentenceStart[s + 1], isf));
  }
  return out;
}
