/**
 * The per-candidate half of a trace, as a shard that can run on any thread: `rank` analyses the
 * traced article and its share of the candidates, aligns and judges each pair without the
 * broken-phrase evidence, and keeps what it computed; `finish` turns the pairs the answer shows
 * into relations, once the names of every candidate (from every shard) are known. trace.ts
 * splits the candidates over one shard (traceArticle) or several (ParallelTracer), and the
 * answer is the same either way: each pair's result depends only on the two articles and the
 * names of all candidates.
 */
import type { Alignment, Article, PairRelation, RelationType, Substitution, Token } from '../types.js';
import { alignTokens } from '../align/align.js';
import { KnownNames } from '../relate/broken-phrases.js';
import { classifyPair } from '../relate/classify.js';
import { decisionFeatures, type DecisionFeatures } from '../relate/features.js';
import { readsBrokenPhrases, relateAligned } from '../relate/relate.js';
import { analyzeBase, withKnownNames, withWordNetBroken, type ArticleBase, type Engine } from './engine.js';
import { plainEqual } from './plain-equal.js';

/** What orders a trace's answer: the relation of a pair, its confidence and its shares. */
export type RankKey = Pick<PairRelation, 'a' | 'b' | 'relation' | 'share_a' | 'share_b' | 'confidence'>;

/** Work for a shard: the traced article and the candidates it is to compare it with. */
export interface RankJob {
  /** Names this trace among the shard's open traces until `finish`. */
  traceId: number;
  article: Article;
  candidates: Article[];
  /**
   * Also find the traced article's broken WordNet expressions and send them back: asked of a
   * worker's first job, which would otherwise wait idle for its candidates. A derived pair's
   * finish needs them, on whichever shard holds the pair, and they are most of its cost for a
   * spun article.
   */
  findWordNetBroken?: boolean;
}

export interface RankReply {
  /** One per candidate, in the job's order. */
  ranked: Array<{ key: RankKey; names: string[] }>;
  /** The traced article's multi-word names. */
  names: string[];
  /** The traced article's broken WordNet expressions, when the job asked for them. */
  wordNetBroken?: Substitution[];
  /** Milliseconds spent analysing texts and comparing pairs. */
  analysis: number;
  alignment: number;
}

export interface FinishJob {
  traceId: number;
  /** Every multi-word name of the traced article and of all candidates (what broken-phrase search knows). */
  known: string[];
  /** Ids of this shard's candidates the answer shows, in the answer's order. */
  shown: string[];
  /** The traced article's broken WordNet expressions, when a shard found them already. */
  wordNetBroken?: Substitution[];
}

export interface FinishReply {
  relations: PairRelation[];
  analysis: number;
  alignment: number;
}

/** What a shard keeps of one candidate between rank and finish. */
interface Compared {
  base: ArticleBase;
  alignment: Alignment;
  /** What the decision read; the other features are computed for shown pairs only. */
  decided: DecisionFeatures;
  relation: RelationType;
}

/** Traces a shard keeps open at most: one abandoned by a failed caller is forgotten, not kept forever. */
const OPEN_LIMIT = 64;
/** Stored articles' bases kept per shard: traces of one story meet the same candidates again. */
const BASE_CACHE_LIMIT = 2000;
/** Ids of stored articles met once and not cached (the cache's admission filter), at most. */
const SEEN_ONCE_LIMIT = 20_000;

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

export class TraceShard {
  private readonly open = new Map<number, { me: ArticleBase; compared: Map<string, Compared> }>();
  private readonly bases = new Map<string, ArticleBase>();
  private readonly seenOnce = new Set<string>();

  constructor(readonly engine: Engine) {}

