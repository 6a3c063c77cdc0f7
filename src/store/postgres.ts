/**
 * The shared store: a PostgreSQL database reached through a pg.Pool, for several processes
 * writing at once. Every write is one statement or one transaction, so it is atomic; article
 * dedupe leans on the content_hash unique index (INSERT … ON CONFLICT DO NOTHING), so two
 * writers adding the same article at the same moment store it once. All values are bound
 * parameters; no SQL is built from data.
 */
import { bulkIndex } from './postgres-bulk.js';
import type pg from 'pg';
import { StoreError, UserError } from '../errors.js';
import type { Article, PairRelation } from '../types.js';
import { articleParams, likePrefix, relationRows, rowToArticle, type ArticleRow } from './postgres-rows.js';
import type { EncodedArticle } from './encoded-article.js';
import {
  createPool,
  DEFAULT_POSTGRES_OPTIONS,
  parsePostgresSpec,
  storeErrorFromPg,
  type PostgresStoreOptions,
} from './postgres-connect.js';
import { prepareSchema } from './postgres-migrate.js';
import { MIN_ID_PREFIX } from './sqlite.js';
import type { AddResult, ArticleIndexEntries, ArticleSummary, ArticleToAdd, BucketKey, BucketKeyList, ListOptions, Store, StoredStory } from './store.js';
import { resolveBucketQuery, type BucketQuery } from './bucket-query.js';
import { checkBucketKeys } from './keys-check.js';

const ARTICLE_COLUMNS = `id, content_hash, source, title, outlet, author, published, url, text, boilerplate, paragraphs, sentences`;
// NULLS LAST is PostgreSQL's default for ascending order; spelled out because SQLite lists alike.
const LIST_ORDER = `ORDER BY published ASC NULLS LAST, id`;

const INSERT_ARTICLE = `INSERT INTO articles (id, content_hash, source, title, outlet, author, published, url, text, chars,
    boilerplate, paragraphs, sentences)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
  ON CONFLICT DO NOTHING RETURNING id`;

/**
 * Runs `work`, again after a deadlock or serialization failure, at most `attempts` times in
 * all. Such a failure rolls the failed statement or transaction back whole, so trying again is
 * safe: concurrent workers inserting the same content (two unique indexes, id and content
 * hash) can deadlock now and then, and the loser should not fail its whole job for it.
 */
export async function retryConflicts<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      const code = (err as { code?: unknown } | null)?.code;
      if (attempt >= attempts || (code !== '40P01' && code !== '40001')) throw err;
      await new Promise((r) => setTimeout(r, 10 * attempt));
    }
  }
}

/** INSERT_ARTICLE for a batch: one array per column, in articleParams' order. */
const INSERT_ARTICLES = `INSERT INTO articles (id, content_hash, source, title, outlet, author, published, url, text, chars,
    boilerplate, paragraphs, sentences)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
    $9::text[], $10::int[], $11::json[], $12::json[], $13::json[])
  ON CONFLICT DO NOTHING RETURNING id`;

export class PostgresStore implements Store {
  readonly backend = 'postgres' as const;
  /** The database URL without its password, for messages. */
  readonly display: string;
  private readonly pool: pg.Pool;
  private closed = false;

  private constructor(display: string, pool: pg.Pool) {
    this.display = display;
    this.pool = pool;
  }

  /** Connects to `spec` (a postgres:// URL), creating or upgrading the schema unless read-only. */
  static async open(spec: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const settings = { ...DEFAULT_POSTGRES_OPTIONS, ...options };
    const target = parsePostgresSpec(spec);
    const pool = createPool(target, settings);
    try {
      await prepareSchema(pool, target, { readonly: settings.readonly, existing: settings.readonly || settings.existing });
    } catch (err) {
      await pool.end();
      throw storeErrorFromPg(target.display, err);
    }
    return new PostgresStore(target.display, pool);
  }

