import type { Alignment, Article, PairRelation, RelationType, Token } from '../types.js';
import type { Store } from '../store/store.js';
import { fingerprintText } from '../fingerprint/index.js';
import { StoreCandidateIndex } from '../fingerprint/candidates.js';
import { nameKey, type BucketKey } from '../fingerprint/keys.js';
import { namedEntities } from '../relate/topic.js';
import { alignTokens } from '../align/align.js';
import { KnownNames } from '../relate/broken-phrases.js';
import { classifyPair } from '../relate/classify.js';
import { pairFeatures, type PairFeatures } from '../relate/features.js';
import { readsBrokenPhrases, relateAligned } from '../relate/relate.js';
import type { AnalyzedArticle } from '../relate/analyzed.js';
import { analyzeArticle, analyzeBase, compareAnalyzed, namesOf, tokensOf, withKnownNames, type ArticleBase, type Engine } from './engine.js';

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
  /** When given, filled with the milliseconds each stage took (benchmarks, logs). */
  timings?: Partial<TraceTimings>;
}

export const DEFAULT_TRACE_OPTIONS: TraceOptions = { limit: 20, includeUnrelated: false };

/** Where a trace spent its time (ms), and how much it analysed. */
export interface TraceTimings {
  /** Fingerprint and name-index look-ups. */
  query: number;
  /** Reading the candidates from the store. */
  load: number;
  /** Tokens, topics, quotes, credits and broken phrases of the article and its candidates. */
  analysis: number;
  /** Aligning and judging the pairs. */
  alignment: number;
  /** Candidates compared, and how many of them needed the broken-phrase search (shown derived pairs). */
  candidates: number;
  analysed: number;
}

const STRENGTH: Record<RelationType, number> = {
  duplicate: 9, near_duplicate: 8, spun_copy: 7, excerpt: 6, abridged: 6, rewrite: 5, same_event: 3, related: 2, unrelated: 0,
};

/** Strongest first: derived before same-event before related, then by reuse, then by id. */
export function byStrength(x: Pick<PairRelation, 'a' | 'b' | 'relation' | 'share_a' | 'share_b' | 'confidence'>, y: Pick<PairRelation, 'a' | 'b' | 'relation' | 'share_a' | 'share_b' | 'confidence'>): number {
  return (
    STRENGTH[y.relation] - STRENGTH[x.relation] ||
    Math.max(y.share_a, y.share_b) - Math.max(x.share_a, x.share_b) ||
    y.confidence - x.confidence ||
    (x.a + x.b < y.a + y.b ? -1 : 1)
  );
}

/**
 * The name-index query of trace (and of the benchmark's recall): the `top` stored articles
 * sharing the most of these name keys. A name carried by more than maxNamePostings articles
 * is not followed: at a million articles "police" is in tens of thousands, and reading them
 * would cost more than the whole trace.
 */
export function nameNeighbours(engine: Engine, store: Store, keys: readonly BucketKey[], top: number): Promise<Map<string, number>> {
  return store.findByBucketKeys(keys, { maxPostings: engine.options.maxNamePostings, common: 'skip', top });
}

/**
 * The stored articles a trace compares, in id order: reused text first (fingerprint
 * neighbours), then the articles sharing the most names, each list trimmed to what `limit`
 * can show. Never a scan of every article.
 */
export async function traceCandidates(engine: Engine, store: Store, article: Article, tokens: Token[], limit: number, timings: Partial<TraceTimings> = {}): Promise<Article[]> {
  let t = performance.now();
  const ids = new Set<string>();
  const index = new StoreCandidateIndex(store, engine.options.index);
  const fp = fingerprintText(article.text, article.sentences, engine.options.index);
  const room = Math.max(limit, 10);
  const reused = await index.query(fp, { excludeId: article.id, limit: Math.min(engine.options.maxFingerprintCandidates, room) });
  for (const c of reused) ids.add(c.id);
  const names = Math.min(engine.options.maxTopicCandidates, room);
  // room for the article itself and the fingerprint neighbours, which are left out below
  const byNames = await nameNeighbours(engine, store, articleEntityKeys(engine, article, tokens), names + ids.size + 1);
  const top = [...byNames.entries()].filter(([id]) => id !== article.id && !ids.has(id)).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  for (const [id] of top.slice(0, names)) ids.add(id);
  timings.query = performance.now() - t;
  t = performance.now();
  const others: Article[] = [];
  for (const id of [...ids].sort()) {
    const a = await store.getArticle(id);
    if (a) others.push(a);
  }
  timings.load = performance.now() - t;
  return others;
}

/** Stored articles' bases kept per engine: traces of one story meet the same candidates again. */
const BASE_CACHE_LIMIT = 2000;
const baseCache = new WeakMap<Engine, Map<string, { json: string; base: ArticleBase }>>();

