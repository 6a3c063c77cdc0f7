/**
 * The embedded store: one SQLite file (better-sqlite3, WAL). Statements are prepared once; every
 * write runs in one transaction, so a crash never leaves half an article or half a batch.
 * better-sqlite3 is synchronous; the methods are async only to share the Store interface with
 * networked backends.
 */
import type Database from 'better-sqlite3';
import { UserError } from '../errors.js';
import type { Article, PairRelation } from '../types.js';
import { openSqliteDatabase, storeErrorFrom, type SqliteOpenOptions } from './sqlite-open.js';
import type { AddResult, ArticleIndexEntries, ArticleSummary, ArticleToAdd, BucketKey, BucketKeyList, ListOptions, Store, StoredStory } from './store.js';
import type { EncodedArticle } from './encoded-article.js';
import { articleToRow, prepareStatements, rowToArticle, type ArticleRow } from './sqlite-rows.js';
import { SqliteBucketIndex, type BucketIndexOptions } from './sqlite-buckets.js';
import { checkBucketKeys } from './keys-check.js';
import { resolveBucketQuery, splitTop, type BucketQuery } from './bucket-query.js';
import { BackgroundCheckpointer, DEFAULT_CHECKPOINTER_OPTIONS, type CheckpointerOptions } from './sqlite-checkpointer.js';

export { FIRST_IDS_OF_DOCS_SQL, IDS_OF_DOCS_SQL } from './sqlite-rows.js';

const byId = (x: { id: string }, y: { id: string }): number => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/**
 * Whether finding the `need` smallest ids of `ties` documents (out of about `stored`) is
 * cheaper by walking the id index than by looking each tie up. Measured at a million articles
 * (bench/tie-walk.ts --statements), a walked entry costs 0.06–0.15 µs and a looked-up tie 4–14
 * µs, about fifty times more; the walk is taken when it is expected to read fewer than thirty
 * entries per tie, leaving a margin for pages the walk reads from disk.
 */
export function walkIsCheaper(ties: number, need: number, stored: number): boolean {
  return (need + 1) * stored < 30 * ties * ties;
}

/** Shortest id prefix `getArticle` resolves; shorter ones match too much to be meant. */
export const MIN_ID_PREFIX = 4;

/** Batches of at least this many articles mark a bulk add: checkpoints move to a worker. */
const BULK_BATCH = 64;

/** Options of SqliteStore.open beyond the file's own. */
export interface SqliteStoreOptions extends SqliteOpenOptions {
  /** Tuning of the bucket index's tail and run merges. */
  buckets?: Partial<BucketIndexOptions>;
  /** Tuning of the background WAL checkpoints of bulk adds (bench/checkpoint-interval.ts compares settings). */
  checkpointer?: Partial<CheckpointerOptions>;
}

export class SqliteStore implements Store {
  readonly backend = 'sqlite' as const;
  /** The file as the user named it, for messages. */
  readonly file: string;
  private readonly db: Database.Database;
  private readonly sql: ReturnType<typeof prepareStatements>;
  private readonly buckets: SqliteBucketIndex;
  /** Started by the first bulk batch of a file store (sqlite-checkpointer.ts), stopped by close(). */
  private checkpointer: BackgroundCheckpointer | null = null;
  private readonly checkpointerOptions: CheckpointerOptions;

  private constructor(file: string, db: Database.Database, options: SqliteStoreOptions) {
    this.file = file;
    this.db = db;
    this.sql = prepareStatements(db);
    this.buckets = new SqliteBucketIndex(db, options.buckets);
    this.checkpointerOptions = { ...DEFAULT_CHECKPOINTER_OPTIONS, ...options.checkpointer };
  }

  /** Opens or creates the database at `file` (`:memory:` for a throwaway one). */
  static async open(file: string, options: SqliteStoreOptions = {}): Promise<SqliteStore> {
    const db = openSqliteDatabase(file, options);
    try {
      return new SqliteStore(file, db, options);
    } catch (err) {
      db.close();
      throw storeErrorFrom(file, err);
    }
  }

  async addArticle(article: Article, index?: ArticleIndexEntries): Promise<AddResult> {
    return (await this.addArticles([{ article, index }]))[0];
  }

  async addArticles(items: readonly ArticleToAdd[]): Promise<AddResult[]> {
    for (const item of items) if (item.index) checkBucketKeys(item.index.bucketKeys);
    if (items.length >= BULK_BATCH && !this.checkpointer && this.file !== ':memory:') {
      this.checkpointer = this.run(() => new BackgroundCheckpointer(this.db, this.file, this.checkpointerOptions));
    }
    const results = this.run(() =>
      this.db.transaction((): AddResult[] => {
        const keys: Array<{ doc: number; keys: BucketKeyList }> = [];
        const results = items.map(({ article, index }) => this.insertOne(article, index, keys));
        this.buckets.addMany(keys);
        return results;
      }).immediate(),
    );
    this.run(() => this.buckets.maintain());
    if (this.checkpointer) this.run(() => this.checkpointer!.afterCommit());
    return results;
  }

