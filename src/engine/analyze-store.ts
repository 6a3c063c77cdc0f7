import type { Article } from '../types.js';
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

/**
 * Analyses the store incrementally: pairs whose relation is already stored are not aligned
 * again; only pairs with new articles are. Stories are then rebuilt from all relations
 * (clustering is cheap next to alignment) and stored.
 */
export async function analyzeStore(engine: Engine, store: Store): Promise<CorpusAnalysis & { computed: number }> {
  const articles = await loadAllArticles(store);
  const docs = analyzeAll(engine, articles);
  const byId = new Map(docs.map((d) => [d.article.id, d]));
  const stored = (await store.getRelations()).filter((r) => byId.has(r.a) && byId.has(r.b));
  const known = new Set<PairKey>(stored.map((r) => pairKey(r.a, r.b)));
  const wanted = await candidatePairs(docs, engine.options);
  const fresh = relatePairs(engine, byId, wanted.filter((k) => !known.has(k)));
  for (const k of wanted) known.add(k);
  const all = [...stored, ...fresh];
  const extra = completeGroups([...byId.keys()], all, known);
  const more = relatePairs(engine, byId, extra);
  const computed = [...fresh, ...more];
  if (computed.length > 0) await store.putRelations(computed);
  const relations = [...all, ...more].sort((x, y) => (x.a + x.b < y.a + y.b ? -1 : 1));
  const result = assemble(engine, docs, relations);
  await store.putStories(result.stories.map((s) => ({ id: s.id, members: s.members, data: s })));
  await store.setSetting(QUOTES_SETTING, JSON.stringify(result.quotes));
  return { ...result, computed: computed.length };
}

