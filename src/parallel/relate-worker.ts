/**
 * Pair judging inside a worker: analyses each article once (cached, bounded) with the corpus
 * context the main thread sent, then aligns and classifies pairs exactly as
 * compareAnalyzed does on the main thread.
 */
import { analyzeArticle, compareAnalyzed, createEngine, namesOf, type Engine, type EngineOptions } from '../engine/engine.js';
import type { AnalyzedArticle } from '../relate/analyzed.js';
import type { Article, PairRelation } from '../types.js';
import type { RelateContext } from './protocol.js';

/** Analysed articles kept per worker; pairs arrive grouped by their first article. */
const CACHE_LIMIT = 2000;

export class PairJudge {
  private readonly engine: Engine;
  private readonly cache = new Map<string, AnalyzedArticle>();

  constructor(
    options: EngineOptions,
    private readonly context: RelateContext,
  ) {
    this.engine = createEngine(options);
  }

  judge(pairs: ReadonlyArray<readonly [Article, Article]>): PairRelation[] {
    return pairs.map(([a, b]) => {
      if (this.context.nameCounts) return compareAnalyzed(this.engine, this.analyzed(a), this.analyzed(b));
      // No corpus: as trace/compare do, each side knows the names of both.
      const known = [...namesOf(this.engine, a), ...namesOf(this.engine, b)];
      return compareAnalyzed(this.engine, analyzeArticle(this.engine, a, this.context.stats, known), analyzeArticle(this.engine, b, this.context.stats, known));
    });
  }

  private analyzed(article: Article): AnalyzedArticle {
    const hit = this.cache.get(article.id);
    if (hit) return hit;
    const own = namesOf(this.engine, article);
    const result = analyzeArticle(this.engine, article, this.context.stats, knownElsewhere(own, this.context.nameCounts!));
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(article.id, result);
    return result;
  }
}

/**
 * The names other articles carry: a name counts when the corpus holds more occurrences of it
 * than this article does (the set analyzeAll passes as `knownPhrases`).
 */
export function knownElsewhere(own: readonly string[], counts: Map<string, number>): Set<string> {
  const mine = new Map<string, number>();
  for (const n of own) mine.set(n, (mine.get(n) ?? 0) + 1);
  const out = new Set<string>();
  for (const [name, total] of counts) if (total > (mine.get(name) ?? 0)) out.add(name);
  return out;
}