  /** One article with its index entries; inside the caller's transaction. */
  private insertOne(article: Article | EncodedArticle, index: ArticleIndexEntries | undefined, keys: Array<{ doc: number; keys: BucketKeyList }>): AddResult {
    // Insert first and look the stored one up only when the content was there: a look-up
    // before every insert probed the content-hash index twice (18 s of a 1 M add).
    if (this.sql.insertArticle.run(articleToRow(article)).changes === 0) {
      return { id: article.id, status: 'duplicate', duplicateOf: this.sql.idByHash.get(article.contentHash) as string };
    }
    const doc = Number(this.sql.insertDoc.run(article.id).lastInsertRowid);
    if (index) keys.push({ doc, keys: index.bucketKeys });
    for (const f of index?.fingerprints ?? []) {
      this.sql.putFingerprint.run(article.id, f.kind, Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength));
    }
    return { id: article.id, status: 'added' };
  }

  async getArticle(idOrPrefix: string): Promise<Article | null> {
    return this.run(() => {
      const wanted = idOrPrefix.trim();
      const exact = this.sql.articleById.get(wanted) as ArticleRow | undefined;
      if (exact !== undefined) return rowToArticle(exact);
      if (wanted.length < MIN_ID_PREFIX) {
        throw new UserError('bad_id', `"${idOrPrefix}": give at least ${MIN_ID_PREFIX} characters of an article id`);
      }
      const ids = this.sql.idsByPrefix.all(wanted, wanted + '\uffff') as string[];
      if (ids.length > 1) {
        throw new UserError('ambiguous_id', `"${idOrPrefix}" matches several articles (${ids.join(', ')}, …); give more characters`);
      }
      if (ids.length === 0) return null;
      return rowToArticle(this.sql.articleById.get(ids[0]) as ArticleRow);
    });
  }

  async listArticles(options: ListOptions = {}): Promise<ArticleSummary[]> {
    const limit = options.limit ?? -1; // SQLite: a negative LIMIT means no limit
    const offset = options.offset ?? 0;
    return this.run(() => this.sql.list.all(limit, offset) as ArticleSummary[]);
  }

  async countArticles(): Promise<number> {
    return this.run(() => this.sql.count.get() as number);
  }

  async getSetting(key: string): Promise<string | null> {
    return this.run(() => (this.sql.getSetting.get(key) as string | undefined) ?? null);
  }

  async setSetting(key: string, value: string): Promise<void> {
    this.run(() => this.sql.putSetting.run(key, value));
  }

  async putFingerprint(articleId: string, kind: string, data: Uint8Array): Promise<void> {
    this.run(() => this.sql.putFingerprint.run(articleId, kind, Buffer.from(data.buffer, data.byteOffset, data.byteLength)));
  }

  async getFingerprint(articleId: string, kind: string): Promise<Uint8Array | null> {
    return this.run(() => {
      const data = this.sql.getFingerprint.get(articleId, kind) as Buffer | undefined;
      // A plain Uint8Array (not a Buffer) so callers see the same type from every backend.
      return data === undefined ? null : new Uint8Array(data);
    });
  }

  async addBucketKeys(articleId: string, keys: BucketKeyList): Promise<void> {
    checkBucketKeys(keys);
    this.run(() =>
      this.db.transaction(() => {
        const doc = this.sql.docOf.get(articleId) as number | undefined;
        if (doc === undefined) throw new UserError('not_stored', `${this.file}: refers to an article that is not stored`);
        this.buckets.add(doc, keys);
      }).immediate(),
    );
    this.run(() => this.buckets.maintain());
  }

  async findByBucketKeys(keys: readonly BucketKey[], query: Partial<BucketQuery> = {}): Promise<Map<string, number>> {
    checkBucketKeys(keys);
    const q = resolveBucketQuery(query);
    return this.run(() => {
      const counts = this.buckets.find(keys, q.maxPostings, q.common);
      const { sure, ties, need } = splitTop(counts, q);
      const rows = [...this.idsOf(sure), ...this.firstIdsOf(ties, need)].sort(byId);
      return new Map(rows.map((r) => [r.id, counts.get(r.doc)!]));
    });
  }

  private idsOf(docs: readonly number[]): Array<{ doc: number; id: string }> {
    return docs.length === 0 ? [] : (this.sql.idsOfDocs.all(JSON.stringify(docs)) as Array<{ doc: number; id: string }>);
  }

  /**
   * The `need` documents of `docs` with the smallest ids, in id order: the ties at a look-up's
   * top-k cut. Looking each one up costs 4–14 µs, and a million-article store can have
   * thousands of ties (documents sharing one common key). Ids are hashes, spread evenly over the
   * id index, so walking it in order meets the need-th of them after about
   * (need + 1) × documents / ties entries, at about a fiftieth of a look-up each; the walk is
   * taken when it is expected to cost less (walkIsCheaper). Both give the same rows: SQLite
   * orders ids by their UTF-8 bytes and byId by UTF-16 units, which agree except between
   * characters beyond U+FFFF and those from U+E000, and storytrace's ids are hex. The store
   * contract's tie test meets both paths.
   */
  private firstIdsOf(docs: readonly number[], need: number): Array<{ doc: number; id: string }> {
    if (docs.length === 0 || need <= 0) return [];
    const stored = (this.sql.lastDoc.get() as number | null) ?? 0;
    if (walkIsCheaper(docs.length, need, stored)) {
      return this.sql.firstIdsOfDocs.all(JSON.stringify(docs), need) as Array<{ doc: number; id: string }>;
    }
    return this.idsOf(docs).sort(byId).slice(0, need);
  }

  /** Tables of the bucket index and their rows (tail first), for reports and tests. */
  bucketLayout(): Array<{ name: string; level: number; rows: number }> {
    return this.run(() => this.buckets.layout());
  }

  /** Index blocks the look-ups of this connection have read from the file (benchmarks). */
  get bucketBlocksRead(): number {
    return this.buckets.blocksRead;
  }

  async putRelations(relations: readonly PairRelation[]): Promise<void> {
    this.run(() =>
      this.db.transaction(() => {
        for (const r of relations) {
          // One row per unordered pair; the relation itself is kept as given (flipping it would
          // mean rewriting direction, shares and offsets).
          const [a, b] = r.a < r.b ? [r.a, r.b] : [r.b, r.a];
          if (a === b) throw new UserError('bad_relation', `a relation needs two different articles (${a})`);
          this.sql.putRelation.run(a, b, JSON.stringify(r));
        }
      })(),
    );
  }

  async getRelations(articleId?: string): Promise<PairRelation[]> {
    return this.run(() => {
      const rows = (articleId === undefined
        ? this.sql.allRelations.all()
        : this.sql.relationsOf.all(articleId, articleId)) as string[];
      return rows.map((json) => JSON.parse(json) as PairRelation);
    });
  }

  async putStories(stories: readonly StoredStory[]): Promise<void> {
    this.run(() =>
      this.db.transaction(() => {
        // Stories are replaced whole: any stored story sharing an id or a member with a new one
        // goes. One pass over the stored stories, not one scan per new story.
        const ids = new Set(stories.map((s) => s.id));
        const members = new Set(stories.flatMap((s) => s.members));
        const stored = this.sql.storyMembers.all() as { id: string; members: string }[];
        for (const old of stored) {
          if (ids.has(old.id) || (JSON.parse(old.members) as string[]).some((m) => members.has(m))) this.sql.deleteStory.run(old.id);
        }
        for (const s of stories) this.sql.insertStory.run(s.id, JSON.stringify(s.members), JSON.stringify(s.data ?? null));
      })(),
    );
  }

  async getStories(): Promise<StoredStory[]> {
    return this.run(() => {
      const rows = this.sql.allStories.all() as { id: string; members: string; data: string }[];
      return rows.map((r) => ({ id: r.id, members: JSON.parse(r.members) as string[], data: JSON.parse(r.data) }));
    });
  }

  async compactIndex(): Promise<{ before: number; after: number }> {
    return this.run(() => this.buckets.compact());
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    const checkpointer = this.checkpointer;
    this.checkpointer = null;
    await checkpointer?.stop();
    if (!this.db.readonly && this.file !== ':memory:') {
      // Leave the file in rollback-journal mode when idle, so a later read-only open (list,
      // show) does not have to create -wal/-shm files beside it. Fails harmlessly while
      // another connection is open; WAL is switched on again at the next writable open.
      try {
        this.db.pragma('busy_timeout = 0'); // don't wait for other connections to go
        this.db.pragma('journal_mode = DELETE');
      } catch {
        // another process has the database open: keep WAL
      }
    }
    this.db.close();
  }

  /** Runs one database call, turning SQLite failures into StoreErrors that name the file. */
  private run<T>(work: () => T): T {
    try {
      return work();
    } catch (err) {
      throw storeErrorFrom(this.file, err);
    }
  }
}
