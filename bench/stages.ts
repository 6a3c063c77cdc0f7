/** The stages of `storytrace bench`, each measured on the real pipeline. */
import { fingerprintText } from '../src/fingerprint/index.js';
import { StoreCandidateIndex, type CandidateQueryOptions } from '../src/fingerprint/candidates.js';
import { prepareArticle } from '../src/ingest/prepare.js';
import type { Engine } from '../src/engine/engine.js';
import { ingestDocuments } from '../src/parallel/ingest.js';
import { nameKeys } from '../src/parallel/prepare-doc.js';
import { nameNeighbours } from '../src/engine/trace.js';
import type { Store } from '../src/store/store.js';
import type { Article, RawDocument } from '../src/types.js';
import type { SynthCorpus, DocKind } from './synth/corpus.js';
import { IdTable, median, seconds } from './measure.js';

export interface Rate {
  docsPerSec: number;
  mbPerSec: number;
}

let sink = 0;
/** FNV-1a over the char codes: the least any scanner pays per character; it calibrates a loaded machine. */
function charLoop(text: string): void {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  sink ^= h;
}

export interface FingerprintSpeed {
  best: Rate;
  median: Rate;
  /** Best pass measured in CPU time of this process (time the scheduler gave us), not wall time. */
  bestCpu: Rate;
  docs: number;
  /** The bare char loop over the same texts (best pass): how fast this machine is right now. */
  calibration: Rate;
}

/** Fingerprinting alone (scan + shingles + sketches) on one core: min and median of `runs` passes. */
export function fingerprintSpeed(corpus: SynthCorpus, engine: Engine, sample: number, runs = 5): FingerprintSpeed {
  const articles = [...corpus.docs(1_000_000_000, 1_000_000_000 + sample)].map((d) => prepareArticle(d.raw));
  const bytes = articles.reduce((s, a) => s + Buffer.byteLength(a.text), 0);
  for (const a of articles.slice(0, 300)) fingerprintText(a.text, a.sentences, engine.options.index); // JIT warm-up
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = process.hrtime.bigint();
    const c = process.cpuUsage();
    for (const a of articles) fingerprintText(a.text, a.sentences, engine.options.index);
    times.push(seconds(t));
    const used = process.cpuUsage(c);
    cpuTimes.push((used.user + used.system) / 1e6);
  }
  const bare: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = process.hrtime.bigint();
    for (const a of articles) charLoop(a.text);
    bare.push(seconds(t));
  }
  const rate = (sec: number): Rate => ({ docsPerSec: articles.length / sec, mbPerSec: bytes / 1e6 / sec });
  return { best: rate(Math.min(...times)), median: rate(median(times)), bestCpu: rate(Math.min(...cpuTimes)), docs: articles.length, calibration: rate(Math.min(...bare) + (sink === 0.5 ? 1 : 0)) };
}

export interface IngestResult {
  seconds: number;
  added: number;
  duplicates: number;
  errors: number;
  bytes: number;
  /** CPU seconds of the whole process (main thread and workers) during ingest. */
  cpuSeconds: number;
  /** Main-thread seconds spent generating the corpus inside the ingest time (not ingest work). */
  generateSeconds: number;
  /** Duplicates recognised as duplicates of their source. */
  duplicateHits: number;
  duplicateInjected: number;
}