  /**
   * `myTokens`: the traced article's tokens when the caller has them (the main thread does).
   * A trace may send its candidates in several jobs (those found first while the rest are
   * looked up): a job for an open trace adds to it.
   */
  rank(job: RankJob, myTokens?: Token[]): RankReply {
    const { engine } = this;
    let t = performance.now();
    const open = this.open.get(job.traceId);
    const me = open?.me ?? analyzeBase(engine, job.article, undefined, myTokens);
    const others = job.candidates.map((a) => this.storedBase(a));
    const wordNetBroken = job.findWordNetBroken ? me.wordNetBroken : undefined;
    const analysis = performance.now() - t;
    t = performance.now();
    // Broken phrases are read only in finish, so the known names do not matter yet.
    const none = new KnownNames([], engine.lexicon);
    const mine = withKnownNames(engine, me, none);
    const compared = open?.compared ?? new Map<string, Compared>();
    const ranked = others.map((base) => {
      const alignment = alignTokens(job.article.text, me.tokens, base.article.text, base.tokens, engine.lexicon, engine.options.align);
      const decided = decisionFeatures(mine, withKnownNames(engine, base, none), alignment);
      const decision = classifyPair(decided, engine.options.classify);
      compared.set(base.article.id, { base, alignment, decided, relation: decision.relation });
      const key = { a: job.article.id, b: base.article.id, relation: decision.relation, confidence: decision.confidence, share_a: round3(alignment.share_a), share_b: round3(alignment.share_b) };
      return { key, names: base.names };
    });
    if (!open) {
      if (this.open.size >= OPEN_LIMIT) this.open.delete(this.open.keys().next().value!);
      this.open.set(job.traceId, { me, compared });
    }
    return { ranked, names: me.names, wordNetBroken, analysis, alignment: performance.now() - t };
  }

  /** The relations of the shown pairs; forgets the trace. */
  finish(job: FinishJob): FinishReply {
    const state = this.open.get(job.traceId);
    this.open.delete(job.traceId);
    if (!state) throw new Error(`trace ${job.traceId} is not open on this shard`);
    const { engine } = this;
    const known = new KnownNames(job.known, engine.lexicon);
    const myBase = job.wordNetBroken ? withWordNetBroken(state.me, job.wordNetBroken) : state.me;
    const me = withKnownNames(engine, myBase, known);
    let analysis = 0;
    const t = performance.now();
    const relations = job.shown.map((id) => {
      const c = state.compared.get(id);
      if (!c) throw new Error(`candidate ${id} was not ranked by this shard`);
      const other = withKnownNames(engine, c.base, known);
      const b = performance.now();
      // read here, though relateAligned would, so that their cost counts as analysis
      if (readsBrokenPhrases(c.relation)) void [me.brokenPhrases, other.brokenPhrases];
      analysis += performance.now() - b;
      return relateAligned(me, other, c.alignment, engine.options.classify, c.decided);
    });
    return { relations, analysis, alignment: performance.now() - t - analysis };
  }

  /** Stored articles whose bases this shard keeps (for tests). */
  get cachedBases(): number {
    return this.bases.size;
  }

  /** Forgets a trace whose answer is no longer wanted. */
  drop(traceId: number): void {
    this.open.delete(traceId);
  }

  /**
   * analyzeBase of a stored article (no corpus statistics), from the cache when the article is
   * unchanged. A base is cached only when its article is met a second time: most candidates of
   * a trace are met once, and a cached base (tokens, and what the aligner and the features keep
   * by them) outlives the young generation, so every one of them would be copied and promoted
   * for nothing; the articles of a story that keeps being traced are met again and cached then.
   */
  private storedBase(article: Article): ArticleBase {
    const { id } = article;
    const hit = this.bases.get(id);
    this.bases.delete(id); // re-inserted below: most recently used last
    if (hit && plainEqual(hit.article, article)) {
      this.bases.set(id, hit);
      return hit;
    }
    const base = analyzeBase(this.engine, article);
    if (hit || this.seenOnce.delete(id)) {
      if (this.bases.size >= BASE_CACHE_LIMIT) this.bases.delete(this.bases.keys().next().value!);
      this.bases.set(id, base);
    } else {
      if (this.seenOnce.size >= SEEN_ONCE_LIMIT) this.seenOnce.delete(this.seenOnce.values().next().value!);
      this.seenOnce.add(id);
    }
    return base;
  }
}
