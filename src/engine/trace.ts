import type { Article, PairRelation, RelationType, Token } from '../types.js';
import type { Store } from '../store/store.js';
import { fingerprintText } from '../fingerprint/index.js';
import { StoreCandidateIndex } from '../fingerprint/candidates.js';
import { nameKey, type BucketKey } from '../fingerprint/keys.js';
import { namedEntities } from '../relate/topic.js';
import { readsBrokenPhrases } from '../relate/relate.js';
import { analyzeArticle, compareAnalyzed, namesOf, tokensOf, type Engine } from './engine.js';
import { paceOf, splitByLength, textLength } from './trace-split.js';
import { TraceShard, type FinishJob, type FinishReply, type RankJob, type RankKey, type RankReply } from './trace-shard.js';

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
  /** Fingerprint and name-index look-ups (the two below, and choosing among what they found). */
  query: number;
  /** Fingerprinting the text and the LSH look-up, scoring included. */
  fingerprintQuery: number;
  /** The text's name keys and the name-index look-up. */
  nameQuery: number;
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
  const room = candidateRoom(limit);
  const reused = await reusedNeighbours(engine, store, article, room, timings);
  const named = await namedNeighbours(engine, store, article, tokens, room, reused, timings);
  timings.query = queryTime(timings);
  const t = performance.now();
  const out = await loadArticles(store, [...reused, ...named].sort());
  timings.load = performance.now() - t;
  return out;
}

/** Both look-ups together. */
const queryTime = (timings: Partial<TraceTimings>): number => (timings.fingerprintQuery ?? 0) + (timings.nameQuery ?? 0);

/** How many candidates of each kind a trace showing `limit` relations compares. */
const candidateRoom = (limit: number): number => Math.max(limit, 10);

/** Fingerprint neighbours a trace compares at most, given its room. */
const fingerprintRoom = (engine: Engine, room: number): number => Math.min(engine.options.maxFingerprintCandidates, room);

/** Articles sharing names that a trace compares at most, given its room. */
const namedRoom = (engine: Engine, room: number): number => Math.min(engine.options.maxTopicCandidates, room);

/** How far down the name ranking a look-up reads: room for the article itself and every fingerprint neighbour pickNamed leaves out. */
const nameTop = (engine: Engine, room: number, reusedAtMost: number): number => namedRoom(engine, room) + reusedAtMost + 1;

/**
 * What a trace showing `limit` relations asks of the store (traceOnShards): the fingerprint
 * neighbours at most, and the top of the name ranking. For benchmarks that time the look-ups.
 */
export function lookUpBounds(engine: Engine, limit: number): { fingerprints: number; names: number } {
  const room = candidateRoom(limit);
  const fingerprints = fingerprintRoom(engine, room);
  return { fingerprints, names: nameTop(engine, room, fingerprints) };
}

/** Ids of the stored articles whose fingerprints are nearest the article's (LSH), at most `room`. */
async function reusedNeighbours(engine: Engine, store: Store, article: Article, room: number, timings: Partial<TraceTimings>): Promise<string[]> {
  const t = performance.now();
  const index = new StoreCandidateIndex(store, engine.options.index);
  const fp = fingerprintText(article.text, article.sentences, engine.options.index);
  const reused = await index.query(fp, { excludeId: article.id, limit: fingerprintRoom(engine, room) });
  timings.fingerprintQuery = performance.now() - t;
  return [...new Set(reused.map((c) => c.id))];
}

/** Ids of the stored articles sharing the most names with the article, besides `reused`. */
async function namedNeighbours(engine: Engine, store: Store, article: Article, tokens: Token[], room: number, reused: readonly string[], timings: Partial<TraceTimings>): Promise<string[]> {
  const ranked = await nameRanking(engine, store, article, tokens, room, reused.length, timings);
  return pickNamed(engine, ranked, room, reused);
}

/**
 * The stored articles sharing names with the article, most shared first (ties: smaller id),
 * enough of them for namedNeighbours whatever `reused` turns out to be, up to `reusedAtMost`
 * ids. The store's top-k is exact in that order, so a larger k returns a superset whose order
 * agrees, and pickNamed takes the same ids from it as from the smallest k that suffices.
 */
