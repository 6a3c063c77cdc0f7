import { hash2 } from './hash.js';
import { ophSignature } from './minhash.js';
import type { HashSet32 } from './words.js';

/**
 * Shingle hashes from a sequence of word hashes: each k-gram's hash is the seeded
 * MurmurHash3-style absorption of its k word hashes, computed straight into a Uint32Array.
 * A sequence shorter than k (but not empty) gives one shingle of all its words, so short
 * texts still get a sketch.
 *
 * Hot loops store only into module-level `const` typed arrays (V8 compiles those stores
 * markedly faster than stores into an array it was passed); reading a passed array is fine.
 */

/** Shingles the scratch arrays hold; longer sequences go through them in windows. */
const SCRATCH_SHINGLES = 1 << 16;
const SHINGLES = new Uint32Array(SCRATCH_SHINGLES);
/** Slots of the distinct-count table per value: sparse, so a new value seldom meets another. */
const SEEN_SLOTS_PER_VALUE = 8;
/** Distinct-count table: a power of two ≥ SEEN_SLOTS_PER_VALUE slots per shingle. */
const SEEN = new Int32Array(SCRATCH_SHINGLES * SEEN_SLOTS_PER_VALUE);

/** Grows `out` when needed; returns the array to write into. */
export function ensureCapacity(out: Uint32Array, n: number): Uint32Array {
  if (out.length >= n) return out;
  let size = Math.max(16, out.length);
  while (size < n) size *= 2;
  return new Uint32Array(size);
}

/** Odd multiplier of the rolling polynomial. */
const BASE = 0x01000193;

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
  for (let at = 0; at < n; at += SCRATCH_SHINGLES) {
    const m = Math.min(SCRATCH_SHINGLES, n - at);
    rollShingles(at === 0 && m === n ? words : words.subarray(at, at + m + span - 1), m + span - 1, span, mix);
    out.set(m === SCRATCH_SHINGLES ? SHINGLES : SHINGLES.subarray(0, m), at);
  }
  return [out, n];
}

/** The count - span + 1 (≤ SCRATCH_SHINGLES) shingle hashes of words[0, count) into SHINGLES. */
function rollShingles(words: Uint32Array, count: number, span: number, mix: number): void {
  const out = SHINGLES;
  const base = BASE | 0; // a local: module bindings are re-read in a loop
  const n = count - span + 1;
  let top = 1; // B^(span-1)
  for (let j = 1; j < span; j++) top = Math.imul(top, base);
  let poly = 0;
  for (let j = 0; j < span; j++) poly = (Math.imul(poly, base) + words[j]) | 0;
  for (let i = 0; ; i++) {
    let h = poly ^ mix;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    out[i] = h ^ (h >>> 16);
    if (i + 1 >= n) break;
    poly = (Math.imul((poly - Math.imul(words[i], top)) | 0, base) + words[i + span]) | 0;
  }
}

/**
 * The densified one-permutation signature of the k-grams of words[0, count) into `out`, and
 * their number of distinct values (returned): kGramHashes, ophSignature and distinctCount
 * without allocating. Three tight loops run faster here than one loop doing all three.
 */
export function kGramSketch(words: Uint32Array, count: number, k: number, seed: number, out: Uint32Array): number {
  const n = count === 0 ? 0 : count - Math.min(k, count) + 1;
  if (n > SCRATCH_SHINGLES) {
    const [shingles] = kGramHashes(words, count, k, seed, new Uint32Array(n));
    ophSignature(shingles, n, seed, out);
    return distinctCount(shingles, n);
  }
  if (n > 0) rollShingles(words, count, Math.min(k, count), hash2(seed, Math.min(k, count), 0x6b67));
  ophSignature(SHINGLES, n, seed, out);
  return distinctCount(SHINGLES, n);
}

/**
 * Distinct values among values[0, n), where the values are uniform hashes. A value's low bit
 * is ignored (0 marks an empty slot, so it is forced to 1: a 1-in-2^31 merge).
 * The table is open addressing at most 1/8 full: the common case (an empty slot, or the
 * value itself) is counted without a branch, and only a slot held by another value, rare at
 * that load, takes the probing path. At half full, the branch on "slot empty?" mispredicted
 * often enough to cost half the function's time.
 */
export function distinctCount(values: Uint32Array, n: number): number {
  if (n > SCRATCH_SHINGLES) {
    const sorted = values.slice(0, n).map((v) => v | 1).sort();
    let distinct = n > 0 ? 1 : 0;
    for (let i = 1; i < n; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
    return distinct;
  }
  let size = 16;
  while (size < n * SEEN_SLOTS_PER_VALUE) size *= 2;
  const table = SEEN;
  table.fill(0, 0, size);
  const mask = size - 1;
  let distinct = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] | 1; // int32 arithmetic throughout: the table is an Int32Array
    const slot = (v >>> 1) & mask; // v is already a uniform hash
    const held = table[slot];
    const other = held ^ v;
    const occupied = (held | (0 - held)) >>> 31; // 1 iff held ≠ 0
    if ((occupied & ((other | (0 - other)) >>> 31)) !== 0) {
      distinct += probeFurther(v, slot, mask);
      continue;
    }
    table[slot] = v;
    distinct += occupied ^ 1;
  }
  return distinct;
}

/** The rare collision path of distinctCount: 1 if v was new (and is now in SEEN). */
function probeFurther(v: number, slot: number, mask: number): number {
  for (;;) {
    slot = (slot + 1) & mask;
    const held = SEEN[slot];
    if (held === v) return 0;
    if (held === 0) {
      SEEN[slot] = v;
      return 1;
    }
  }
}

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
