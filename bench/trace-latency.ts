/**
 * Trace latency on a stored benchmark corpus (issue #6): traces new synthetic articles (the
 * documents after the stored ones) and prints p50/p95/max wall time with the split by stage;
 * checks each answer against a full analysis of the same candidates; optionally measures
 * relatePairsParallel throughput on candidate pairs of stored articles.
 *
 *   node --import tsx bench/trace-latency.ts --db /tmp/trace-bench/…/bench.db --docs 10000 --n 50
 *       [--seed 1] [--check] [--threads 2] [--warm 3] [--relate 200] [--workers 2]
 *
 * --threads N traces on a ParallelTracer with N threads (this one included); 1 = traceArticle.
 * --warm N traces N other articles first (JIT, lexicon, workers): a long-running server has.
 * Runs as the CLI does (src/cli/v8-flags.ts): `node --allocation-site-pretenuring --import tsx
 * bench/trace-latency.ts …` keeps V8's default, to compare.
 */
import { parseArgs } from 'node:util';
import { applyV8Flags } from '../src/cli/v8-flags.js';
import type { Engine } from '../src/engine/engine.js';
import { fullTrace, traceArticle, type TraceOptions, type TraceTimings } from '../src/engine/trace.js';
import { ParallelTracer } from '../src/parallel/trace.js';
import { prepareArticle } from '../src/ingest/prepare.js';
import type { Store } from '../src/store/store.js';
import type { Article, PairRelation } from '../src/types.js';
import { relatePairsParallel } from '../src/parallel/relate.js';
import { StoreCandidateIndex } from '../src/fingerprint/candidates.js';
import { fingerprintText } from '../src/fingerprint/index.js';
import { quantile, relationGist, STORED_CORPUS_OPTIONS } from './measure.js';
import type { SynthCorpus } from './synth/corpus.js';
import { openStoredCorpus, warmUpArticle } from './stored-corpus.js';

const { values: args } = parseArgs({
  options: {
    ...STORED_CORPUS_OPTIONS,
    check: { type: 'boolean', default: false },
    relate: { type: 'string', default: '0' },
    workers: { type: 'string', default: '2' },
    threads: { type: 'string', default: '1' },
    warm: { type: 'string', default: '3' },
  },
});

// measure what the CLI and the server run
applyV8Flags();

const ms = (t: number): string => `${t.toFixed(1)} ms`;

type Trace = (engine: Engine, store: Store, article: Article, options: Partial<TraceOptions>) => Promise<PairRelation[]>;

async function traceLatency(engine: Engine, store: Store, corpus: SynthCorpus, from: number, n: number, trace: Trace): Promise<void> {
  const walls: number[] = [];
  const cpus: number[] = [];
  const split: Record<keyof TraceTimings, number[]> = { query: [], fingerprintQuery: [], nameQuery: [], load: [], analysis: [], alignment: [], candidates: [], analysed: [] };
  let mismatches = 0;
  let compared = 0;
  for (const doc of corpus.docs(from, from + n)) {
    const article = prepareArticle(doc.raw);
    const timings: Partial<TraceTimings> = {};
    const t = performance.now();
    const cpu = process.cpuUsage();
    const got = await trace(engine, store, article, { timings });
    walls.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
    for (const k of Object.keys(split) as Array<keyof TraceTimings>) if (timings[k] !== undefined) split[k].push(timings[k]!);
    if (args.check) {
      const want = await fullTrace(engine, store, article);
      compared += want.length;
      const a = got.map(relationGist);
      const b = want.map(relationGist);
      if (JSON.stringify(a) !== JSON.stringify(b)) {
        mismatches++;
        console.log(`mismatch for synth:${doc.index} (${doc.kind}):\n  got  ${a.join('\n       ')}\n  want ${b.join('\n       ')}`);
      }
    }
  }
  console.log(`trace ${n} new articles (synth ${from}…${from + n - 1}): p50 ${ms(quantile(walls, 0.5))}, p95 ${ms(quantile(walls, 0.95))}, max ${ms(Math.max(...walls))}`);
  console.log(`  cpu time   p50 ${ms(quantile(cpus, 0.5))}, p95 ${ms(quantile(cpus, 0.95))}, max ${ms(Math.max(...cpus))} (wall time on a loaded machine waits for the CPU)`);
  for (const [k, v] of Object.entries(split)) {
    if (v.length > 0) console.log(`  ${k.padEnd(16)} p50 ${quantile(v, 0.5).toFixed(1)}  p95 ${quantile(v, 0.95).toFixed(1)}  max ${Math.max(...v).toFixed(1)}`);
  }
  if (args.check) console.log(`  check against a full analysis of every candidate: ${mismatches} of ${n} traces differ (${compared} relations compared)`);
}

/** Fingerprint-candidate pairs of the first stored articles, as analyze would relate them. */
async function candidatePairsOf(engine: Engine, store: Store, count: number): Promise<Array<[string, string]>> {
  const index = new StoreCandidateIndex(store, engine.options.index);
  const pairs = new Map<string, [string, string]>();
  for (let offset = 0; pairs.size < count; offset += 100) {
    const page = await store.listArticles({ limit: 100, offset });
    if (page.length === 0) break;
    for (const s of page) {
      const a = (await store.getArticle(s.id))!;
      const found = await index.query(fingerprintText(a.text, a.sentences, engine.options.index), { excludeId: a.id, limit: 10 });
      for (const c of found) pairs.set(a.id < c.id ? `${a.id}|${c.id}` : `${c.id}|${a.id}`, a.id < c.id ? [a.id, c.id] : [c.id, a.id]);
    }
  }
  return [...pairs.values()].slice(0, count).sort((x, y) => (x[0] + x[1] < y[0] + y[1] ? -1 : 1));
}

async function relateSpeed(engine: Engine, store: Store, count: number, workers: number): Promise<void> {
  const pairs = await candidatePairsOf(engine, store, count);
  const cache = new Map<string, Article | null>();
  const get = async (id: string) => (cache.has(id) ? cache.get(id) : (cache.set(id, await store.getArticle(id)), cache.get(id)));
  const t = performance.now();
  const rels = await relatePairsParallel(engine.options, get, pairs, {}, { workers });
  const sec = (performance.now() - t) / 1000;
  const kinds = new Map<string, number>();
  for (const r of rels) kinds.set(r.relation, (kinds.get(r.relation) ?? 0) + 1);
  console.log(`relatePairsParallel: ${pairs.length} candidate pairs on ${workers} workers in ${sec.toFixed(2)} s = ${(pairs.length / sec).toFixed(1)} pairs/s (${[...kinds].map(([k, v]) => `${k} ${v}`).join(', ')})`);
}

async function main(): Promise<void> {
  const stored = await openStoredCorpus(args);
  const { store, engine, corpus, docs, n } = stored;
  const threads = Number(args.threads);
  const tracer = threads > 1 ? new ParallelTracer(engine, { threads }) : null;
  const trace: Trace = tracer ? (_e, s, a, o) => tracer.trace(s, a, o) : traceArticle;
  try {
    // warm up: lexicon, filler index, JIT (a long-running server pays this once)
    for (let i = 0; i < Number(args.warm); i++) await trace(engine, store, warmUpArticle(stored, i), {});
    if (n > 0) await traceLatency(engine, store, corpus, docs, n, trace);
    if (Number(args.relate) > 0) await relateSpeed(engine, store, Number(args.relate), Number(args.workers));
  } finally {
    await tracer?.close();
    await store.close();
  }
}

await main();
