import type { Span } from '../types.js';
import { fmix32, hash2, hex32 } from './hash.js';
import { containmentFromJaccard, jaccard } from './minhash.js';
import { assertCompatible, paramsKey, parseParamsKey, SKETCH_KINDS, sketchKinds, type IndexParams, type SketchKind } from './params.js';
import { kGramSketch, spinProofSequence } from './shingles.js';
import { scanText, STOPWORD_HASHES, type ScannedText } from './words.js';

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

/** Scratch for the rarely used skeleton sequence. */
const scratch: { seq: Uint32Array } = { seq: new Uint32Array(4096) };

/** What fingerprintText derives from one params object, computed once per object. */
interface Plan {
  key: string;
  /** The fields the key was built from, to notice a params object changed since. */
  fields: (number | string)[];
  kinds: SketchKind[];
  /** Per kind: shingle length and hash seed. */
  shingle: number[];
  seed: number[];
}

const plans = new WeakMap<IndexParams, Plan>();

/** The plan for `params`: cached per object (paramsKey builds a string, too dear per text). */
function planFor(params: IndexParams): Plan {
  const cached = plans.get(params);
  if (cached && sameFields(cached.fields, params)) return cached;
  const kinds = sketchKinds(params);
  const shingle = kinds.map((kind) => params.sketches[kind]!.shingle);
  const seed = kinds.map((kind, i) => hash2(params.seed, kindSeed(kind), shingle[i]));
  const plan: Plan = { key: paramsKey(params), fields: paramFields(params), kinds, shingle, seed };
  plans.set(params, plan);
  return plan;
}

/** Every field paramsKey reads, flat (absent sketches as -1). */
function paramFields(p: IndexParams): (number | string)[] {
  const out: (number | string)[] = [p.version, p.numPerm, p.seed, p.stopwordList];
  for (const kind of SKETCH_KINDS) {
    const s = p.sketches[kind];
    out.push(s ? s.shingle : -1, s ? s.bands : -1, s ? s.rows : -1, s ? s.minSharedBands : -1);
  }
  return out;
}

/** paramFields(p) equals `fields`, checked without allocating (runs once per text). */
function sameFields(fields: (number | string)[], p: IndexParams): boolean {
  if (fields[0] !== p.version || fields[1] !== p.numPerm || fields[2] !== p.seed || fields[3] !== p.stopwordList) return false;
  for (let i = 0; i < SKETCH_KINDS.length; i++) {
    const s = p.sketches[SKETCH_KINDS[i]];
    const at = 4 + 4 * i;
    if (!s) {
      if (fields[at] !== -1) return false;
    } else if (fields[at] !== s.shingle || fields[at + 1] !== s.bands || fields[at + 2] !== s.rows || fields[at + 3] !== s.minSharedBands) {
      return false;
    }
  }
  return true;
}

/**
 * Fingerprints `text` (only the given spans when not null, e.g. the body without
 * boilerplate): every sketch selected in `params` plus the exact hash.
 */
export function fingerprintText(text: string, spans: readonly Span[] | null, params: IndexParams): Fingerprint {
  const plan = planFor(params);
  const scan = scanText(text, spans, plan.kinds.includes('stopwords') ? STOPWORD_HASHES : null);
  const sketches: Sketch[] = [];
  for (let i = 0; i < plan.kinds.length; i++) {
    const kind = plan.kinds[i];
    let seq: Uint32Array = scan.words;
    let n = scan.count;
    if (kind === 'stopwords') [seq, n] = [scan.stopwords, scan.stopCount];
    else if (kind === 'skeleton') {
      [scratch.seq, n] = spinProofSequence(scan.words, scan.count, STOPWORD_HASHES, kind, scratch.seq);
      seq = scratch.seq;
    }
    const bins = new Uint32Array(params.numPerm);
    const shingles = kGramSketch(seq, n, plan.shingle[i], plan.seed[i], bins);
    sketches.push({ kind, bins, shingles });
  }
  return { params: plan.key, exactHash: sequenceHash(scan), words: scan.count, sketches };
}

function kindSeed(kind: SketchKind): number {
  return kind === 'words' ? 0x77 : kind === 'stopwords' ? 0x73 : 0x6b;
}

/** The scan's two sequence lanes, finished with the word count → 16 hex chars. */
function sequenceHash(scan: ScannedText): string {
  return hex32(fmix32(scan.laneA ^ scan.count)) + hex32(fmix32(scan.laneB + scan.count));
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
