import { UserError } from '../errors.js';
import { STOPWORD_LIST_ID } from './words.js';
import { MAX_BANDS } from './keys.js';

/**
 * Index parameters: everything that changes the bits of a fingerprint or its LSH bucket keys.
 * A fingerprint built with other parameters is refused, never silently compared (two MinHash
 * signatures from different seeds or bin counts agree by chance only, so a comparison would
 * quietly return nonsense).
 */

/**
 * The sketches a fingerprint can hold.
 * - `words`: word k-grams (Broder shingles): verbatim, near-duplicate, excerpt, abridged.
 * - `stopwords`: n-grams over the sequence of function words only (Stamatatos 2011);
 *   spinners swap content words and leave these alone.
 * - `skeleton`: k-grams over all words with every content word replaced by one placeholder
 *   ("the _ of _ in the"), a stricter spin-proof variant kept for comparison.
 */
export type SketchKind = 'words' | 'stopwords' | 'skeleton';

export const SKETCH_KINDS: readonly SketchKind[] = ['words', 'stopwords', 'skeleton'];

/** How one sketch is shingled and banded. */
export interface SketchParams {
  /** Shingle length in tokens (words for `words`, function words for `stopwords`, …). */
  shingle: number;
  /** LSH bands; bands × rows must not exceed numPerm. */
  bands: number;
  /** MinHash bins per band; a band matches when all its rows are equal. */
  rows: number;
  /**
   * A stored document becomes a candidate when it shares at least this many band keys with
   * the query (1 is classic banding; more, with rows = 1, is a count threshold on equal bins).
   */
  minSharedBands: number;
}

export interface IndexParams {
  /** Fingerprint format version; bump when the hashing code changes its output. */
  version: number;
  /** MinHash bins K of each sketch (one-permutation hashing, densified). */
  numPerm: number;
  /** Seed of every hash that depends on the index (shingles, bins, densification). */
  seed: number;
  /** Id of the function-word list the spin-proof sketches use (a hash of the list). */
  stopwordList: string;
  /** Which sketches to build, with their parameters; absent kinds are not built. */
  sketches: Partial<Record<SketchKind, SketchParams>>;
}

export const DEFAULT_INDEX_PARAMS: IndexParams = {
  // 2: bucket keys became integers (src/fingerprint/keys.ts).
  version: 2,
  numPerm: 128,
  seed: 0x5eed1234,
  stopwordList: STOPWORD_LIST_ID,
  sketches: {
    // Word 5-grams, every bin its own band (rows = 1) and a candidate needs ≥ 3 equal bins:
    // P(candidate) = P(Binomial(128, s) ≥ 3) ≥ 0.98 from Jaccard s ≈ 0.06. Excerpts and
    // abridged copies have low Jaccard (0.06–0.3) but containment near 1; this catches them,
    // where 64 × 2 (≥ 0.98 only from s ≈ 0.24) found 82 % of synthetic excerpts.
    words: { shingle: 5, bands: 128, rows: 1, minSharedBands: 3 },
    // Function-word 6-grams (spin-proof); 64 × 2: P ≥ 0.98 from s ≈ 0.24, ≤ 0.01 below 0.012.
    // n = 6 beat n = 8 on METER (more derived stories above 0.2 containment, unrelated pairs
    // still ≤ 0.0003) and beat the content-placeholder skeleton (40× more unrelated pairs).
    stopwords: { shingle: 6, bands: 64, rows: 2, minSharedBands: 1 },
  },
};

/** Merges partial parameters over the defaults once (sketches replace the default set whole). */
export function resolveIndexParams(partial: Partial<IndexParams> = {}): IndexParams {
  const p: IndexParams = { ...DEFAULT_INDEX_PARAMS, ...partial };
  validateParams(p);
  return p;
}

/** The kinds present in `p`, in the fixed order of SKETCH_KINDS. */
export function sketchKinds(p: IndexParams): SketchKind[] {
  return SKETCH_KINDS.filter((k) => p.sketches[k] !== undefined);
}