/** analyzeBase of a stored article (no corpus statistics), from the cache when the article is unchanged. */
function storedBase(engine: Engine, article: Article): ArticleBase {
  let cache = baseCache.get(engine);
  if (!cache) baseCache.set(engine, (cache = new Map()));
  const json = JSON.stringify(article);
  const hit = cache.get(article.id);
  cache.delete(article.id); // re-inserted below: most recently used last
  if (hit && hit.json === json) {
    cache.set(article.id, hit);
    return hit.base;
  }
  if (cache.size >= BASE_CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  const base = analyzeBase(engine, article);
  cache.set(article.id, { json, base });
  return base;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** One candidate judged without the broken-phrase evidence: enough to rank it. */
interface Ranked {
  other: AnalyzedArticle;
  alignment: Alignment;
  /** Its features without broken phrases (what the relation decision reads). */
  plain: PairFeatures;
  key: Pick<PairRelation, 'a' | 'b' | 'relation' | 'share_a' | 'share_b' | 'confidence'>;
}

/**
 * The stored articles related to `article` (stored or not), strongest first; `a` of each
 * relation is the traced article. Every candidate is aligned and its relation decided, but the
 * broken-phrase search (the costliest part of analysing a text) runs only for the derived
 * pairs that make the answer: the relation, its confidence and the shares that rank a pair do
 * not depend on broken phrases, so the answer is the one a full analysis of every candidate
 * gives.
 */
export async function traceArticle(engine: Engine, store: Store, article: Article, options: Partial<TraceOptions> = {}): Promise<PairRelation[]> {
  const o = { ...DEFAULT_TRACE_OPTIONS, ...options };
  const timings = o.timings ?? {};
  const myTokens = tokensOf(engine, article);
  const others = await traceCandidates(engine, store, article, myTokens, o.limit, timings);
  let t = performance.now();
  const bases = [analyzeBase(engine, article, undefined, myTokens), ...others.map((a) => storedBase(engine, a))];
  const known = new KnownNames(bases.flatMap((b) => b.names), engine.lexicon);
  const [me, ...docs] = bases.map((b) => withKnownNames(engine, b, known));
  let analysis = performance.now() - t;
  t = performance.now();
  const ranked: Ranked[] = docs.map((other) => {
    const alignment = alignTokens(article.text, me.tokens, other.article.text, other.tokens, engine.lexicon, engine.options.align);
    const plain = pairFeatures(me, other, alignment);
    const decision = classifyPair(plain, engine.options.classify);
    const key = { a: article.id, b: other.article.id, relation: decision.relation, confidence: decision.confidence, share_a: round3(alignment.share_a), share_b: round3(alignment.share_b) };
    return { other, alignment, plain, key };
  });
  const shown = ranked.filter((r) => o.includeUnrelated || r.key.relation !== 'unrelated').sort((x, y) => byStrength(x.key, y.key)).slice(0, o.limit);
  let alignment = performance.now() - t;
  t = performance.now();
  // broken phrases (lazy: computed on first read) of the shown pairs relateAligned reads them
  // for, and then of the article; read here so their time counts as analysis
  const derived = shown.filter((r) => readsBrokenPhrases(r.key.relation));
  for (const r of derived.length > 0 ? [{ other: me }, ...derived] : []) void r.other.brokenPhrases;
  analysis += performance.now() - t;
  t = performance.now();
  const out = shown.map((r) => relateAligned(me, r.other, r.alignment, engine.options.classify, r.plain));
  alignment += performance.now() - t;
  Object.assign(timings, { analysis, alignment, candidates: others.length, analysed: derived.length });
  return out.sort(byStrength);
}

/**
 * The reference trace: every candidate analysed in full (broken phrases included) and
 * compared, then ranked. Slower; tests and benchmarks check traceArticle against it.
 */
export async function fullTrace(engine: Engine, store: Store, article: Article, options: Partial<TraceOptions> = {}): Promise<PairRelation[]> {
  const o = { ...DEFAULT_TRACE_OPTIONS, ...options };
  const myTokens = tokensOf(engine, article);
  const others = await traceCandidates(engine, store, article, myTokens, o.limit);
  const otherTokens = others.map((a) => tokensOf(engine, a));
  const names = [namesOf(engine, article, myTokens), ...others.map((a, i) => namesOf(engine, a, otherTokens[i]))].flat();
  const me = analyzeArticle(engine, article, undefined, names, myTokens);
  const out = others.map((other, i) => compareAnalyzed(engine, me, analyzeArticle(engine, other, undefined, names, otherTokens[i])));
  return out.filter((r) => o.includeUnrelated || r.relation !== 'unrelated').sort(byStrength).slice(0, o.limit);
}
