import { UserError } from '../errors.js';
import type { Store } from '../store/store.js';
import { compareFingerprints, decodeFingerprint, encodeFingerprint, type Fingerprint } from './index.js';
import { bandHashes, bandKeys } from './lsh.js';
import type { BucketKey } from './keys.js';
import { assertCompatible, paramsKey, parseParamsKey, sketchKinds, type IndexParams, type SketchKind } from './params.js';

/**
 * Candidate search: LSH band keys find texts sharing enough bands in any sketch, then each
 * candidate is scored from the two fingerprints. The score is the estimated containment of
 * the smaller text's shingles in the larger (|A∩B|/min(|A|,|B|), from the Jaccard estimate and
 * the shingle counts): an excerpt or an abridged copy has low Jaccard with its source but
 * containment near 1, and containment is what the later stages need to see.
 */

export interface Candidate {
  id: string;
  /** Best containment over sketches, 0..1. */
  score: number;
  /** Estimated Jaccard of the sketch that gave the score. */
  jaccard: number;
  /** The sketch that gave the score (`stopwords` high and `words` low hints at spinning). */
  sketch: SketchKind;
}

export interface CandidateQueryOptions {
  /** Drop candidates scoring below this (unrelated texts score ≤ 0.05 on these sketches). */
  minScore: number;
  /** Keep at most this many, best first. */
  limit: number;
  /** Leave this id out (the query text itself when it is already indexed). */
  excludeId: string | null;
  /**
   * A band key is followed to at most this many stored texts (the earliest; a stored index
   * only, src/store/bucket-query.ts): boilerplate and much-syndicated texts fill a band with
   * thousands, and a few of them are enough to find the text.
   */
  maxPostings: number;
  /** Most texts scored from their fingerprints per sketch, those sharing the most bands first. */
  maxScored: number;
}

export const DEFAULT_CANDIDATE_QUERY_OPTIONS: CandidateQueryOptions = { minScore: 0.2, limit: 200, excludeId: null, maxPostings: 2000, maxScored: 100 };

export interface CandidateIndex {
  add(id: string, fingerprint: Fingerprint): Promise<void>;
  /** Candidates sorted by score (desc), then id (asc). */
  query(fingerprint: Fingerprint, options?: Partial<CandidateQueryOptions>): Promise<Candidate[]>;
}

/** Band keys of every sketch of a fingerprint, grouped by sketch kind. */
export function fingerprintKeys(fp: Fingerprint, params: IndexParams): Map<SketchKind, BucketKey[]> {
  const out = new Map<SketchKind, BucketKey[]>();
  for (const sketch of fp.sketches) out.set(sketch.kind, bandKeys(sketch, params.sketches[sketch.kind]!));
  return out;
}

/** The band keys of every sketch in one list: what the index stores for a fingerprint. */
export function allBandKeys(fp: Fingerprint, params: IndexParams): BucketKey[] {
  return [...fingerprintKeys(fp, params).values()].flat();
}

/** Refuses a fingerprint built with other parameters than the index's. */
export function checkFingerprint(fp: Fingerprint, params: IndexParams, key: string): void {
  if (fp.params !== key) assertCompatible(parseParamsKey(fp.params), params);
}

/** Scores one candidate; null when it falls below minScore. */
export function scoreCandidate(id: string, query: Fingerprint, other: Fingerprint, minScore: number): Candidate | null {
  let best: Candidate | null = null;
  for (const s of compareFingerprints(query, other)) {
    if (!best || s.containment > best.score) best = { id, score: s.containment, jaccard: s.jaccard, sketch: s.kind };
  }
  return best && best.score >= minScore ? best : null;
}

export function sortCandidates(list: Candidate[], limit: number): Candidate[] {
  list.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return list.length > limit ? list.slice(0, limit) : list;
}


/**
 * In-memory index (benchmarks, one-shot runs). Same buckets as the string keys, but held as
 * one Map per (sketch, band) from band hash to document numbers: no key strings are built.
 */
export class MemoryCandidateIndex implements CandidateIndex {
  private readonly buckets = new Map<SketchKind, Map<number, number[]>[]>();
  private readonly ids: string[] = [];
  private readonly fingerprints: Fingerprint[] = [];
  private readonly byId = new Map<string, number>();
  private readonly key: string;
  constructor(private readonly params: IndexParams) {
    this.key = paramsKey(params);
    for (const kind of sketchKinds(params)) {
      this.buckets.set(kind, Array.from({ length: params.sketches[kind]!.bands }, () => new Map()));
    }
  }

  get size(): number {
    return this.ids.length;
  }

  async add(id: string, fp: Fingerprint): Promise<void> {
    this.addSync(id, fp);
  }

  async query(fp: Fingerprint, options: Partial<CandidateQueryOptions> = {}): Promise<Candidate[]> {
    return this.querySync(fp, options);
  }