function validateParams(p: IndexParams): void {
  const bad = (m: string): never => {
    throw new UserError('index_params', `invalid index parameters: ${m}`);
  };
  if (!Number.isInteger(p.numPerm) || p.numPerm < 1 || p.numPerm > 65535) bad(`numPerm ${p.numPerm}`);
  if (!Number.isInteger(p.seed) || p.seed < 0 || p.seed > 0xffffffff) bad(`seed ${p.seed} (need a uint32)`);
  if (sketchKinds(p).length === 0) bad('no sketch selected');
  for (const kind of sketchKinds(p)) {
    const s = p.sketches[kind]!;
    if (!Number.isInteger(s.shingle) || s.shingle < 1) bad(`${kind}.shingle ${s.shingle}`);
    if (!Number.isInteger(s.bands) || !Number.isInteger(s.rows) || s.bands < 1 || s.rows < 1) {
      bad(`${kind} bands × rows ${s.bands} × ${s.rows}`);
    }
    if (s.bands > MAX_BANDS) bad(`${kind}.bands ${s.bands} > ${MAX_BANDS}`);
    if (s.bands * s.rows > p.numPerm) bad(`${kind} bands × rows = ${s.bands * s.rows} > numPerm ${p.numPerm}`);
    if (!Number.isInteger(s.minSharedBands) || s.minSharedBands < 1 || s.minSharedBands > s.bands) {
      bad(`${kind}.minSharedBands ${s.minSharedBands}`);
    }
  }
}

/**
 * Canonical serialisation: the same parameters always give the same string (keys in a fixed
 * order), and `parseParamsKey` reads it back. Stored beside every index and fingerprint.
 */
export function paramsKey(p: IndexParams): string {
  const sketches = sketchKinds(p).map((k) => {
    const s = p.sketches[k]!;
    return `${k}(${s.shingle},${s.bands}x${s.rows},${s.minSharedBands})`;
  });
  return `v${p.version};K=${p.numPerm};seed=${p.seed >>> 0};sw=${p.stopwordList};${sketches.join(';')}`;
}

const SKETCH_RE = /^(words|stopwords|skeleton)\((\d+),(\d+)x(\d+),(\d+)\)$/;

export function parseParamsKey(key: string): IndexParams {
  const parts = key.split(';');
  const bad = (): never => {
    throw new UserError('index_params', `unreadable index parameters "${key}"`);
  };
  const v = /^v(\d+)$/.exec(parts[0] ?? '');
  const k = /^K=(\d+)$/.exec(parts[1] ?? '');
  const s = /^seed=(\d+)$/.exec(parts[2] ?? '');
  const sw = /^sw=([0-9a-z-]+)$/.exec(parts[3] ?? '');
  if (!v || !k || !s || !sw) return bad();
  const sketches: IndexParams['sketches'] = {};
  for (const part of parts.slice(4)) {
    const m = SKETCH_RE.exec(part);
    if (!m) return bad();
    sketches[m[1] as SketchKind] = {
      shingle: Number(m[2]),
      bands: Number(m[3]),
      rows: Number(m[4]),
      minSharedBands: Number(m[5]),
    };
  }
  const seed = Number(s[1]);
  return { version: Number(v[1]), numPerm: Number(k[1]), seed, stopwordList: sw[1], sketches };
}

/**
 * Throws a UserError naming the first parameter that differs between what an index or
 * fingerprint was built with (`stored`) and what is asked for (`wanted`).
 */
export function assertCompatible(stored: IndexParams, wanted: IndexParams): void {
  const diffs: string[] = [];
  if (stored.version !== wanted.version) diffs.push(`version ${stored.version} vs ${wanted.version}`);
  if (stored.numPerm !== wanted.numPerm) diffs.push(`numPerm ${stored.numPerm} vs ${wanted.numPerm}`);
  if (stored.seed >>> 0 !== wanted.seed >>> 0) diffs.push(`seed ${stored.seed} vs ${wanted.seed}`);
  if (stored.stopwordList !== wanted.stopwordList) {
    diffs.push(`stopword list ${stored.stopwordList} vs ${wanted.stopwordList}`);
  }
  for (const kind of SKETCH_KINDS) {
    const a = stored.sketches[kind];
    const b = wanted.sketches[kind];
    if (!a && !b) continue;
    if (!a || !b) {
      diffs.push(`sketch ${kind} ${a ? 'present' : 'absent'} vs ${b ? 'present' : 'absent'}`);
      continue;
    }
    for (const field of ['shingle', 'bands', 'rows', 'minSharedBands'] as const) {
      if (a[field] !== b[field]) diffs.push(`${kind}.${field} ${a[field]} vs ${b[field]}`);
    }
  }
  if (diffs.length > 0) {
    throw new UserError(
      'index_params_mismatch',
      `fingerprints were built with other index parameters (stored vs wanted: ${diffs.join(', ')}); ` +
        'rebuild the index with the new parameters or keep the stored ones',
    );
  }
}
