/**
 * Bucket keys as integers. Every key the candidate index stores — one per LSH band of each
 * sketch, one per name an article carries — is a non-negative safe integer below 2^43:
 *
 *   tag · 2^40 + band · 2^32 + hash32     (sketch bands; band < 256)
 *   NAME_TAG · 2^40 + hash40(name)        (names)
 *
 * The tag keeps keys of different sketches, bands and names apart, so a match is always a
 * match on the same band. Integers, not strings: the store keeps ~200 keys per article, and
 * an INTEGER / BIGINT column is ~3× smaller and faster to index than `words:17:9f3a0c41`.
 */
import { fmix32 } from './hash.js';
import type { SketchKind } from './params.js';

/** A bucket key: a safe integer in [0, 2^43). */
export type BucketKey = number;

const TWO_32 = 0x1_0000_0000;
const TWO_40 = 0x100_0000_0000;

/** Most bands one sketch may have (the band number takes 8 bits of a key). */
export const MAX_BANDS = 256;

const SKETCH_TAG: Record<SketchKind, number> = { words: 1, stopwords: 2, skeleton: 3 };
const NAME_TAG = 4;

/** Key of band `band` of a sketch whose band hash is `hash` (uint32). */
export function bandKey(kind: SketchKind, band: number, hash: number): BucketKey {
  return SKETCH_TAG[kind] * TWO_40 + band * TWO_32 + (hash >>> 0);
}

/**
 * Key of a name (already normalised: lower case, single spaces). 40 bits of hash: with ten
 * million distinct names a collision merges two names' postings once in ~20,000 pairs, which
 * only adds a candidate that scoring then drops.
 */
export function nameKey(name: string): BucketKey {
  let a = 0x811c9dc5;
  let b = 0x2c1b3c6d;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  const high = fmix32(b ^ name.length) & 0xff;
  return NAME_TAG * TWO_40 + high * TWO_32 + fmix32(a);
}

/** True for a value that can be a bucket key (guards the stores against bad input). */
export function isBucketKey(k: unknown): k is BucketKey {
  return typeof k === 'number' && Number.isSafeInteger(k) && k >= 0 && k < 8 * TWO_40;
}
