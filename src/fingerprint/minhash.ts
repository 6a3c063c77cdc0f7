import { UserError } from '../errors.js';
import { fmix32, hash2, reduce } from './hash.js';

/**
 * MinHash signatures over uint32 shingle hashes.
 *
 * `ophSignature`: one-permutation hashing (Li, Owen, Zhang 2012): one hash per shingle, the
 * hash's top bits pick one of K bins, each bin keeps its minimum; empty bins are filled by
 * optimal densification (Shrivastava 2017): bin i repeatedly draws a bin with a hash of
 * (i, attempt) until it hits a non-empty one and copies its value. The estimator (share of
 * equal bins) stays unbiased for Jaccard with variance close to K independent permutations,
 * at the cost of one hash per shingle instead of K.
 *
 * `kMinHash`: classic K independent seeded hashes, K× slower; kept as the reference the
 * property tests compare against.
 */

/** Most bins a signature has (numPerm is a u16). */
const MAX_BINS = 1 << 16;
/**
 * Scratch per bin, module constants (V8 stores into those fastest): the minimum so far as an
 * int32 offset by 2^31 (signed order = the hashes' unsigned order, so a signed minimum
 * works), and whether the bin received a shingle.
 */
const BIN_MIN = new Int32Array(MAX_BINS);
const BIN_FILLED = new Uint8Array(MAX_BINS);

/**
 * Fills `out` (length K) with the densified one-permutation signature of shingles[0, count),
 * which must be uniform seeded hashes (kGramHashes gives these).
 * With no shingles every bin stays EMPTY_BIN.
 */
export function ophSignature(
  shingles: Uint32Array,
  count: number,
  seed: number,
  out: Uint32Array,
): Uint32Array {
  const k = out.length;
  const min = BIN_MIN;
  const filled = BIN_FILLED;
  min.fill(0x7fffffff, 0, k); // EMPTY_BIN offset by 2^31
  filled.fill(0, 0, k);
  for (let i = 0; i < count; i++) {
    // Shingle hashes are already seeded and finalised (fmix32), so their top bits pick the bin.
    const h = shingles[i];
    const bin = Math.imul(h >>> 16, k) >>> 16;
    // min[bin] = min(a, b) without a branch: whether a bin's minimum moves is a coin toss,
    // and V8 compiles Math.min to a branch that mispredicts (2.5× slower than this).
    const a = h ^ 0x80000000;
    const b = min[bin];
    const d = (a - b) | 0;
    const less = (d ^ ((a ^ b) & (d ^ a))) >> 31; // -1 iff a < b (the sign of a - b, overflow-corrected)
    min[bin] = b ^ ((a ^ b) & less);
    filled[bin] = 1;
  }
  let nonEmpty = 0;
  for (let i = 0; i < k; i++) {
    out[i] = min[i] ^ 0x80000000;
    nonEmpty += filled[i];
  }
  if (nonEmpty > 0 && nonEmpty < k) densify(out, filled, seed);
  return out;
}

/** Value of every bin of an empty set's signature. */
export const EMPTY_BIN = 0xffffffff;

/**
 * Optimal densification: each empty bin copies a non-empty bin chosen by hash(bin, attempt).
 * `filled` flags the non-empty bins (it may be longer than sig).
 */
function densify(sig: Uint32Array, filled: Uint8Array, seed: number): void {
  const k = sig.length;
  const seedMix = hash2(seed, 0xd3, 0);
  for (let i = 0; i < k; i++) {
    if (filled[i] === 1) continue;
    for (let attempt = 1; ; attempt++) {
      const j = reduce(fmix32(Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(attempt, 0x85ebca77) ^ seedMix), k);
      if (filled[j] === 1) {
        sig[i] = sig[j];
        break;
      }
    }
  }
}

/** Classic MinHash: bin j holds min over shingles of hash_j(shingle). O(count × K). */
export function kMinHash(shingles: Uint32Array, count: number, seed: number, k: number): Uint32Array {
  const out = new Uint32Array(k).fill(EMPTY_BIN);
  for (let j = 0; j < k; j++) {
    const sj = fmix32(seed + Math.imul(j + 1, 0x9e3779b1));
    let min = EMPTY_BIN;
    for (let i = 0; i < count; i++) {
      const h = fmix32(shingles[i] ^ sj);
      if (h < min) min = h;
    }
    out[j] = min;
  }
  return out;
}

/** True when a signature is that of an empty set (no shingles at all). */
export function isEmptySignature(sig: Uint32Array): boolean {
  for (let i = 0; i < sig.length; i++) if (sig[i] !== EMPTY_BIN) return false;
  return true;
}

/**
 * Estimated Jaccard similarity: share of bins holding the same value. Signatures of
 * different length were built with other parameters and are refused. Two empty sets count
 * as identical (1), an empty and a non-empty one as disjoint (0).
 */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) {
    throw new UserError(
      'index_params_mismatch',
      `cannot compare MinHash signatures of ${a.length} and ${b.length} bins (built with other parameters)`,
    );
  }
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++;
  if (equal === a.length) return 1;
  if (isEmptySignature(a) || isEmptySignature(b)) return 0;
  return equal / a.length;
}

/**
 * Containment of A in B (|A∩B| / |A|) from a Jaccard estimate and the two set sizes:
 * |A∩B| = J(|A|+|B|)/(1+J). Clamped to [0, 1].
 */
export function containmentFromJaccard(j: number, sizeA: number, sizeB: number): number {
  if (sizeA === 0) return 0;
  const inter = (j * (sizeA + sizeB)) / (1 + j);
  return Math.max(0, Math.min(1, inter / sizeA));
}