  addSync(id: string, fp: Fingerprint): void {
    checkFingerprint(fp, this.params, this.key);
    if (this.byId.has(id)) throw new UserError('duplicate_id', `candidate index already holds ${id}`);
    const doc = this.ids.length;
    this.ids.push(id);
    this.fingerprints.push(fp);
    this.byId.set(id, doc);
    for (const sketch of fp.sketches) {
      const bands = this.buckets.get(sketch.kind)!;
      const hashes = bandHashes(sketch, this.params.sketches[sketch.kind]!);
      for (let b = 0; b < hashes.length; b++) {
        const docs = bands[b].get(hashes[b]);
        if (docs) docs.push(doc);
        else bands[b].set(hashes[b], [doc]);
      }
    }
  }

  querySync(fp: Fingerprint, options: Partial<CandidateQueryOptions> = {}): Candidate[] {
    const o = { ...DEFAULT_CANDIDATE_QUERY_OPTIONS, ...options };
    checkFingerprint(fp, this.params, this.key);
    const found = new Set<string>();
    for (const sketch of fp.sketches) {
      const sp = this.params.sketches[sketch.kind]!;
      const bands = this.buckets.get(sketch.kind)!;
      const hashes = bandHashes(sketch, sp);
      const counts = new Map<number, number>();
      for (let b = 0; b < hashes.length; b++) {
        for (const doc of bands[b].get(hashes[b]) ?? []) counts.set(doc, (counts.get(doc) ?? 0) + 1);
      }
      for (const [doc, n] of counts) if (n >= sp.minSharedBands && this.ids[doc] !== o.excludeId) found.add(this.ids[doc]);
    }
    const out: Candidate[] = [];
    for (const id of found) {
      const c = scoreCandidate(id, fp, this.fingerprints[this.byId.get(id)!], o.minScore);
      if (c) out.push(c);
    }
    return sortCandidates(out, o.limit);
  }
}

/** Setting under which a store records the index parameters its fingerprints use. */
export const PARAMS_SETTING = 'fingerprint.params';
/** Fingerprint kind under which the whole encoded fingerprint is stored. */
export const FINGERPRINT_KIND = 'fingerprint';

/** Candidate index on a Store: band keys in its bucket table, fingerprints as blobs. */
export class StoreCandidateIndex implements CandidateIndex {
  private readonly key: string;
  private checked = false;
  constructor(
    private readonly store: Store,
    private readonly params: IndexParams,
  ) {
    this.key = paramsKey(params);
  }

  /** Records the parameters on first use; refuses a store indexed with other ones. */
  private async ensureParams(): Promise<void> {
    if (this.checked) return;
    const stored = await this.store.getSetting(PARAMS_SETTING);
    if (stored === null) await this.store.setSetting(PARAMS_SETTING, this.key);
    else if (stored !== this.key) assertCompatible(parseParamsKey(stored), this.params);
    this.checked = true;
  }

  /** What `add` would write, for a caller that stores it with the article in one transaction. */
  async entries(fp: Fingerprint): Promise<{ kind: string; data: Uint8Array; bucketKeys: BucketKey[] }> {
    checkFingerprint(fp, this.params, this.key);
    await this.ensureParams();
    return { kind: FINGERPRINT_KIND, data: encodeFingerprint(fp), bucketKeys: allBandKeys(fp, this.params) };
  }

  async add(id: string, fp: Fingerprint): Promise<void> {
    checkFingerprint(fp, this.params, this.key);
    await this.ensureParams();
    // Buckets first: the stored fingerprint then marks a complete entry (a crash in between is
    // repaired by indexing again; bucket inserts are idempotent).
    await this.store.addBucketKeys(id, allBandKeys(fp, this.params));
    await this.store.putFingerprint(id, FINGERPRINT_KIND, encodeFingerprint(fp));
  }

  async query(fp: Fingerprint, options: Partial<CandidateQueryOptions> = {}): Promise<Candidate[]> {
    const o = { ...DEFAULT_CANDIDATE_QUERY_OPTIONS, ...options };
    checkFingerprint(fp, this.params, this.key);
    await this.ensureParams();
    const found = new Set<string>();
    for (const [kind, keys] of fingerprintKeys(fp, this.params)) {
      // the store keeps texts sharing at least minSharedBands bands; one more than maxScored:
      // the query text itself may be among them
      const minShared = this.params.sketches[kind]!.minSharedBands;
      const query = { maxPostings: o.maxPostings, common: 'first' as const, minShared, top: o.maxScored + 1 };
      for (const id of (await this.store.findByBucketKeys(keys, query)).keys()) if (id !== o.excludeId) found.add(id);
    }
    const out: Candidate[] = [];
    for (const id of [...found].sort()) {
      const blob = await this.store.getFingerprint(id, FINGERPRINT_KIND);
      if (!blob) continue;
      const c = scoreCandidate(id, fp, decodeFingerprint(blob, this.params), o.minScore);
      if (c) out.push(c);
    }
    return sortCandidates(out, o.limit);
  }
}