  async addArticle(article: Article, index?: ArticleIndexEntries): Promise<AddResult> {
    if (index) checkBucketKeys(index.bucketKeys);
    const result = await this.insertArticle(article);
    if (result.status === 'added' && index) {
      // Not in the insert's transaction: a crash in between leaves the article unindexed, and
      // storeArticle (src/engine/ingest.ts) indexes it when the input is met again.
      await this.addBucketKeys(article.id, index.bucketKeys);
      for (const f of index.fingerprints) await this.putFingerprint(article.id, f.kind, f.data);
    }
    return result;
  }

  async addArticles(items: readonly ArticleToAdd[]): Promise<AddResult[]> {
    for (const { index } of items) if (index) checkBucketKeys(index.bucketKeys);
    // The articles in one statement, then the index entries of all that went in as one COPY
    // and one statement in one transaction (src/store/postgres-bulk.ts). A crash in between
    // leaves articles unindexed, which storeArticle finishes when the input is met again.
    const out = await this.insertArticles(items.map((i) => i.article));
    const toIndex = items.flatMap(({ article, index }, i) => (out[i].status === 'added' && index ? [{ articleId: article.id, index }] : []));
    if (toIndex.length > 0) await this.transaction((client) => bulkIndex(client, toIndex));
    return out;
  }

  /**
   * Inserts a batch in one statement; what did not go in is a duplicate of the stored article
   * with its content (stored before, by a concurrent writer, or earlier in this batch).
   */
  private async insertArticles(articles: ReadonlyArray<Article | EncodedArticle>): Promise<AddResult[]> {
    if (articles.length === 0) return [];
    return this.run(async () => {
      const rows = articles.map(articleParams);
      const columns = rows[0].map((_, c) => rows.map((r) => r[c]));
      const inserted = await this.pool.query<{ id: string }>(INSERT_ARTICLES, columns);
      // The first occurrence of an inserted id is the added one; any repeat is a duplicate.
      const added = new Set(inserted.rows.map((r) => r.id));
      const isAdded = articles.map((a) => added.delete(a.id));
      const rest = articles.filter((_, i) => !isAdded[i]).map((a) => a.contentHash);
      const stored = rest.length === 0 ? [] : (await this.pool.query<{ id: string; content_hash: string }>(
        `SELECT id, content_hash FROM articles WHERE content_hash = ANY($1::text[])`, [rest])).rows;
      const byHash = new Map(stored.map((r) => [r.content_hash, r.id]));
      return articles.map((a, i): AddResult => {
        if (isAdded[i]) return { id: a.id, status: 'added' };
        const duplicateOf = byHash.get(a.contentHash);
        if (duplicateOf === undefined) throw new StoreError(`${this.display}: article id ${a.id} is already stored with different content`);
        return { id: a.id, status: 'duplicate', duplicateOf };
      });
    });
  }

  private async insertArticle(article: Article): Promise<AddResult> {
    return this.run(async () => {
      const inserted = await this.pool.query(INSERT_ARTICLE, articleParams(article));
      if (inserted.rowCount === 1) return { id: article.id, status: 'added' };
      // A separate statement: under READ COMMITTED it sees the row a concurrent writer just
      // committed, which is what made our insert do nothing.
      const existing = await this.pool.query<{ id: string }>(`SELECT id FROM articles WHERE content_hash = $1`, [
        article.contentHash,
      ]);
      const duplicateOf = existing.rows[0]?.id;
      if (duplicateOf === undefined) {
        throw new StoreError(`${this.display}: article id ${article.id} is already stored with different content`);
      }
      return { id: article.id, status: 'duplicate', duplicateOf };
    });
  }

