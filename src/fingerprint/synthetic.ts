import { LOCAL_STOPWORDS } from './local-stopwords.js';

/**
 * A deterministic generator of synthetic news-like articles and derived copies, for the
 * fingerprint tests and benchmark. Content words come from a Zipfian vocabulary of made-up
 * words, function words from a Zipfian draw over the stopword list, mixed ~45/55 as in
 * English prose. Nothing here is real text.
 */

/** splitmix32: small, fast, seedable; the only randomness the generator uses. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** Draws index i with probability ∝ 1/(i+1)^s by binary search on the cumulative table. */
export function zipfSampler(n: number, s: number): (r: Rand) => number {
  const cum = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) cum[i] = total += 1 / Math.pow(i + 1, s);
  return (r) => {
    const x = r() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const SYLLABLES = 'ba be bi bo bu ca co da de di do fa fe fi fo ga ge go ha he hi ka ke ki ko la le li lo lu ma me mi mo mu na ne ni no pa pe pi po ra re ri ro ru sa se si so ta te ti to tu va ve vi vo za ze zo'.split(' ');

/** A synthetic article as paragraphs of sentences of words. */
export type Doc = string[][][];

export interface Corpus {
  vocabulary: string[];
  /** One article of about `words` words. */
  article(seed: number, words?: number): Doc;
}

export function makeCorpus(seed: number, vocabularySize = 20000): Corpus {
  const r = rng(seed);
  const vocabulary = new Set<string>();
  while (vocabulary.size < vocabularySize) {
    const n = 2 + Math.floor(r() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += pick(r, SYLLABLES);
    vocabulary.add(w);
  }
  const vocab = [...vocabulary];
  const content = zipfSampler(vocab.length, 1.0);
  const stop = zipfSampler(LOCAL_STOPWORDS.length, 1.1);
  const article = (docSeed: number, words = 600): Doc => {
    const dr = rng(docSeed);
    const doc: Doc = [];
    let left = words;
    while (left > 0) {
      const para: string[][] = [];
      const sentences = 2 + Math.floor(dr() * 4);
      for (let s = 0; s < sentences && left > 0; s++) {
        const len = Math.min(left, 10 + Math.floor(dr() * 19));
        const sentence: string[] = [];
        for (let i = 0; i < len; i++) {
          sentence.push(dr() < 0.45 ? LOCAL_STOPWORDS[stop(dr)] : vocab[content(dr)]);
        }
        para.push(sentence);
        left -= len;
      }
      doc.push(para);
    }
    return doc;
  };
  return { vocabulary: vocab, article };
}

/** Renders a Doc as text: capitalised sentences ending in '.', blank line between paragraphs. */
export function render(doc: Doc): string {
  return doc
    .map((p) => p.map((s) => s.join(' ')).map((s) => s.charAt(0).toUpperCase() + s.slice(1) + '.').join(' '))
    .join('\n\n');
}

export type CopyKind = 'verbatim' | 'near_dup' | 'spun' | 'abridged' | 'excerpt';
export const COPY_KINDS: readonly CopyKind[] = ['verbatim', 'near_dup', 'spun', 'abridged', 'excerpt'];

const stopSet = new Set(LOCAL_STOPWORDS);

/** Replaces, inserts or deletes a share `rate` of words. */
function editWords(doc: Doc, rate: number, r: Rand, vocab: readonly string[]): Doc {
  return doc.map((p) =>
    p.map((s) => {
      const out: string[] = [];
      for (const w of s) {
        const x = r();
        if (x >= rate) out.push(w);
        else if (x < rate / 3) out.push(pick(r, vocab));
        else if (x < (2 * rate) / 3) out.push(w, pick(r, vocab));
        // else: deleted
      }
      return out.length > 0 ? out : s;
    }),
  );
}

/** Swaps a share `rate` of content words for a "synonym" (one of 3 fixed per word). */
function spin(doc: Doc, rate: number, r: Rand, vocab: readonly string[]): Doc {
  const synonym = (w: string, k: number): string => {
    let h = k * 31;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 16777619);
    return vocab[(h >>> 0) % vocab.length];
  };
  return doc.map((p) => p.map((s) => s.map((w) => (stopSet.has(w) || r() >= rate ? w : synonym(w, Math.floor(r() * 3))))));
}

/** Makes a derived copy of `doc`; deterministic for a given seed. */
export function deriveCopy(doc: Doc, kind: CopyKind, seed: number, vocab: readonly string[]): Doc {
  const r = rng(seed);
  switch (kind) {
    case 'verbatim':
      return doc;
    case 'near_dup':
      return editWords(doc, 0.02, r, vocab);
    case 'spun':
      return spin(doc, 0.2, r, vocab);
    case 'abridged': {
      const total = doc.flat(2).length;
      const kept: Doc = [];
      let words = 0;
      for (const p of doc) {
        if (words >= 0.4 * total) break;
        kept.push(p);
        words += p.flat().length;
      }
      return editWords(kept, 0.02, r, vocab);
    }
    case 'excerpt': {
      const at = Math.floor(r() * Math.max(1, doc.length - 1));
      return doc.slice(at, at + 2);
    }
  }
}
