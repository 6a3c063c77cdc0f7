import type { Article, PairRelation, Substitution, Token } from '../types.js';
import type { PhraseLexicon } from '../lexicon/lexicon.js';
import { loadLexicon } from '../lexicon/load.js';
import { tokenize } from '../text/tokenize.js';
import { alignTokens } from '../align/align.js';
import type { AlignOptions } from '../align/options.js';
import { findBrokenPhrases, findBrokenWordNetPhrases, type KnownNames } from '../relate/broken-phrases.js';
import { properNames, topicProfile, type TermStats, type TopicProfile } from '../relate/topic.js';
import { relateAligned } from '../relate/relate.js';
import { DEFAULT_CLASSIFY_OPTIONS, type ClassifyOptions } from '../relate/classify.js';
import type { AnalyzedArticle } from '../relate/analyzed.js';
import { extractQuotes } from '../story/quotes.js';
import { searchCredits, type Credit } from '../story/credit.js';
import { DEFAULT_INDEX_PARAMS, type IndexParams } from '../fingerprint/params.js';
import type { ClusterOptions } from '../story/cluster.js';

/** Every option of the analysis, merged once over DEFAULT_ENGINE_OPTIONS. */
export interface EngineOptions {
  /** Fingerprint and LSH parameters (seeds included); stored with an index, refused if they differ. */
  index: IndexParams;
  /** Passage alignment thresholds (src/align/options.ts). */
  align: Partial<AlignOptions>;
  /** Relation decision thresholds (src/relate/classify.ts). */
  classify: ClassifyOptions;
  /** Story clustering (src/story/cluster.ts). */
  cluster: Partial<ClusterOptions>;
  /** Candidates compared per article: fingerprint (LSH) neighbours, best first. */
  maxFingerprintCandidates: number;
  /** Candidates compared per article: topic neighbours (shared names and rare terms), best first. */
  maxTopicCandidates: number;
  /** Topic neighbours below this weighted overlap are not compared. */
  minTopicScore: number;
  /** Terms carried by more articles than this are not followed to topic neighbours (src/engine/topic-pairs.ts). */
  maxTermPostings: number;
  /**
   * A name carried by more stored articles than this is not followed when `trace` looks up
   * articles sharing names (at a million articles, 0.1 %: "police", a capital city).
   */
  maxNamePostings: number;
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = {
  index: DEFAULT_INDEX_PARAMS,
  align: {},
  classify: DEFAULT_CLASSIFY_OPTIONS,
  cluster: {},
  maxFingerprintCandidates: 50,
  maxTopicCandidates: 20,
  minTopicScore: 0.1,
  maxTermPostings: 5000,
  maxNamePostings: 1000,
};

export interface Engine {
  lexicon: PhraseLexicon;
  options: EngineOptions;
}

export function createEngine(options: Partial<EngineOptions> = {}): Engine {
  return { lexicon: loadLexicon(), options: { ...DEFAULT_ENGINE_OPTIONS, ...options } };
}

/** What analysis reads from one text alone: reusable for every pair, whatever names are known. */
export interface ArticleBase {
  article: Article;
  tokens: Token[];
  /** Multi-word names (namesOf): what this text adds to other texts' known names. */
  names: string[];
  topic: TopicProfile;
  quotes: AnalyzedArticle['quotes'];
  /** Credit phrases (computed on first read: they need the part-of-speech tagger). */
  readonly credits: AnalyzedArticle['credits'];
  possibleCredits: AnalyzedArticle['possibleCredits'];
  /** Broken WordNet expressions (computed on first read). */
  readonly wordNetBroken: Substitution[];
}

export function analyzeBase(engine: Engine, article: Article, stats?: TermStats, tokensIn?: Token[]): ArticleBase {
  const tokens = tokensIn ?? tokenize(article.text, article.sentences, engine.lexicon);
  let wordNet: Substitution[] | undefined;
  const credits = searchCredits(article.text);
  return {
    article,
    tokens,
    names: namesOf(engine, article, tokens),
    topic: topicProfile(tokens, stats, (w) => engine.lexicon.backgroundIdf(w)),
    quotes: extractQuotes(article.text, article.sentences).filter((q) => !q.short),
    get credits(): Credit[] {
      return credits.resolve();
    },
    possibleCredits: credits.possible,
    get wordNetBroken(): Substitution[] {
      return (wordNet ??= findBrokenWordNetPhrases(article.text, tokens, engine.lexicon));
    },
  };
}

/**
 * The base with its broken WordNet expressions already found (by another thread, on the same
 * text and tokens: findBrokenWordNetPhrases depends on nothing else, so they are the ones this
 * base would find). Credits stay computed on first read.
 */
export function withWordNetBroken(base: ArticleBase, found: Substitution[]): ArticleBase {
  const { article, tokens, names, topic, quotes, possibleCredits } = base;
  return {
    article,
    tokens,
    names,
    topic,
    quotes,
    get credits(): ArticleBase['credits'] {
      return base.credits;
    },
    possibleCredits,
    wordNetBroken: found,
  };
}

/**
 * An analysed article from its base and the names known around it (`ownNames` as in
 * findBrokenPhrases). Broken phrases are looked for on first read only (trace ranks candidates
 * without them); `known` is read then, so it must not change after this call.
 */
export function withKnownNames(engine: Engine, base: ArticleBase, known: Iterable<string> | KnownNames, ownNames?: ReadonlyMap<string, number>): AnalyzedArticle {
  const { article, tokens, topic, quotes, possibleCredits } = base;
  let broken: Substitution[] | undefined;
  return {
    article,
    tokens,
    topic,
    quotes,
    get credits() {
      return base.credits;
    },
    possibleCredits,
    get brokenPhrases(): Substitution[] {
      return (broken ??= findBrokenPhrases(article.text, tokens, engine.lexicon, { knownPhrases: known, ownNames, wordNetFound: base.wordNetBroken }));
    },
  };
}

/**
 * Everything about one article that pairwise stages read, computed once: tokens, topic,
 * quotes, credits, broken set phrases. `knownPhrases` are multi-word names seen elsewhere in
 * the corpus (a spun copy breaks them: "Structure for Defense of Democracies"); with a
 * KnownNames built from corpus counts, `ownNames` says how often this article carries each.
 */
export function analyzeArticle(
  engine: Engine,
  article: Article,
  stats?: TermStats,
  knownPhrases?: Iterable<string> | KnownNames,
  tokensIn?: Token[],
  ownNames?: ReadonlyMap<string, number>,
): AnalyzedArticle {
  return withKnownNames(engine, analyzeBase(engine, article, stats, tokensIn), knownPhrases ?? [], ownNames);
}

/** Aligns two analysed articles and decides their relation, with all the evidence. */
export function compareAnalyzed(engine: Engine, a: AnalyzedArticle, b: AnalyzedArticle): PairRelation {
  const alignment = alignTokens(a.article.text, a.tokens, b.article.text, b.tokens, engine.lexicon, engine.options.align);
  return relateAligned(a, b, alignment, engine.options.classify);
}

/** Compares two articles with no corpus around them (the `compare` command). */
export function compareArticles(engine: Engine, a: Article, b: Article): PairRelation {
  const [ta, tb] = [tokensOf(engine, a), tokensOf(engine, b)];
  const known = [...namesOf(engine, a, ta), ...namesOf(engine, b, tb)];
  return compareAnalyzed(engine, analyzeArticle(engine, a, undefined, known, ta), analyzeArticle(engine, b, undefined, known, tb));
}

/** The body's tokens of an article (tokenise once, hand them to namesOf and analyzeArticle). */
export function tokensOf(engine: Engine, article: Article): Token[] {
  return tokenize(article.text, article.sentences, engine.lexicon);
}

/** Multi-word capitalised names of an article (for broken-phrase checks in other articles). */
export function namesOf(engine: Engine, article: Article, tokensIn?: Token[]): string[] {
  const tokens = tokensIn ?? tokenize(article.text, article.sentences, engine.lexicon);
  return properNames(tokens).filter((n) => n.tokens.length >= 2).map((n) => n.text);
}
