/**
 * Parallel pair judging: alignment and relation of candidate pairs on every core. Each worker
 * analyses the articles it meets once (with the corpus context, as analyzeAll does) and
 * returns PairRelations, in the order of `pairs`.
 */
import type { EngineOptions } from '../engine/engine.js';
import { namesOf, type Engine } from '../engine/engine.js';
import { termStats } from '../engine/corpus.js';
import type { AnalyzedArticle } from '../relate/analyzed.js';
import type { Article, PairRelation } from '../types.js';
import { defaultWorkers, WorkerPool } from './pool.js';
import type { RelateContext } from './protocol.js';

export interface ParallelRelateOptions {
  /** Worker threads (default: one per core). */
  workers: number;
  /** Pairs per task: large enough to amortise messages, small enough to balance the cores. */
  chunk: number;
  /** Tasks out at once (default: 2 per worker); bounds memory for long pair lists. */
  maxInFlight: number;
}

export const DEFAULT_PARALLEL_RELATE_OPTIONS: ParallelRelateOptions = { workers: 0, chunk: 16, maxInFlight: 0 };

/** Where pair judging finds an article by id (a Map, or store look-ups). */
export type ArticleSource = (id: string) => Article | undefined | Promise<Article | undefined | null>;

/**
 * The context analyzeAll() builds over a corpus, from its analysed articles: document
 * frequencies and name occurrences. With it, workers judge pairs as analyzeStore does.
 */
export function corpusContext(engine: Engine, docs: readonly AnalyzedArticle[]): RelateContext {
  const stats = termStats(docs.map((d) => d.tokens));
  const nameCounts = new Map<string, number>();
  for (const d of docs) for (const n of namesOf(engine, d.article, d.tokens)) nameCounts.set(n, (nameCounts.get(n) ?? 0) + 1);
  return { stats, nameCounts };
}

/**
 * Relations of `pairs` ("x|y" keys or id tuples), in their order. Without a context each pair
 * is judged on its own (as trace does); with corpusContext() as analyzeStore does.
 */
export async function relatePairsParallel(
  engineOptions: EngineOptions,
  articles: ArticleSource,
  pairs: ReadonlyArray<string | readonly [string, string]>,
  context: RelateContext = {},
  options: Partial<ParallelRelateOptions> = {},
): Promise<PairRelation[]> {
  if (pairs.length === 0) return [];
  const o = { ...DEFAULT_PARALLEL_RELATE_OPTIONS, ...options };
  const workers = o.workers > 0 ? o.workers : defaultWorkers();
  const pool = new WorkerPool(Math.min(workers, Math.ceil(pairs.length / o.chunk)));
  const out: PairRelation[][] = [];
  const inFlight = new Set<Promise<void>>();
  const limit = o.maxInFlight > 0 ? o.maxInFlight : 2 * pool.size;
  try {
    await pool.broadcast({ type: 'context', options: engineOptions, context });
    for (let at = 0, n = 0; at < pairs.length; at += o.chunk, n++) {
      const chunk: Array<[Article, Article]> = [];
      for (const p of pairs.slice(at, at + o.chunk)) chunk.push(await articlePair(articles, p));
      const slot = n;
      const task: Promise<void> = pool.run({ type: 'relate', pairs: chunk }).then((r) => {
        out[slot] = r.type === 'related' ? r.relations : [];
        inFlight.delete(task);
      });
      inFlight.add(task);
      if (inFlight.size >= limit) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } finally {
    await pool.close();
  }
  return out.flat();
}

async function articlePair(articles: ArticleSource, pair: string | readonly [string, string]): Promise<[Article, Article]> {
  const [x, y] = typeof pair === 'string' ? pair.split('|') : pair;
  const a = await articles(x);
  const b = await articles(y);
  if (!a || !b) throw new Error(`relatePairsParallel: article ${a ? y : x} not found`);
  return [a, b];
}
