/**
 * Sentence-level evidence of how a text was made from another: which of its sentences have a
 * close counterpart in the source, and whether those counterparts come in the source's order.
 * A rewrite from a wire copy walks down the copy (its derived sentences keep the source's
 * order); an independent report of the same event shares names and quotes sentence by sentence
 * but in its own order and with most sentences of its own.
 */
import type { Token } from '../types.js';

/** Content lemmas of each sentence, in sentence order (sentences without content words are dropped). */
export function sentenceLemmaSets(tokens: readonly Token[]): Array<Set<string>> {
  const bySentence = new Map<number, Set<string>>();
  for (const t of tokens) {
    if (t.stop) continue;
    let set = bySentence.get(t.sentence);
    if (!set) bySentence.set(t.sentence, (set = new Set()));
    set.add(t.lemma);
  }
  return [...bySentence.keys()].sort((p, q) => p - q).map((k) => bySentence.get(k)!);
}

export interface SentenceMatch {
  /** Index of the best source sentence, -1 when none shares a word. */
  source: number;
  /** Share of this sentence's content lemmas found in that source sentence, 0..1. */
  score: number;
}

/** Which sentences hold each lemma (an inverted index of sentenceLemmaSets' output). */
export type SentenceIndex = ReadonlyMap<string, readonly number[]>;

export function sentenceIndex(y: ReadonlyArray<Set<string>>): SentenceIndex {
  const where = new Map<string, number[]>();
  y.forEach((set, k) => {
    for (const lemma of set) {
      const list = where.get(lemma);
      if (list) list.push(k);
      else where.set(lemma, [k]);
    }
  });
  return where;
}

/**
 * For each sentence of x, the sentence of y holding the largest share of its content lemmas.
 * `where` is y's sentenceIndex, passed in by callers that compare y with many texts.
 */
export function bestSentenceMatches(x: ReadonlyArray<Set<string>>, y: ReadonlyArray<Set<string>>, where: SentenceIndex = sentenceIndex(y)): SentenceMatch[] {
  // One counter per source sentence, reset through the list of those touched: no map per sentence.
  const hits = new Int32Array(y.length);
  const touched: number[] = [];
  return x.map((set) => {
    for (const lemma of set) {
      const holders = where.get(lemma);
      if (holders) for (const k of holders) if (hits[k]++ === 0) touched.push(k);
    }
    let source = -1;
    let best = 0;
    for (const k of touched) {
      if (hits[k] > best || (hits[k] === best && k < source)) {
        source = k;
        best = hits[k];
      }
      hits[k] = 0;
    }
    touched.length = 0;
    return { source, score: set.size === 0 ? 0 : best / set.size };
  });
}

/** Length of the longest strictly increasing subsequence (patience sorting, O(n log n)). */
export function longestIncreasing(values: readonly number[]): number {
  const tails: number[] = [];
  for (const v of values) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = v;
  }
  return tails.length;
}

export interface SentenceEvidence {
  /** Share of x's sentences whose best source sentence holds at least `minScore` of their content lemmas. */
  derivedSentences: number;
  /** Mean best-match score over x's sentences. */
  meanBestScore: number;
  /** Derived sentences whose sources keep the source's order (longest increasing run), over all of x's sentences. */
  inOrderSentences: number;
}

/** Sentence evidence of x derived from y; `minScore` = how much of a sentence must match to count as derived. */
export function sentenceEvidence(xTokens: readonly Token[], yTokens: readonly Token[], minScore = 0.5): SentenceEvidence {
  return sentenceEvidenceOfSets(sentenceLemmaSets(xTokens), sentenceLemmaSets(yTokens), minScore);
}

/** sentenceEvidence from sentence lemma sets already built (sentenceLemmaSets), and optionally y's sentenceIndex. */
export function sentenceEvidenceOfSets(x: ReadonlyArray<Set<string>>, y: ReadonlyArray<Set<string>>, minScore = 0.5, yIndex?: SentenceIndex): SentenceEvidence {
  if (x.length === 0) return { derivedSentences: 0, meanBestScore: 0, inOrderSentences: 0 };
  const matches = bestSentenceMatches(x, y, yIndex ?? sentenceIndex(y));
  const derived = matches.filter((m) => m.score >= minScore);
  return {
    derivedSentences: derived.length / x.length,
    meanBestScore: matches.reduce((s, m) => s + m.score, 0) / x.length,
    inOrderSentences: longestIncreasing(derived.map((m) => m.source)) / x.length,
  };
}
