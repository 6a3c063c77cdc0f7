import type { Article, Substitution, Token } from '../types.js';
import type { TopicProfile } from './topic.js';

/** A quotation as the relate stage needs it (src/story/quotes.ts extracts them). */
export interface QuoteLike {
  text: string;
  start: number;
  end: number;
}

/** An attribution or mention of another outlet (src/story/credit.ts finds them). */
export interface CreditLike {
  outlet: string | null;
  authors: string[];
  strength: 'attribution' | 'mention';
  /** Which phrase found it ("reported", "told", "copyright", …). */
  kind?: string;
  /** The words that credit, as written, and where. */
  text?: string;
  start?: number;
}

/** An article with everything the pairwise stages read, computed once per article. */
export interface AnalyzedArticle {
  article: Article;
  tokens: Token[];
  topic: TopicProfile;
  quotes: QuoteLike[];
  credits: CreditLike[];
  /**
   * A superset of `credits` found without the part-of-speech tagger (src/story/credit.ts,
   * searchCredits), when the analysis has one: "does this text credit X?" is "no" whenever no
   * possible credit names X, without computing `credits`.
   */
  possibleCredits?: CreditLike[];
  /** Broken set phrases found in this text alone (spin without a source). */
  brokenPhrases: Substitution[];
}
