import type { Article, PairRelation } from '../types.js';
import type { AnalyzedArticle } from '../relate/analyzed.js';
import { corpusContext, relatePairsParallel } from '../parallel/relate.js';
import { defaultWorkers } from '../parallel/pool.js';
import type { Store } from '../store/store.js';
import { analyzeAll, assemble, relatePairs, type CorpusAnalysis } from './corpus.js';
import { candidatePairs, pairKey, type PairKey } from './candidates.js';
import type { Engine } from './engine.js';
import { completeGroups } from './groups.js';
import { QUOTES_SETTING } from './settings.js';

/** Every stored article, in id order. */
export async function loadAllArticles(store: Store): Promise<Article[]> {
  const out: Article[] = [];
  const page = 500;
  for (let offset = 0; ; offset += page) {
    const summaries = await store.listArticles({ limit: page, offset });
    for (const s of summaries) {
      const a = await store.getArticle(s.id);
      if (a) out.push(a);
    }
    if (summaries.length < page) break;
  }
  return out.sort((x, y) => (x.id < y.id ? -1 : 1));
}

export interface AnalyzeStoreOptions {
  /**
   * Threads that align and relate pairs: 0 = one per core once there are `parallelFrom` pairs
   * to relate (fewer are not worth starting threads and loading the lexicon in each), 1 = none.
   */
  workers: number;
  /** With workers = 0, the number of new pairs from which threads are used. */
  parallelFrom: number;
}

export const DEFAULT_ANALYZE_STORE_OPTIONS: AnalyzeStoreOptions = { workers: 0, parallelFrom: 256 };

/**
 * Analyses the store incrementally: pairs whose relation is already stored are not aligned
 * again; only pairs with new articles are. Stories are then rebuilt from all relations
 * (clustering is cheap next to alignment) and stored. The result does not depend on the
 * number of threads.
 */
export async function analyzeStore(
  engine: Engine,
  store: Store,
  options: Partial<AnalyzeStoreOptions> = {},
): Promise<CorpusAnalysis & { computed: number }> {
  const o = { ...DEFAULT_ANALYZE_STORE_OPTIONS, ...options };
  const articles = await loadAllArticles(store);
  const docs = analyzeAll(engine, articles);
  const byId = new Map(docs.map((d) => [d.article.id, d]));
  const relate = (pairs: PairKey[]) => relateOnThreads(engine, docs, byId, pairs, o);
  const stored = (await store.getRelations()).filter((r) => byId.has(r.a) && byId.has(r.b));
  const known = new Set<PairKey>(stored.map((r) => pairKey(r.a, r.b)));
  const wanted = await candidatePairs(docs, engine.options);
  const fresh = await relate(wanted.filter((k) => !known.has(k)));
  for (const k of wanted) known.add(k);
  const all = [...stored, ...fresh];
  const extra = completeGroups([...byId.keys()], all, known);
  const more = await relate(extra);
  const computed = [...fresh, ...more];
  if (computed.length > 0) await store.putRelations(computed);
  const relations = [...all, ...more].sort((x, y) => (x.a + x.b < y.a + y.b ? -1 : 1));
  const result = assemble(engine, docs, relations);
  await store.putStories(result.stories.map((s) => ({ id: s.id, members: s.members, data: s })));
  await store.setSetting(QUOTES_SETTING, JSON.stringify(result.quotes));
  return { ...result, computed: computed.length };
}


/** relatePairs, on worker threads (with the corpus context analyzeAll used) when worth it. */
async function relateOnThreads(
  engine: Engine,
  docs: readonly AnalyzedArticle[],
  byId: Map<string, AnalyzedArticle>,
  pairs: PairKey[],
  o: AnalyzeStoreOptions,
): Promise<PairRelation[]> {
  const threads = o.workers > 0 ? o.workers : pairs.length >= o.parallelFrom ? defaultWorkers() : 1;
  if (threads <= 1 || pairs.length === 0) return relatePairs(engine, byId, pairs);
  const context = corpusContext(engine, docs);
  return relatePairsParallel(engine.options, (id) => byId.get(id)?.article, pairs, context, { workers: threads });
}
