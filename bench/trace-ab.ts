/**
 * Trace latency of this tree against another checkout's (an older commit in a `git worktree`),
 * in one process on one stored benchmark corpus: each new article is traced by both versions
 * back to back, in alternating order, so the machine's drifting speed (which moves a run's
 * median by a quarter from one minute to the next) slows both alike. Each version has its own
 * store connection, engine and worker threads. Prints each version's p50 and p95 wall time,
 * the median of the per-article ratios (this / old), and how many answers differ; then the same
 * ratio and medians over the traces whose answer holds a derived pair (their finishing phase
 * reads broken phrases).
 *
 *   git worktree add /tmp/old <commit> && ln -s "$PWD/node_modules" /tmp/old/node_modules
 *   ln -s "$PWD/generated" /tmp/old/generated
 *   node --import tsx bench/trace-ab.ts --old /tmp/old --db …/bench.db --docs 1000000 [--n 100]
 *       [--threads 2] [--warm 10] [--seed 1]
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { applyV8Flags } from '../src/cli/v8-flags.js';
import { prepareArticle } from '../src/ingest/prepare.js';
import { DERIVED_RELATIONS, type Article, type PairRelation } from '../src/types.js';
import { median, quantile, relationGist, STORED_CORPUS_OPTIONS } from './measure.js';
import { warmUpArticle } from './stored-corpus.js';
import { SynthCorpus } from './synth/corpus.js';

const { values: args } = parseArgs({
  options: { ...STORED_CORPUS_OPTIONS, old: { type: 'string' }, threads: { type: 'string', default: '2' }, warm: { type: 'string', default: '10' } },
});

applyV8Flags();

/** One version's trace, as the server runs it: a store connection and a tracer on `threads` threads. */
interface Version {
  trace(article: Article): Promise<PairRelation[]>;
  close(): Promise<void>;
}

async function openVersion(root: string, db: string, threads: number): Promise<Version> {
  const { createEngine } = (await import(`${root}/src/engine/engine.ts`)) as typeof import('../src/engine/engine.js');
  const { openStore } = (await import(`${root}/src/store/open.ts`)) as typeof import('../src/store/open.js');
  const { ParallelTracer } = (await import(`${root}/src/parallel/trace.ts`)) as typeof import('../src/parallel/trace.js');
  const engine = createEngine();
  const store = await openStore(db);
  const tracer = new ParallelTracer(engine, { threads });
  return {
    trace: (article) => tracer.trace(store, article),
    close: async () => {
      await tracer.close();
      await store.close();
    },
  };
}

async function timed(v: Version, article: Article): Promise<{ ms: number; answer: string; derived: boolean }> {
  const t = performance.now();
  const relations = await v.trace(article);
  const ms = performance.now() - t;
  return { ms, answer: relations.map(relationGist).join('\n'), derived: relations.some((r) => DERIVED_RELATIONS.includes(r.relation)) };
}

async function main(): Promise<void> {
  if (!args.old || !args.db) throw new Error('--old <checkout of the older commit> and --db <bench.db> are required');
  const threads = Number(args.threads);
  const versions = [await openVersion(resolve('.'), args.db, threads), await openVersion(resolve(args.old), args.db, threads)];
  const corpus = new SynthCorpus(Number(args.seed));
  const docs = Number(args.docs);
  const n = Number(args.n);
  try {
    for (let i = 0; i < Number(args.warm); i++) {
      const article = warmUpArticle({ corpus, docs }, i);
      for (const v of versions) await v.trace(article);
    }
    const walls: number[][] = [[], []];
    const derived: number[] = []; // indices of the traces whose answer holds a derived pair
    let differ = 0;
    let i = 0;
    for (const doc of corpus.docs(docs, docs + n)) {
      const article = prepareArticle(doc.raw);
      const order = i++ % 2 === 0 ? [0, 1] : [1, 0];
      const got: Array<{ ms: number; answer: string; derived: boolean }> = [];
      for (const v of order) got[v] = await timed(versions[v], article);
      if (got[0].derived) derived.push(walls[0].length);
      walls[0].push(got[0].ms);
      walls[1].push(got[1].ms);
      if (got[0].answer !== got[1].answer) differ++;
    }
    const show = (name: string, w: number[]) => `${name} p50 ${quantile(w, 0.5).toFixed(1)} ms, p95 ${quantile(w, 0.95).toFixed(1)} ms`;
    console.log(`${n} traces on ${threads} thread(s), alternating: ${show('this tree', walls[0])}; ${show('old', walls[1])}`);
    const ratios = walls[0].map((w, k) => w / walls[1][k]);
    console.log(`  this / old, median of the per-article ratios: ${median(ratios).toFixed(3)}; answers that differ: ${differ} of ${n}`);
    if (derived.length > 0) {
      console.log(`  the ${derived.length} traces whose answer holds a derived pair: this / old ${median(derived.map((k) => ratios[k])).toFixed(3)}, p50 ${median(derived.map((k) => walls[0][k])).toFixed(1)} / ${median(derived.map((k) => walls[1][k])).toFixed(1)} ms`);
    }
  } finally {
    for (const v of versions) await v.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
