import { hash2 } from './hash.js';
import type { HashSet32 } from './words.js';

/**
 * Shingle hashes from a sequence of word hashes: each k-gram's hash is the seeded
 * MurmurHash3-style absorption of its k word hashes, computed straight into a Uint32Array.
 * A sequence shorter than k (but not empty) gives one shingle of all its words, so short
 * texts still get a sketch.
 */

/** Grows `out` when needed; returns the array to write into. */
export function ensureCapacity(out: Uint32Array, n: number): Uint32Array {
  if (out.length >= n) return out;
  let size = Math.max(16, out.length);
  while (size < n) size *= 2;
  return new Uint32Array(size);
}

/**
 * Writes the k-gram hashes of words[0, count) into out; returns [array, shingle count].
 * A k-gram's value is the polynomial Σ w[i+j]·B^(k-1-j) mod 2^32 over its (already random)
 * word hashes, rolled in O(1) per position, then mixed with the seed and finalised with fmix32.
 */
export function kGramHashes(
  words: Uint32Array,
  count: number,
  k: number,
  seed: number,
  out: Uint32Array,
): [Uint32Array, number] {
  if (count === 0) return [out, 0];
  const span = Math.min(k, count);
  const n = count - span + 1;
  out = ensureCapacity(out, n);
  const mix = hash2(seed, span, 0x6b67);
  let top = 1; // B^(span-1)
  for (let j = 1; j < span; j++) top = Math.imul(top, BASE);
  let poly = 0;
  for (let j = 0; j < span; j++) poly = (Math.imul(poly, BASE) + words[j]) | 0;
  // fmix32 written out: this loop is the hot path of fingerprinting.
  for (let i = 0; ; i++) {
    let h = poly ^ mix;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    out[i] = h ^ (h >>> 16);
    if (i + 1 >= n) break;
    poly = (Math.imul((poly - Math.imul(words[i], top)) | 0, BASE) + words[i + span]) | 0;
  }
  return [out, n];
}

/** Odd multiplier of the rolling polynomial. */
const BASE = 0x01000193;

/** Placeholder hash standing for any content word in a skeleton. */
export const CONTENT_PLACEHOLDER = 0x5f5f5f5f;

/**
 * Copies into `out` the word hashes a spin-proof sketch reads: only the function words
 * (`mode` = 'stopwords'), or all words with content words replaced by one placeholder
 * ('skeleton'). Returns [array, length].
 */
export function spinProofSequence(
  words: Uint32Array,
  count: number,
  stop: HashSet32,
  mode: 'stopwords' | 'skeleton',
  out: Uint32Array,
): [Uint32Array, number] {
  out = ensureCapacity(out, count);
  let n = 0;
  for (let i = 0; i < count; i++) {
    const w = words[i];
    if (stop.has(w)) out[n++] = w;
    else if (mode === 'skeleton') out[n++] = CONTENT_PLACEHOLDER;
  }
  return [out, n];
}
