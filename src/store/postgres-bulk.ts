/**
 * Bulk indexing on PostgreSQL: the bucket keys of a whole batch of articles go in with one
 * COPY (into a session-local staging table, then one INSERT … SELECT with ON CONFLICT, which
 * COPY alone cannot do), and their fingerprints with one statement. At ~200 keys per article
 * this replaces a statement and a round trip per article with one stream per batch.
 */
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { ArticleIndexEntries } from './store.js';

export interface IndexedArticle {
  articleId: string;
  index: ArticleIndexEntries;
}

/** Escapes a value for COPY's text format (backslash, tab, newline, carriage return). */
export function copyText(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** COPY text lines `key<TAB>article_id`, yielded in chunks so a large batch is never one string. */
export function* bucketCopyLines(items: readonly IndexedArticle[]): Generator<string> {
  for (const { articleId, index } of items) {
    const id = copyText(articleId);
    let chunk = '';
    for (const key of index.bucketKeys) chunk += `${key}\t${id}\n`;
    if (chunk) yield chunk;
  }
}

/**
 * Writes the bucket keys and fingerprints of `items` in the open transaction of `client`.
 * Keys first, fingerprints last, as everywhere: a stored fingerprint marks an article indexed.
 */
export async function bulkIndex(client: pg.PoolClient, items: readonly IndexedArticle[]): Promise<void> {
  await client.query(
    `CREATE TEMP TABLE IF NOT EXISTS bucket_load (key bigint NOT NULL, article_id text NOT NULL) ON COMMIT DELETE ROWS`,
  );
  await pipeline(Readable.from(bucketCopyLines(items)), client.query(copyFrom(`COPY bucket_load (key, article_id) FROM STDIN`)));
  await client.query(`INSERT INTO buckets (key, article_id) SELECT DISTINCT key, article_id FROM bucket_load ON CONFLICT DO NOTHING`);
  const fingerprints = items.flatMap(({ articleId, index }) =>
    index.fingerprints.map((f) => ({ articleId, kind: f.kind, data: Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength) })),
  );
  if (fingerprints.length === 0) return;
  await client.query(
    `INSERT INTO fingerprints (article_id, kind, data)
     SELECT * FROM unnest($1::text[], $2::text[], $3::bytea[])
     ON CONFLICT (article_id, kind) DO UPDATE SET data = excluded.data`,
    [fingerprints.map((f) => f.articleId), fingerprints.map((f) => f.kind), fingerprints.map((f) => f.data)],
  );
}
