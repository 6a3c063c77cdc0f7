import { absorb, fmix32 } from './hash.js';
import { bandKey, type BucketKey } from './keys.js';
import type { Sketch } from './index.js';
import type { SketchParams } from './params.js';

/**
 * LSH banding. Band b of a sketch covers bins [b·rows, (b+1)·rows); its key (src/fingerprint/
 * keys.ts) packs the sketch, the band and the hash of those bins (the bin itself when
 * rows = 1), so keys of different sketches and bands never collide. Two texts with Jaccard s
 * share a given band with probability s^rows.
 */
export function bandKeys(sketch: Sketch, p: SketchParams): BucketKey[] {
  const hashes = bandHashes(sketch, p);
  const keys: BucketKey[] = new Array(p.bands);
  for (let band = 0; band < p.bands; band++) keys[band] = bandKey(sketch.kind, band, hashes[band]);
  return keys;
}

/** The hex part of each band key as a number (in-memory indexes key on these, no strings). */
export function bandHashes(sketch: Sketch, p: SketchParams): Uint32Array {
  const out = new Uint32Array(p.bands);
  for (let band = 0; band < p.bands; band++) out[band] = bandHash(sketch.bins, band * p.rows, p.rows);
  return out;
}

function bandHash(bins: Uint32Array, from: number, rows: number): number {
  if (rows === 1) return bins[from];
  let h = rows;
  for (let i = from; i < from + rows; i++) h = absorb(h, bins[i]);
  return fmix32(h);
}

/**
 * Probability that a pair with Jaccard `s` becomes a candidate: at least `minShared` of
 * `bands` bands equal, each with probability s^rows (binomial tail; 1-(1-s^r)^b when
 * minShared = 1).
 */
export function candidateProbability(s: number, p: SketchParams): number {
  const q = Math.pow(s, p.rows);
  if (q >= 1) return 1;
  let below = 0; // P(fewer than minShared bands equal)
  let term = Math.pow(1 - q, p.bands); // P(exactly 0)
  for (let k = 0; k < p.minSharedBands; k++) {
    below += term;
    term *= ((p.bands - k) / (k + 1)) * (q / (1 - q));
  }
  return Math.max(0, Math.min(1, 1 - below));
}

/** Smallest Jaccard reaching `recall` under these band settings (bisection on the S-curve). */
export function thresholdForRecall(p: SketchParams, recall: number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (candidateProbability(mid, p) >= recall) hi = mid;
    else lo = mid;
  }
  return hi;
}
