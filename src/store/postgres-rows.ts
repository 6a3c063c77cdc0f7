/**
 * Converting between storytrace values and the rows and parameters of the PostgreSQL store.
 * JSON columns arrive parsed (pg parses json), and go out as JSON text.
 */
import { UserError } from '../errors.js';
import type { Article, PairRelation } from '../types.js';
import { articleFromColumns, spansJsonOf, type ArticleColumns, type EncodedArticle } from './encoded-article.js';

/** A row of `articles`: its span columns arrive parsed. */
export interface ArticleRow extends ArticleColumns {
  boilerplate: Article['boilerplate'];
  paragraphs: Article['paragraphs'];
  sentences: Article['sentences'];
}

/** Escapes LIKE wildcards so a prefix matches literally. */
export function likePrefix(prefix: string): string {
  return prefix.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
}

/** One row per unordered pair, smaller id first; a later relation for the same pair wins. */
export function relationRows(relations: readonly PairRelation[]): Map<string, { a: string; b: string; json: string }> {
  const rows = new Map<string, { a: string; b: string; json: string }>();
  for (const r of relations) {
    // The relation itself is kept as given (flipping it would mean rewriting direction,
    // shares and offsets); only the row key is ordered.
    const [a, b] = r.a < r.b ? [r.a, r.b] : [r.b, r.a];
    if (a === b) throw new UserError('bad_relation', `a relation needs two different articles (${a})`);
    rows.set(`${a}\u0000${b}`, { a, b, json: JSON.stringify(r) });
  }
  return rows;
}

export function articleParams(a: Article | EncodedArticle): unknown[] {
  const spans = spansJsonOf(a);
  return [
    a.id,
    a.contentHash,
    a.source,
    a.title ?? null,
    a.outlet ?? null,
    a.author ?? null,
    a.published ?? null,
    a.url ?? null,
    a.text,
    a.text.length,
    spans.boilerplate,
    spans.paragraphs,
    spans.sentences,
  ];
}

export function rowToArticle(r: ArticleRow): Article {
  return articleFromColumns(r, r);
}
