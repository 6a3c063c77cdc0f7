import type { Article, PairRelation } from '../types.js';
import type { BucketKey } from '../fingerprint/keys.js';
import type { BucketQuery } from './bucket-query.js';
import type { EncodedArticle } from './encoded-article.js';

export type { BucketKey };

/** Bucket keys as an array, or packed in a Float64Array (what ingest's workers send). */
export type BucketKeyList = readonly BucketKey[] | Float64Array;

/**
 * The one storage interface. SQLite (embedded, default) implements it now; PostgreSQL
 * (shared deployments) later. Every method is async so a networked backend fits; every write
 * is atomic (a crash never leaves half an article). Backends pass the same contract tests
 * (`runStoreContract` in src/store/contract.ts).
 */
export interface Store {
  readonly backend: 'sqlite' | 'postgres';

  /**
   * Stores an article unless one with the same contentHash exists; says which happened. With
   * `index`, its fingerprints and bucket keys are written in the same transaction, so a crash
   * never leaves an article stored but unfindable (backends that can't, write them right after).
   */
  addArticle(article: Article, index?: ArticleIndexEntries): Promise<AddResult>;
  /**
   * addArticle for many articles at once, in input order, with the same guarantees per
   * article; backends write them in as few transactions as they can (bulk ingest).
   */
  addArticles(items: readonly ArticleToAdd[]): Promise<AddResult[]>;
  /** By full id, or by a unique id prefix of at least 4 characters. */
  getArticle(idOrPrefix: string): Promise<Article | null>;
  listArticles(options?: ListOptions): Promise<ArticleSummary[]>;
  countArticles(): Promise<number>;

  /** Small key/value settings (index parameters, schema facts). */
  getSetting(key: string): Promise<string | null>;
  setSetting(key: string, value: string): Promise<void>;

  /** Fingerprint blobs of an article by kind ("minhash", "spinhash", …). Replaces same kind. */
  putFingerprint(articleId: string, kind: string, data: Uint8Array): Promise<void>;
  getFingerprint(articleId: string, kind: string): Promise<Uint8Array | null>;
  /** LSH bucket keys of an article (one per band and fingerprint kind). */
  addBucketKeys(articleId: string, keys: BucketKeyList): Promise<void>;
  /**
   * Articles sharing any of these bucket keys, with how many distinct keys each shares, in id
   * order; `query` bounds the work (src/store/bucket-query.ts).
   */
  findByBucketKeys(keys: readonly BucketKey[], query?: Partial<BucketQuery>): Promise<Map<string, number>>;

  /** Upserts relations (one row per unordered pair; a is the smaller id). */
  putRelations(relations: readonly PairRelation[]): Promise<void>;
  /** Relations touching one article, or all when no id is given. */
  getRelations(articleId?: string): Promise<PairRelation[]>;

  /** Stories are computed data: replaced whole for the articles they cover. */
  putStories(stories: readonly StoredStory[]): Promise<void>;
  getStories(): Promise<StoredStory[]>;

  /**
   * Merges the candidate index into as few parts as it can, so that a look-up reads fewer of
   * them; returns the parts before and after, or null when the backend's index has no parts
   * to merge (PostgreSQL: one table and its B-tree).
   */
  compactIndex(): Promise<{ before: number; after: number } | null>;

  close(): Promise<void>;
}

/** What candidate search keeps about an article, written with it by addArticle. */
export interface ArticleIndexEntries {
  fingerprints: ReadonlyArray<{ kind: string; data: Uint8Array }>;
  /** Integer keys (src/fingerprint/keys.ts): LSH bands and names. */
  bucketKeys: BucketKeyList;
}

/** One article of a bulk addArticles call. */
export interface ArticleToAdd {
  /** Either form; getArticle gives it back as a plain Article. */
  article: Article | EncodedArticle;
  index?: ArticleIndexEntries;
}

export interface AddResult {
  id: string;
  status: 'added' | 'duplicate';
  /** For a duplicate: the stored article it duplicates. */
  duplicateOf?: string;
}

export interface ListOptions {
  limit?: number;
  offset?: number;
}

export interface ArticleSummary {
  id: string;
  source: string;
  title: string | null;
  outlet: string | null;
  author: string | null;
  published: string | null;
  chars: number;
}

/** A story as stored: its id, members and a JSON-able payload built by src/story. */
export interface StoredStory {
  id: string;
  members: string[];
  data: unknown;
}