async function nameRanking(engine: Engine, store: Store, article: Article, tokens: Token[], room: number, reusedAtMost: number, timings: Partial<TraceTimings>): Promise<string[]> {
  const t = performance.now();
  const byNames = await nameNeighbours(engine, store, articleEntityKeys(engine, article, tokens), nameTop(engine, room, reusedAtMost));
  const ranked = [...byNames.entries()].filter(([id]) => id !== article.id).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  timings.nameQuery = performance.now() - t;
  return ranked.map(([id]) => id);
}

/** The first ids of a name ranking that are not fingerprint neighbours, as many as `room` allows. */
function pickNamed(engine: Engine, ranked: readonly string[], room: number, reused: readonly string[]): string[] {
  const skip = new Set(reused);
  return ranked.filter((id) => !skip.has(id)).slice(0, namedRoom(engine, room));
}

/** The stored articles of `ids`, in that order (ids no longer stored are left out). */
async function loadArticles(store: Store, ids: readonly string[]): Promise<Article[]> {
  const out: Article[] = [];
  for (const id of ids) {
    const a = await store.getArticle(id);
    if (a) out.push(a);
  }
  return out;
}

/** A shard as trace sees it: in this thread (TraceShard) or in a worker (src/parallel/trace.ts). */
export interface TraceShardHandle {
  rank(job: RankJob, myTokens?: Token[]): RankReply | Promise<RankReply>;
  finish(job: FinishJob): FinishReply | Promise<FinishReply>;
  drop(traceId: number): void | Promise<void>;
}

/** This thread's shard per engine: its cache of stored articles' bases outlives one trace. */
const localShards = new WeakMap<Engine, TraceShard>();

export function localTraceShard(engine: Engine): TraceShard {
  let shard = localShards.get(engine);
  if (!shard) localShards.set(engine, (shard = new TraceShard(engine)));
  return shard;
}

let lastTraceId = 0;

/**
 * The stored articles related to `article` (stored or not), strongest first; `a` of each
 * relation is the traced article. Every candidate is aligned and its relation decided, but the
 * broken-phrase search (the costliest part of analysing a text) runs only for the derived
 * pairs that make the answer: the relation, its confidence and the shares that rank a pair do
 * not depend on broken phrases, so the answer is the one a full analysis of every candidate
 * gives.
 */
export function traceArticle(engine: Engine, store: Store, article: Article, options: Partial<TraceOptions> = {}): Promise<PairRelation[]> {
  return traceOnShards(engine, store, article, [localTraceShard(engine)], options);
}

/**
 * traceArticle with the candidates split over `shards` by length (the longest first, each to
 * the least loaded shard). Put this thread's shard last: it runs synchronously, and the others
 * should have their work by then. The answer does not depend on the shards.
 */
