/**
 * Shared word runs: which of a text's words lie inside a run of k consecutive words that the
 * other text also has, verbatim. Short runs (k = 3) are shared by any two reports of an event
 * (names, titles, set phrases); long runs (k = 8) are copied sentences. Counting only words
 * outside quotation marks sets apart the verbatim quotes that independent reports share.
 *
 * This is Greedy String Tiling's coverage (src/relate/process-tiles.ts) without the rule that
 * each word of the source is used once: near enough for coverage, and linear in the texts'
 * lengths (hashed k-grams), so it can run on every compared pair.
 */
import type { Token } from '../types.js';

/** A 32-bit hash (FNV-1a) of each key. */
function keyHashes(keys: readonly string[]): Uint32Array {
  const out = new Uint32Array(keys.length);
  keys.forEach((key, i) => {
    let h = 0x811c9dc5;
    for (let c = 0; c < key.length; c++) h = Math.imul(h ^ key.charCodeAt(c), 16777619);
    out[i] = h >>> 0;
  });
  return out;
}

/** Hash of every run of k consecutive keys, by start position (empty when there are fewer than k keys). */
export function runHashes(keys: readonly string[], k: number): Uint32Array {
  const h = keyHashes(keys);
  const n = Math.max(0, keys.length - k + 1);
  const out = new Uint32Array(k < 1 ? 0 : n);
  for (let i = 0; i < out.length; i++) {
    let x = 0x811c9dc5;
    for (let j = i; j < i + k; j++) x = Math.imul(x ^ h[j], 16777619);
    out[i] = x >>> 0;
  }
  return out;
}

/**
 * A set of uint32 hashes as a sorted typed array: one allocation, where a Set of numbers above
 * 2^30 boxes each. A bitmap of the hashes' low bits answers most misses in one read: two texts
 * that are not copies share few runs, and a text's ~600 hashes set about 7 % of its 8,192 bits.
 */
export class SortedHashes {
  private readonly sorted: Uint32Array;
  private readonly lowBits = new Uint32Array(LOW_BITS_WORDS);

  constructor(values: Uint32Array) {
    this.sorted = Uint32Array.from(values).sort();
    for (let i = 0; i < values.length; i++) {
      const low = values[i] & LOW_BITS_MASK;
      this.lowBits[low >>> 5] |= 1 << (low & 31);
    }
  }

  /** Halves the range around the last value ≤ v until one is left (same steps for every v). */
  has(v: number): boolean {
    const low = v & LOW_BITS_MASK;
    if ((this.lowBits[low >>> 5] & (1 << (low & 31))) === 0) return false;
    const s = this.sorted;
    let base = 0;
    for (let n = s.length; n > 1; n -= n >>> 1) if (s[base + (n >>> 1)] <= v) base += n >>> 1;
    return s.length > 0 && s[base] === v;
  }
}

const LOW_BITS_MASK = 8191;
const LOW_BITS_WORDS = (LOW_BITS_MASK + 1) / 32;

/** Marks the positions of a text of `length` keys inside a run (hashes from runHashes) that `other` holds. */
export function maskOfShared(runs: Uint32Array, length: number, k: number, other: { has(v: number): boolean }): Uint8Array {
  const mask = new Uint8Array(length);
  for (let i = 0; i < runs.length; i++) if (other.has(runs[i])) mask.fill(1, i, i + k);
  return mask;
}

/** Marks x's positions that lie inside some k-run of keys also found in y (by hash). */
export function sharedRunMask(x: readonly string[], y: readonly string[], k: number): Uint8Array {
  return maskOfShared(runHashes(x, k), x.length, k, new Set(runHashes(y, k)));
}

export interface RunCoverage {
  /** Share of x's words inside a shared k-run. */
  all: number;
  /** The same over x's words outside quotation marks only (0 when all are quoted). */
  unquoted: number;
}

/** Shared k-run coverage of x's tokens by y's; `quoted[i]` says whether x's token i is inside a quote. */
export function sharedRunCoverage(x: readonly Token[], y: readonly Token[], k: number, quoted: readonly boolean[]): RunCoverage {
  const mask = sharedRunMask(
    x.map((t) => t.norm),
    y.map((t) => t.norm),
    k,
  );
  return coverageOfMask(mask, quoted);
}

/** Share of positions marked, over all and over those not quoted. */
export function coverageOfMask(mask: Uint8Array, quoted: readonly boolean[]): RunCoverage {
  let all = 0;
  let outside = 0;
  let outsideCovered = 0;
  for (let i = 0; i < mask.length; i++) {
    all += mask[i];
    if (quoted[i]) continue;
    outside++;
    outsideCovered += mask[i];
  }
  return { all: mask.length === 0 ? 0 : all / mask.length, unquoted: outside === 0 ? 0 : outsideCovered / outside };
}

/** For each token (in text order), whether it starts inside one of the sorted or unsorted spans. */
export function insideSpans(tokens: readonly Token[], spans: ReadonlyArray<{ start: number; end: number }>): boolean[] {
  const sorted = [...spans].sort((p, q) => p.start - q.start);
  let i = 0;
  let reach = -1;
  return tokens.map((t) => {
    while (i < sorted.length && sorted[i].start <= t.start) reach = Math.max(reach, sorted[i++].end);
    return t.start < reach;
  });
}
