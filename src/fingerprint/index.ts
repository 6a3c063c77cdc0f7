import type { Span } from '../types.js';
import { fmix32, hash2, hex32 } from './hash.js';
import { containmentFromJaccard, jaccard, ophSignature } from './minhash.js';
import { assertCompatible, paramsKey, parseParamsKey, sketchKinds, type IndexParams, type SketchKind } from './params.js';
import { ensureCapacity, kGramHashes, spinProofSequence } from './shingles.js';
import { newWordBuffer, scanWords, STOPWORD_HASHES, type WordBuffer } from './words.js';

export { decodeFingerprint, encodeFingerprint } from './serialize.js';

/** One MinHash sketch of a text. */
export interface Sketch {
  kind: SketchKind;
  /** Densified one-permutation MinHash, numPerm bins. */
  bins: Uint32Array;
  /** Distinct shingles the sketch was built from (for containment estimates). */
  shingles: number;
}

/** Everything the candidate search keeps about one text. */
export interface Fingerprint {
  /** paramsKey() of the parameters it was built with; comparisons refuse other keys. */
  params: string;
  /** 64-bit hash (hex) of the word sequence: equal for texts that differ only in case,
   *  punctuation and spacing. */
  exactHash: string;
  /** Words read. */
  words: number;
  /** One per selected kind, in SKETCH_KINDS order. */
  sketches: Sketch[];
}

/** Scratch buffers reused across calls: fingerprinting allocates only its result. */
const scratch: { words: WordBuffer; seq: Uint32Array; shingles: Uint32Array; seen: Uint32Array } = {
  words: newWordBuffer(4096),
  seq: new Uint32Array(4096),
  shingles: new Uint32Array(4096),
  seen: new Uint32Array(8192),
};

/**
 * Fingerprints `text` (only the given spans when not null, e.g. the body without
 * boilerplate): every sketch selected in `params` plus the exact hash.
 */
export function fingerprintText(text: string, spans: readonly Span[] | null, params: IndexParams): Fingerprint {
  const buf = scanWords(text, spans, scratch.words);
  const sketches: Sketch[] = [];
  for (const kind of sketchKinds(params)) {
    sketches.push(buildSketch(kind, buf.hashes, buf.count, params));
  }
  return { params: paramsKey(params), exactHash: sequenceHash(buf.hashes, buf.count), words: buf.count, sketches };
}

function buildSketch(kind: SketchKind, words: Uint32Array, count: number, params: IndexParams): Sketch {
  const k = params.sketches[kind]!.shingle;
  const seed = hash2(params.seed, kindSeed(kind), k);
  let seq = words;
  let n = count;
  if (kind !== 'words') {
    [scratch.seq, n] = spinProofSequence(words, count, STOPWORD_HASHES, kind, scratch.seq);
    seq = scratch.seq;
  }
  let shingleCount: number;
  [scratch.shingles, shingleCount] = kGramHashes(seq, n, k, seed, scratch.shingles);
  const bins = ophSignature(scratch.shingles, shingleCount, seed, new Uint32Array(params.numPerm));
  return { kind, bins, shingles: distinctCount(scratch.shingles, shingleCount) };
}

function kindSeed(kind: SketchKind): number {
  return kind === 'words' ? 0x77 : kind === 'stopwords' ? 0x73 : 0x6b;
}

/** Distinct values among values[0, n): linear probing in a reused typed array. */
function distinctCount(values: Uint32Array, n: number): number {
  let size = 16;
  while (size < n * 2) size *= 2;
  scratch.seen = ensureCapacity(scratch.seen, size);
  const table = scratch.seen;
  table.fill(0, 0, size);
  const mask = size - 1;
  let distinct = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] | 1; // 0 marks empty; folding the low bit costs a 1-in-2^31 merge
    let slot = (v >>> 1) & mask; // v is already a uniform hash (its low bit is forced to 1)
    while (table[slot] !== 0 && table[slot] !== v >>> 0) slot = (slot + 1) & mask;
    if (table[slot] === 0) {
      table[slot] = v;
      distinct++;
    }
  }
  return distinct;
}

/** Two independent 32-bit lanes over the word hashes → 16 hex chars. */
function sequenceHash(words: Uint32Array, count: number): string {
  let a = 0x243f6a88;
  let b = 0x85a308d3;
  for (let i = 0; i < count; i++) {
    a = Math.imul(a ^ words[i], 0x01000193);
    b = Math.imul((b << 5) | (b >>> 27), 0x9e3779b1) ^ words[i];
  }
  return hex32(fmix32(a ^ count)) + hex32(fmix32(b + count));
}

/** Similarity of one sketch kind between two fingerprints. */
export interface SketchSimilarity {
  kind: SketchKind;
  jaccard: number;
  /** Estimated share of the smaller side's shingles found in the other (asymmetric reuse). */
  containment: number;
}

/** Compares two fingerprints sketch by sketch; refuses fingerprints built with other params. */
export function compareFingerprints(a: Fingerprint, b: Fingerprint): SketchSimilarity[] {
  if (a.params !== b.params) assertCompatible(parseParamsKey(a.params), parseParamsKey(b.params));
  return a.sketches.map((sa, i) => {
    const sb = b.sketches[i];
    const j = jaccard(sa.bins, sb.bins);
    const [small, large] = sa.shingles <= sb.shingles ? [sa.shingles, sb.shingles] : [sb.shingles, sa.shingles];
    return { kind: sa.kind, jaccard: j, containment: containmentFromJaccard(j, small, large) };
  });
}
