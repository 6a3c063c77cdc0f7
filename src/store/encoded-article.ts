/**
 * Articles whose span lists are already JSON text, as both backends store them, and the row
 * columns both backends read back alike.
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

/** The columns of an `articles` row both backends read alike (the span columns differ: JSON text in SQLite, parsed in PostgreSQL). */
export interface ArticleColumns {
  id: string;
  content_hash: string;
  source: string;
  title: string | null;
  outlet: string | null;
  author: string | null;
  published: string | null;
  url: string | null;
  text: string;
}

/** An article from its row's columns and its spans, however the backend stores them. */
export function articleFromColumns(r: ArticleColumns, spans: Pick<Article, 'boilerplate' | 'paragraphs' | 'sentences'>): Article {
  const { boilerplate, paragraphs, sentences } = spans;
  return { id: r.id, source: r.source, title: r.title, outlet: r.outlet, author: r.author, published: r.published, url: r.url, text: r.text, contentHash: r.content_hash, boilerplate, paragraphs, sentences };
}
