/**
 * Pair judging inside a worker: what each article gives alone (tokens, names, topic, quotes,
 * credits, broken WordNet expressions) is computed once per article and cached; the names known
 * around it are added per pair (no corpus context) or once per article (with one). Pairs are
 * aligned and classified exactly as compareAnalyzed does on the main thread.
 */
import { analyzeBase, compareAnalyzed, createEngine, withKnownNames, type ArticleBase, type Engine, type EngineOptions } from '../engine/engine.js';
import type { AnalyzedArticle } from '../relate/analyzed.js';
import { KnownNames } from '../relate/broken-phrases.js';
import type { Article, PairRelation } from '../types.js';
import type { RelateContext } from './protocol.js';

/** Articles kept per worker; pairs arrive grouped by their first article. */
const CACHE_LIMIT = 2000;

/** A bounded map that forgets the oldest entry first. */
class Bounded<V> {
  private readonly map = new Map<string, V>();
  get(key: string, make: () => V): V {
    let v = this.map.get(key);
    if (v === undefined) {
      if (this.map.size >= CACHE_LIMIT) this.map.delete(this.map.keys().next().value!);
      this.map.set(key, (v = make()));
    }
    return v;
  }
}

export class PairJudge {
  private readonly engine: Engine;
  private readonly bases = new Bounded<ArticleBase>();
  private readonly analysed = new Bounded<AnalyzedArticle>();
  /** The corpus's names indexed once (with a context): known to an article when others carry them. */
  private readonly corpusNames: KnownNames | null;

  constructor(
    options: EngineOptions,
    private readonly context: RelateContext,
  ) {
    this.engine = createEngine(options);
    this.corpusNames = context.nameCounts ? new KnownNames(context.nameCounts, this.engine.lexicon) : null;
  }

  judge(pairs: ReadonlyArray<readonly [Article, Article]>): PairRelation[] {
    return pairs.map(([a, b]) => {
      if (this.corpusNames) return compareAnalyzed(this.engine, this.inCorpus(a), this.inCorpus(b));
      // No corpus: as trace/compare do, each side knows the names of both.
      const [x, y] = [this.base(a), this.base(b)];
      const known = new KnownNames([...x.names, ...y.names], this.engine.lexicon);
      return compareAnalyzed(this.engine, withKnownNames(this.engine, x, known), withKnownNames(this.engine, y, known));
    });
  }

  private base(article: Article): ArticleBase {
    return this.bases.get(article.id, () => analyzeBase(this.engine, article, this.context.stats));
  }

  private inCorpus(article: Article): AnalyzedArticle {
    return this.analysed.get(article.id, () => {
      const base = this.base(article);
      return withKnownNames(this.engine, base, this.corpusNames!, occurrences(base.names));
    });
  }
}

/** How many times each name occurs in a list. */
function occurrences(names: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const n of names) out.set(n, (out.get(n) ?? 0) + 1);
  return out;
}

/**
 * The names other articles carry: a name counts when the corpus holds more occurrences of it
 * than this article does (the set analyzeAll passes as `knownPhrases`).
 */
export function knownElsewhere(own: readonly string[], counts: Map<string, number>): Set<string> {
  const mine = occurrences(own);
  const out = new Set<string>();
  for (const [name, total] of counts) if (total > (mine.get(name) ?? 0)) out.add(name);
  return out;
}