  async getArticle(idOrPrefix: string): Promise<Article | null> {
    return this.run(async () => {
      const wanted = idOrPrefix.trim();
      const exact = await this.pool.query<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = $1`, [wanted]);
      if (exact.rows[0] !== undefined) return rowToArticle(exact.rows[0]);
      if (wanted.length < MIN_ID_PREFIX) {
        throw new UserError('bad_id', `"${idOrPrefix}": give at least ${MIN_ID_PREFIX} characters of an article id`);
      }
      // With the "C" collation the primary key index serves this as a range scan; two rows are
      // enough to tell a unique prefix from an ambiguous one.
      const matches = await this.pool.query<ArticleRow>(
        `SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id LIKE $1 ORDER BY id LIMIT 2`,
        [likePrefix(wanted)],
      );
      if (matches.rows.length > 1) {
        const ids = matches.rows.map((r) => r.id).join(', ');
        throw new UserError('ambiguous_id', `"${idOrPrefix}" matches several articles (${ids}, …); give more characters`);
      }
      return matches.rows[0] === undefined ? null : rowToArticle(matches.rows[0]);
    });
  }

  async listArticles(options: ListOptions = {}): Promise<ArticleSummary[]> {
    return this.run(async () => {
      const result = await this.pool.query<ArticleSummary>(
        `SELECT id, source, title, outlet, author, published, chars FROM articles ${LIST_ORDER} LIMIT $1 OFFSET $2`,
        [options.limit ?? null, options.offset ?? 0], // LIMIT NULL means no limit
      );
      return result.rows;
    });
  }

  async countArticles(): Promise<number> {
    return this.run(async () => {
      const result = await this.pool.query<{ n: string }>(`SELECT count(*) AS n FROM articles`);
      return Number(result.rows[0]?.n ?? 0); // bigint arrives as a string
    });
  }

  async getSetting(key: string): Promise<string | null> {
    return this.run(async () => {
      const result = await this.pool.query<{ value: string }>(`SELECT value FROM settings WHERE key = $1`, [key]);
      return result.rows[0]?.value ?? null;
    });
  }

  async setSetting(key: string, value: string): Promise<void> {
    await this.run(() =>
      this.pool.query(
        `INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        [key, value],
      ),
    );
  }

  async putFingerprint(articleId: string, kind: string, data: Uint8Array): Promise<void> {
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    await this.run(() =>
      this.pool.query(
        `INSERT INTO fingerprints (article_id, kind, data) VALUES ($1, $2, $3)
         ON CONFLICT (article_id, kind) DO UPDATE SET data = excluded.data`,
        [articleId, kind, bytes],
      ),
    );
  }

  async getFingerprint(articleId: string, kind: string): Promise<Uint8Array | null> {
    return this.run(async () => {
      const result = await this.pool.query<{ data: Buffer }>(
        `SELECT data FROM fingerprints WHERE article_id = $1 AND kind = $2`,
        [articleId, kind],
      );
      const data = result.rows[0]?.data;
      // A plain Uint8Array (not a Buffer) so callers see the same type from every backend.
      return data === undefined ? null : new Uint8Array(data);
    });
  }

  async addBucketKeys(articleId: string, keys: BucketKeyList): Promise<void> {
    checkBucketKeys(keys);
    if (keys.length === 0) return;
    // One statement for the whole batch: the keys travel as one array parameter.
    await this.run(() =>
      this.pool.query(
        `INSERT INTO buckets (key, article_id) SELECT DISTINCT k, $1::text FROM unnest($2::bigint[]) AS k ON CONFLICT DO NOTHING`,
        [articleId, [...keys]],
      ),
    );
  }

  async findByBucketKeys(keys: readonly BucketKey[], query: Partial<BucketQuery> = {}): Promise<Map<string, number>> {
    checkBucketKeys(keys);
    const q = resolveBucketQuery(query);
    if (keys.length === 0) return new Map();
    const bound = q.maxPostings === Infinity ? null : q.maxPostings;
    const top = q.top === Infinity ? null : q.top;
    return this.run(async () => {
      const params = [[...new Set(keys)], bound, q.minShared, top, q.common === 'skip'];
      const result = await this.pool.query<{ id: string; n: number }>(BUCKET_QUERY_SQL, params);
      return new Map(result.rows.map((r) => [r.id, r.n] as [string, number]).sort((x, y) => (x[0] < y[0] ? -1 : 1)));
    });
  }