/** Streams the corpus through the parallel ingest into `store`; records each document's id. */
export async function ingestCorpus(store: Store, corpus: SynthCorpus, docs: number, engine: Engine, workers: number, ids: IdTable, progress: (n: number) => void): Promise<IngestResult> {
  const r: IngestResult = { seconds: 0, cpuSeconds: 0, generateSeconds: 0, added: 0, duplicates: 0, errors: 0, bytes: 0, duplicateHits: 0, duplicateInjected: 0 };
  const sourceOf = new Map<number, number>(); // injected duplicates only
  function* raws(): Generator<RawDocument> {
    for (let i = 0; i < docs; i++) {
      const t0 = process.hrtime.bigint();
      const d = corpus.doc(i);
      r.generateSeconds += seconds(t0);
      r.bytes += Buffer.byteLength(d.raw.body);
      if (d.kind === 'duplicate') sourceOf.set(d.index, d.source);
      yield d.raw;
    }
  }
  const t = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  for await (const e of ingestDocuments(store, raws(), engine.options, { workers })) {
    const i = Number(e.source.slice('synth:'.length));
    if (e.kind === 'added') (r.added++, ids.put(i, e.id));
    else if (e.kind === 'duplicate') {
      r.duplicates++;
      ids.put(i, e.duplicateOf);
      const src = sourceOf.get(i);
      if (src !== undefined) (r.duplicateInjected++, (r.duplicateHits += ids.get(src) === e.duplicateOf ? 1 : 0));
    } else r.errors++;
    sourceOf.delete(i);
    if ((r.added + r.duplicates + r.errors) % 5000 === 0) progress(r.added + r.duplicates + r.errors);
  }
  r.seconds = seconds(t);
  const used = process.cpuUsage(cpu);
  r.cpuSeconds = (used.user + used.system) / 1e6;
  return r;
}

/** Candidates of one stored article as traceArticle finds them: fingerprint LSH and shared names. */
export async function candidatesOf(store: Store, engine: Engine, article: Article): Promise<{ fingerprint: string[]; names: string[] }> {
  return { fingerprint: await fingerprintCandidatesOf(store, engine, article), names: await nameCandidatesOf(store, engine, article) };
}

/** The fingerprint (LSH) candidates of a stored article; `query` overrides the look-up bounds. */
export async function fingerprintCandidatesOf(store: Store, engine: Engine, article: Article, query: Partial<CandidateQueryOptions> = {}): Promise<string[]> {
  const index = new StoreCandidateIndex(store, engine.options.index);
  const fp = fingerprintText(article.text, article.sentences, engine.options.index);
  const found = await index.query(fp, { excludeId: article.id, limit: engine.options.maxFingerprintCandidates, ...query });
  return found.map((c) => c.id);
}

/** The articles sharing most names with a stored article (twice as many as trace keeps). */
export async function nameCandidatesOf(store: Store, engine: Engine, article: Article): Promise<string[]> {
  const byNames = await nameNeighbours(engine, store, nameKeys(article), engine.options.maxTopicCandidates * 2 + 1);
  const top = [...byNames.entries()].filter(([id]) => id !== article.id).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  return top.slice(0, engine.options.maxTopicCandidates * 2).map(([id]) => id);
}

export interface RecallRow {
  kind: DocKind;
  queried: number;
  /** Source among fingerprint candidates. */
  fingerprint: number;
  /** Source among fingerprint or name candidates (what trace and analyze compare). */
  any: number;
  /**
   * Of the queried, copies that ingest already stored as the source itself: a light edit can
   * leave the normalised text unchanged, and the exact hash then finds the source. Counted as
   * found by both measures (before, the query excluded the source as "itself" and missed it).
   */
  exact: number;
}

export interface CandidateResult {
  rows: RecallRow[];
  /** Fingerprint candidates of the queried documents that belong to their family (source or sibling copy). */
  precision: number;
  candidates: number;
  queryMs: { p50: number; p95: number };
  /** (copy id, source id, kind) of queried copies whose source was found: input of the relation stage. */
  found: Array<[string, string, DocKind]>;
}

/** Evenly spaced documents of each derived kind, at most `perKind` each, plus originals for precision. */
export function sampleDocs(corpus: SynthCorpus, docs: number, perKind: number): Map<DocKind, number[]> {
  const out = new Map<DocKind, number[]>();
  const step = Math.max(1, Math.floor(docs / (perKind * 40)));
  for (let i = 0; i < docs; i += step) {
    const k = corpus.role(i).kind;
    const list = out.get(k) ?? [];
    if (list.length < perKind) out.set(k, [...list, i]);
  }
  return out;
}
