/** Candidate recall, relations and trace latency stages of the benchmark. */
import type { Engine } from '../src/engine/engine.js';
import { prepareArticle } from '../src/ingest/prepare.js';
import { relatePairsParallel } from '../src/parallel/relate.js';
import { ParallelTracer } from '../src/parallel/trace.js';
import type { Store } from '../src/store/store.js';
import type { SynthCorpus, DocKind } from './synth/corpus.js';
import { IdTable, quantile, seconds } from './measure.js';
import { candidatesOf, sampleDocs, type CandidateResult, type RecallRow } from './stages.js';

/** Family of document i: the original it is, or the original it derives from. */
const familyOf = (corpus: SynthCorpus, i: number): number => {
  const r = corpus.role(i);
  return r.kind === 'original' ? i : r.source;
};

export async function candidateRecall(store: Store, corpus: SynthCorpus, docs: number, engine: Engine, ids: IdTable, perKind: number): Promise<CandidateResult> {
  const rows = new Map<DocKind, RecallRow>();
  const found: Array<[string, string, DocKind]> = [];
  const times: number[] = [];
  let trueCands = 0;
  let allCands = 0;
  for (const [kind, list] of sampleDocs(corpus, docs, perKind)) {
    if (kind === 'duplicate') continue; // not stored: recognised at ingest (see the ingest stage)
    const row: RecallRow = { kind, queried: 0, fingerprint: 0, any: 0, exact: 0 };
    rows.set(kind, row);
    for (const i of list) {
      const id = ids.get(i);
      const article = id ? await store.getArticle(id) : null;
      if (!article) continue;
      const src = ids.get(familyOf(corpus, i))!;
      if (kind !== 'original' && id === src) {
        row.queried++;
        row.exact++;
        row.fingerprint++;
        row.any++;
        continue; // one article: nothing for the relation stage to compare
      }
      const t = process.hrtime.bigint();
      const c = await candidatesOf(store, engine, article);
      times.push(seconds(t) * 1e3);
      const family = familyOf(corpus, i);
      for (const cid of c.fingerprint) {
        const other = await store.getArticle(cid);
        allCands++;
        if (other && familyOf(corpus, Number(other.source.slice('synth:'.length))) === family) trueCands++;
      }
      if (kind === 'original') continue;
      row.queried++;
      const inFp = c.fingerprint.includes(src);
      row.fingerprint += inFp ? 1 : 0;
      row.any += inFp || c.names.includes(src) ? 1 : 0;
      if (inFp || c.names.includes(src)) found.push([id!, src, kind]);
    }
  }
  const out = [...rows.values()].filter((r) => r.kind !== 'original');
  return { rows: out, precision: allCands ? trueCands / allCands : NaN, candidates: allCands, queryMs: { p50: quantile(times, 0.5), p95: quantile(times, 0.95) }, found };
}

export interface RelationResult {
  pairs: number;
  seconds: number;
  /** kind injected -> relation found -> count. */
  confusion: Record<string, Record<string, number>>;
}

/** Aligns and judges (copy, source) pairs on every core. */
export async function relateFound(store: Store, engine: Engine, found: Array<[string, string, DocKind]>, workers: number, limit: number): Promise<RelationResult> {
  const step = Math.max(1, Math.floor(found.length / limit));
  const pairs = found.filter((_, i) => i % step === 0).slice(0, limit);
  const cache = new Map<string, Awaited<ReturnType<Store['getArticle']>>>();
  const get = async (id: string) => cache.get(id) ?? (cache.set(id, await store.getArticle(id)), cache.get(id));
  const t = process.hrtime.bigint();
  const rels = await relatePairsParallel(engine.options, get, pairs.map(([a, b]) => [a, b] as [string, string]), {}, { workers });
  const sec = seconds(t);
  const confusion: Record<string, Record<string, number>> = {};
  rels.forEach((r, i) => {
    const row = (confusion[pairs[i][2]] ??= {});
    row[r.relation] = (row[r.relation] ?? 0) + 1;
  });
  return { pairs: pairs.length, seconds: sec, confusion };
}

/** traceArticle latency for new articles (documents after the stored ones: copies of stored stories and new stories). */
/**
 * Trace latency of `count` new articles (the documents after the stored ones), each traced on
 * `threads` threads as the server does; after three warm-up traces (lexicon, JIT, workers),
 * which a long-running process pays once.
 */
export async function traceLatency(store: Store, corpus: SynthCorpus, docs: number, engine: Engine, count: number, threads: number): Promise<{ p50: number; p95: number; max: number; n: number }> {
  const tracer = new ParallelTracer(engine, { threads });
  const times: number[] = [];
  try {
    for (let i = 0; i < 3; i++) await tracer.trace(store, prepareArticle(corpus.doc(docs + count + 10_000 + i).raw));
    for (let i = docs; i < docs + count; i++) {
      const article = prepareArticle(corpus.doc(i).raw);
      const t = process.hrtime.bigint();
      await tracer.trace(store, article);
      times.push(seconds(t) * 1e3);
    }
  } finally {
    await tracer.close();
  }
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), max: Math.max(...times), n: times.length };
}