export async function traceOnShards(engine: Engine, store: Store, article: Article, shards: readonly TraceShardHandle[], options: Partial<TraceOptions> = {}): Promise<PairRelation[]> {
  const o = { ...DEFAULT_TRACE_OPTIONS, ...options };
  const timings = o.timings ?? {};
  const myTokens = tokensOf(engine, article);
  const room = candidateRoom(o.limit);
  const traceId = ++lastTraceId;
  const last = shards.length - 1;
  const ranks: Array<Promise<ShardReply>> = [];
  const rank = (shard: number, candidates: Article[], findWordNetBroken = false): void => {
    const job = { traceId, article, candidates, findWordNetBroken };
    const reply = Promise.resolve(shards[shard].rank(job, shard === last ? myTokens : undefined)).then((r) => ({ shard, reply: r }));
    reply.catch(() => undefined); // awaited below; a failure meanwhile must not count as unhandled
    ranks.push(reply);
  };
  try {
    // The other shards start on the article (its analysis) while this thread looks up the
    // names (the quicker look-up), then on their share of the named articles while it looks
    // up the fingerprints. Its own share is smaller by what that look-up is expected to take,
    // and waits, to be ranked with its share of the rest. Every shard gets a first job, even
    // empty: finish expects the trace open there. Which shard compares a candidate does not
    // change the answer. While they wait for candidates, they find the article's broken
    // WordNet expressions for whichever shard finishes a derived pair.
    for (let i = 0; i < last; i++) rank(i, [], true);
    const pace = paceOf(shards);
    const ranking = await nameRanking(engine, store, article, myTokens, room, fingerprintRoom(engine, room), timings);
    // the first names of the ranking: every one of them is compared, whatever the fingerprints find
    const early = pickNamed(engine, ranking, room, []);
    let t = performance.now();
    const earlyArticles = await loadArticles(store, early);
    const load = performance.now() - t;
    const handicap = Array.from({ length: shards.length }, (_, i) => (i === last ? pace.expectedQueryChars() : 0));
    const first = splitByLength(earlyArticles, shards.length, handicap);
    for (let i = 0; i < last; i++) if (first[i].length > 0) rank(i, first[i]);
    const reusedIds = await reusedNeighbours(engine, store, article, room, timings);
    timings.query = queryTime(timings);
    // neither list repeats an id, nor shares one with the other; the early ones are on their way
    const sent = new Set(early);
    const restIds = [...reusedIds, ...pickNamed(engine, ranking, room, reusedIds)].filter((id) => !sent.has(id));
    t = performance.now();
    const restArticles = await loadArticles(store, restIds);
    timings.load = load + (performance.now() - t);
    const rest = splitByLength(restArticles, shards.length, first.map(textLength));
    for (let i = 0; i < last; i++) if (rest[i].length > 0) rank(i, rest[i]);
    rank(last, [...first[last], ...rest[last]]);
    const replies = await Promise.all(ranks);
    pace.record(timings.fingerprintQuery ?? 0, replies.reduce((n, r) => n + r.reply.analysis + r.reply.alignment, 0), [...earlyArticles, ...restArticles]);
    return await finishTrace(shards, traceId, replies, o, timings);
  } catch (err) {
    await Promise.all(shards.map((s) => s.drop(traceId)));
    throw err;
  }
}

interface ShardReply {
  shard: number;
  reply: RankReply;
}

/**
 * Ranks every candidate of the replies, then has each shard finish the pairs it holds among
 * those shown. The names every side knows: the article's, then each candidate's in id order.
 */
async function finishTrace(shards: readonly TraceShardHandle[], traceId: number, replies: ShardReply[], o: TraceOptions, timings: Partial<TraceTimings>): Promise<PairRelation[]> {
  const byId = new Map<string, { key: RankKey; names: string[]; shard: number }>();
  for (const { shard, reply } of replies) for (const x of reply.ranked) byId.set(x.key.b, { ...x, shard });
  const ranked = [...byId.values()].sort((x, y) => (x.key.b < y.key.b ? -1 : x.key.b > y.key.b ? 1 : 0));
  const shown = ranked.filter((r) => o.includeUnrelated || r.key.relation !== 'unrelated').sort((x, y) => byStrength(x.key, y.key)).slice(0, o.limit);
  const known = [...replies[0].reply.names, ...ranked.flatMap((r) => r.names)];
  const wordNetBroken = replies.find((r) => r.reply.wordNetBroken)?.reply.wordNetBroken;
  const finished = await Promise.all(
    shards.map((s, i) => s.finish({ traceId, known, shown: shown.filter((r) => r.shard === i).map((r) => r.key.b), wordNetBroken })),
  );
  const sum = (f: (x: { analysis: number; alignment: number }) => number) => [...replies.map((r) => r.reply), ...finished].reduce((n, x) => n + f(x), 0);
  Object.assign(timings, { analysis: sum((x) => x.analysis), alignment: sum((x) => x.alignment), candidates: ranked.length, analysed: shown.filter((r) => readsBrokenPhrases(r.key.relation)).length });
  return finished.flatMap((f) => f.relations).sort(byStrength);
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
