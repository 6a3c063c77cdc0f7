import type { Article, PairRelation } from '../types.js';
import type { AnalyzedArticle } from '../relate/analyzed.js';
import { topicProfile, type TermStats } from '../relate/topic.js';
import { KnownNames } from '../relate/broken-phrases.js';
import { tokenize } from '../text/tokenize.js';
import { buildStories, type CreditCheck, type Story } from '../story/build.js';
import { matchQuotes, type QuoteGroup } from '../story/quote-match.js';
import { extractQuotes } from '../story/quotes.js';
import { opinionCues, isOpinion } from '../story/opinion.js';
import { analyzeArticle, compareAnalyzed, namesOf, type Engine } from './engine.js';
import { candidatePairs, type PairKey } from './candidates.js';
import { completeGroups } from './groups.js';

export interface DocumentSummary {
  id: string;
  path: string;
  title: string | null;
  outlet: string | null;
  author: string | null;
  published: string | null;
}

/** What `analyze` reports for a corpus (the shape of `analyze --json`). */
export interface CorpusAnalysis {
  documents: DocumentSummary[];
  stories: Story[];
  relations: PairRelation[];
  quotes: QuoteGroup[];
  credits: CreditCheck[];
}

/** Document frequencies of lemmas over the corpus, for tf-idf topic weights. */
export function termStats(tokenLists: ReadonlyArray<ReadonlyArray<{ lemma: string; stop: boolean }>>): TermStats {
  const df = new Map<string, number>();
  for (const tokens of tokenLists) {
    const seen = new Set<string>();
    for (const t of tokens) if (!t.stop) seen.add(t.lemma);
    for (const l of seen) df.set(l, (df.get(l) ?? 0) + 1);
  }
  return { docs: tokenLists.length, df };
}

/** Tokenises every article once and analyses each with corpus-wide statistics and names. */
export function analyzeAll(engine: Engine, articles: readonly Article[]): AnalyzedArticle[] {
  const sorted = [...articles].sort((x, y) => (x.id < y.id ? -1 : 1));
  const tokens = sorted.map((a) => tokenize(a.text, a.sentences, engine.lexicon));
  const stats = termStats(tokens);
  const names = sorted.map((a, i) => new Set(namesOf(engine, a, tokens[i])));
  // How many articles carry each name: a name is "known elsewhere" when another article has it.
  const carriers = new Map<string, number>();
  for (const set of names) for (const n of set) carriers.set(n, (carriers.get(n) ?? 0) + 1);
  // Indexed once for every article (not a filtered copy per article: that grows with corpus × names).
  const known = new KnownNames(new Map([...carriers.keys()].sort().map((n) => [n, carriers.get(n)!])), engine.lexicon);
  return sorted.map((a, i) => analyzeArticle(engine, a, stats, known, tokens[i], new Map([...names[i]].map((n) => [n, 1]))));
}

/** Relations for the given pairs, a = the smaller id. */
export function relatePairs(engine: Engine, byId: Map<string, AnalyzedArticle>, pairs: readonly PairKey[]): PairRelation[] {
  return pairs.map((k) => {
    const [x, y] = k.split('|');
    return compareAnalyzed(engine, byId.get(x)!, byId.get(y)!);
  });
}

/** The whole analysis of a set of articles, in memory: relations, stories, quotes, credits. */
export async function analyzeCorpus(engine: Engine, articles: readonly Article[]): Promise<CorpusAnalysis> {
  const docs = analyzeAll(engine, articles);
  const byId = new Map(docs.map((d) => [d.article.id, d]));
  const first = await candidatePairs(docs, engine.options);
  const relations = relatePairs(engine, byId, first);
  const extra = completeGroups([...byId.keys()], relations, new Set(first));
  relations.push(...relatePairs(engine, byId, extra));
  relations.sort((x, y) => (x.a + x.b < y.a + y.b ? -1 : 1));
  return assemble(engine, docs, relations);
}

export function assemble(engine: Engine, docs: AnalyzedArticle[], relations: PairRelation[]): CorpusAnalysis {
  const opinion = (s: string) => ({ opinion: isOpinion(s), cues: opinionCues(s).cues });
  const stories = buildStories(docs, relations, { opinion }, engine.options.cluster);
  const quotes = matchQuotes(docs.map((d) => ({ id: d.article.id, text: d.article.text, quotes: extractQuotes(d.article.text, d.article.sentences) })));
  return {
    documents: docs.map(({ article: a }) => ({ id: a.id, path: a.source, title: a.title, outlet: a.outlet, author: a.author, published: a.published })),
    stories,
    relations,
    quotes,
    credits: stories.flatMap((s) => s.credits).sort((x, y) => (x.document < y.document ? -1 : 1)),
  };
}

/** Re-exported so callers can build a topic profile with the corpus statistics. */
export { topicProfile };
