/**
 * Articles whose span lists are already JSON text, as both backends store them.
 *
 * Ingest's workers encode each article before sending it: the main thread writes every article
 * of a bulk add, and decoding a batch's small span objects from a worker message and
 * serialising them again cost it 72 + 21 µs an article, against 11 µs to decode the encoded
 * form (bench/prepared-message.ts; bench/RESULTS.md, session 16).
 */
import type { Article } from '../types.js';

/** JSON.stringify of an article's boilerplate, paragraphs and sentences. */
export interface SpansJson {
  boilerplate: string;
  paragraphs: string;
  sentences: string;
}

/** An article with its span lists as JSON text; a store reads it back as a plain Article. */
export type EncodedArticle = Omit<Article, 'boilerplate' | 'paragraphs' | 'sentences'> & { spansJson: SpansJson };

export function encodeArticle(article: Article): EncodedArticle {
  const { boilerplate, paragraphs, sentences, ...rest } = article;
  return { ...rest, spansJson: spansJsonOf({ boilerplate, paragraphs, sentences }) };
}

/** The span lists of either form as JSON text. */
export function spansJsonOf(article: Pick<Article, 'boilerplate' | 'paragraphs' | 'sentences'> | EncodedArticle): SpansJson {
  if ('spansJson' in article) return article.spansJson;
  return {
    boilerplate: JSON.stringify(article.boilerplate),
    paragraphs: JSON.stringify(article.paragraphs),
    sentences: JSON.stringify(article.sentences),
  };
}