  async putRelations(relations: readonly PairRelation[]): Promise<void> {
    const rows = relationRows(relations);
    if (rows.size === 0) return;
    const list = [...rows.values()];
    await this.run(() =>
      this.pool.query(
        `INSERT INTO relations (a, b, json) SELECT a, b, j::json FROM unnest($1::text[], $2::text[], $3::text[]) AS r (a, b, j)
         ON CONFLICT (a, b) DO UPDATE SET json = excluded.json`,
        [list.map((r) => r.a), list.map((r) => r.b), list.map((r) => r.json)],
      ),
    );
  }

  async getRelations(articleId?: string): Promise<PairRelation[]> {
    return this.run(async () => {
      const result =
        articleId === undefined
          ? await this.pool.query<{ json: PairRelation }>(`SELECT json FROM relations ORDER BY a, b`)
          : await this.pool.query<{ json: PairRelation }>(
              `SELECT json FROM relations WHERE a = $1 OR b = $1 ORDER BY a, b`,
              [articleId],
            );
      return result.rows.map((r) => r.json);
    });
  }

  async putStories(stories: readonly StoredStory[]): Promise<void> {
    if (stories.length === 0) return;
    const ids = stories.map((s) => s.id);
    const members = [...new Set(stories.flatMap((s) => s.members))];
    const batch = JSON.stringify(stories.map((s) => ({ id: s.id, members: s.members, data: s.data ?? null })));
    await this.transaction(async (client) => {
      // Stories are replaced whole: any stored story sharing an id or a member with a new one goes.
      await client.query(`DELETE FROM stories WHERE id = ANY($1::text[]) OR members && $2::text[]`, [ids, members]);
      await client.query(
        `INSERT INTO stories (id, members, data)
         SELECT s->>'id', ARRAY(SELECT json_array_elements_text(s->'members')), s->'data'
           FROM json_array_elements($1::json) AS s`,
        [batch],
      );
    });
  }

  async getStories(): Promise<StoredStory[]> {
    return this.run(async () => {
      const result = await this.pool.query<StoredStory>(`SELECT id, members, data FROM stories ORDER BY id`);
      return result.rows.map((r) => ({ id: r.id, members: r.members, data: r.data }));
    });
  }

  /** Nothing to merge: the bucket index is one table. */
  async compactIndex(): Promise<null> {
    return null;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  /** Runs `work` in one transaction on one pooled connection. */
  private async transaction(work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    await this.run(async () => {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        try {
          await work(client);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw err;
        }
      } finally {
        client.release();
      }
    });
  }

  /** Runs database work, turning PostgreSQL failures into StoreErrors naming the database. */
  private async run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await retryConflicts(work);
    } catch (err) {
      throw storeErrorFromPg(this.display, err);
    }
  }
}

/**
 * The bucket look-up as one statement: $1 keys (made distinct first so a repeated key is not
 * counted twice), $2 maxPostings, $3 minShared, $4 top, $5 true to skip common keys (else cut
 * them to their first articles); NULL $2 / $4 for no bound. A join on the keys, not
 * `key = ANY($1)`: each key then probes only the partition holding it (run-time pruning), where
 * ANY probes every partition with every key (~4x slower). Each key reads at most $2 + 1 rows
 * (LATERAL … LIMIT; LIMIT NULL is no limit), which is enough to tell a common key.
 */
const BUCKET_QUERY_SQL = `
  WITH k AS (SELECT DISTINCT key FROM unnest($1::bigint[]) AS u (key)),
       hits AS (
         SELECT k.key, p.article_id, count(*) OVER (PARTITION BY k.key) AS df,
                row_number() OVER (PARTITION BY k.key ORDER BY p.article_id) AS rank
           FROM k CROSS JOIN LATERAL (
             SELECT b.article_id FROM buckets b WHERE b.key = k.key ORDER BY b.article_id LIMIT $2::integer + 1) p)
  SELECT article_id AS id, count(*)::integer AS n FROM hits
   WHERE $2::integer IS NULL OR (CASE WHEN $5::boolean THEN df ELSE rank END) <= $2::integer
   GROUP BY article_id HAVING count(*) >= $3::integer
   ORDER BY n DESC, article_id LIMIT $4::integer`;
