import type { Article, PairRelation, RelationType, Token } from '../types.js';
import type { Store } from '../store/store.js';
import { fingerprintText } from '../fingerprint/index.js';
import { StoreCandidateIndex } from '../fingerprint/candidates.js';
import { nameKey, type BucketKey } from '../fingerprint/keys.js';
import { namedEntities } from '../relate/topic.js';
import { analyzeArticle, compareAnalyzed, namesOf, tokensOf, type Engine } from './engine.js';

/** Bucket keys of an article's names: an inverted index in the store for same-event search. */
export function entityKeys(entities: Iterable<string>): BucketKey[] {
  return [...new Set([...entities].filter((e) => e.length >= 3).map(nameKey))].sort((x, y) => x - y);
}

export function articleEntityKeys(engine: Engine, article: Article, tokens?: Token[]): BucketKey[] {
  return entityKeys(namedEntities(tokens ?? tokensOf(engine, article)));
}

export interface TraceOptions {
  /** Most related articles returned. */
  limit: number;
  /** Include pairs judged unrelated. */
  includeUnrelated: boolean;
}

export const DEFAULT_TRACE_OPTIONS: TraceOptions = { limit: 20, includeUnrelated: false };

const STRENGTH: Record<RelationType, number> = {
  duplicate: 9, near_duplicate: 8, spun_copy: 7, excerpt: 6, abridged: 6, rewrite: 5, same_event: 3, related: 2, unrelated: 0,
};

/** Strongest first: derived before same-event before related, then by reuse, then by id. */
export function byStrength(x: PairRelation, y: PairRelation): number {
  return (
    STRENGTH[y.relation] - STRENGTH[x.relation] ||
    Math.max(y.share_a, y.share_b) - Math.max(x.share_a, x.share_b) ||
    y.confidence - x.confidence ||
    (x.a + x.b < y.a + y.b ? -1 : 1)
  );
}

/**
 * The stored articles related to `article` (stored or not), strongest first. Candidates come
 * from the store's fingerprint index (reused text) and its name index (same event), never
 * from a scan of every article. `a` of each relation is the traced article.
 */
export async function traceArticle(engine: Engine, store: Store, article: Article, options: Partial<TraceOptions> = {}): Promise<PairRelation[]> {
  const o = { ...DEFAULT_TRACE_OPTIONS, ...options };
  const ids = new Set<string>();
  const index = new StoreCandidateIndex(store, engine.options.index);
  const fp = fingerprintText(article.text, article.sentences, engine.options.index);
  // Each candidate is analysed in full, so the lists are trimmed to what `limit` can show:
  // reused text first (fingerprint neighbours), then the articles sharing the most names.
  const room = Math.max(o.limit, 10);
  const reused = await index.query(fp, { excludeId: article.id, limit: Math.min(engine.options.maxFingerprintCandidates, room) });
  for (const c of reused) ids.add(c.id);
  const myTokens = tokensOf(engine, article);
  const byNames = await store.findByBucketKeys(articleEntityKeys(engine, article, myTokens));
  const top = [...byNames.entries()].filter(([id]) => id !== article.id && !ids.has(id)).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  for (const [id] of top.slice(0, Math.min(engine.options.maxTopicCandidates, room))) ids.add(id);
  const others: Article[] = [];
  for (const id of [...ids].sort()) {
    const a = await store.getArticle(id);
    if (a) others.push(a);
  }
  const otherTokens = others.map((a) => tokensOf(engine, a));
  const names = [namesOf(engine, article, myTokens), ...others.map((a, i) => namesOf(engine, a, otherTokens[i]))].flat();
  const me = analyzeArticle(engine, article, undefined, names, myTokens);
  const out = others.map((other, i) => compareAnalyzed(engine, me, analyzeArticle(engine, other, undefined, names, otherTokens[i])));
  return out.filter((r) => o.includeUnrelated || r.relation !== 'unrelated').sort(byStrength).slice(0, o.limit);
}
