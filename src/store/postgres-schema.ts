/**
 * The PostgreSQL schema of a storytrace database, as a numbered list of migrations.
 *
 * It mirrors the SQLite schema (src/store/schema.ts) table for table, shaped for tens of
 * millions of articles and billions of bucket rows:
 * - ids, keys and dates use the "C" collation, so ordering is by code point exactly as in
 *   SQLite (and JavaScript for ASCII ids), whatever the database's locale, and so a plain btree
 *   index serves `id LIKE 'abcd%'` prefix lookups;
 * - JSON is `json`, not jsonb: it keeps the text exactly as written (key order, numbers), so
 *   both backends print the same JSON; blobs are bytea; story members are a text[] with a GIN
 *   index for the overlap test that replaces stories;
 * - buckets, the largest table by far, is hash-partitioned on its key so each partition (and
 *   its index) stays small enough to vacuum and cache, and a lookup touches one partition.
 *
 * To change the schema, append a migration; never edit one that has shipped. The version of a
 * database is the highest migration recorded in `schema_migrations`.
 */

export interface PgMigration {
  /** 1, 2, 3, … with no gaps; migration n takes a database from version n - 1 to n. */
  version: number;
  /** What the step does, recorded in schema_migrations. */
  description: string;
  /** SQL statements run in order, in one transaction with the others of the same upgrade. */
  statements: readonly string[];
}

/** Partitions of the buckets table. Fixed at creation: changing it means rewriting the table. */
export const BUCKET_PARTITIONS = 16;

/** Bookkeeping table, created before any migration runs. */
export const MIGRATIONS_TABLE_DDL = `CREATE TABLE IF NOT EXISTS schema_migrations (
   version     integer PRIMARY KEY,
   description text NOT NULL,
   applied_at  timestamptz NOT NULL DEFAULT now()
 )`;

function bucketPartitions(): string[] {
  return Array.from(
    { length: BUCKET_PARTITIONS },
    (_, i) => `CREATE TABLE buckets_p${i} PARTITION OF buckets FOR VALUES WITH (MODULUS ${BUCKET_PARTITIONS}, REMAINDER ${i})`,
  );
}

const INITIAL_SCHEMA: readonly string[] = [
  `CREATE TABLE settings (
     key   text COLLATE "C" PRIMARY KEY,
     value text NOT NULL
   )`,
  `CREATE TABLE articles (
     id           text COLLATE "C" PRIMARY KEY,
     content_hash text COLLATE "C" NOT NULL UNIQUE,
     source       text NOT NULL,
     title        text,
     outlet       text,
     author       text,
     published    text COLLATE "C",
     url          text,
     text         text NOT NULL,
     chars        integer NOT NULL,
     boilerplate  json NOT NULL,
     paragraphs   json NOT NULL,
     sentences    json NOT NULL,
     added_at     timestamptz NOT NULL DEFAULT now()
   )`,
  // Listing is ordered by (published NULLS LAST, id): this index serves it, and its pages.
  `CREATE INDEX articles_by_published ON articles (published, id)`,
  `CREATE TABLE fingerprints (
     article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
     kind       text COLLATE "C" NOT NULL,
     data       bytea NOT NULL,
     PRIMARY KEY (article_id, kind)
   )`,
  // The primary key (key, article_id) is the index candidate lookups probe, one per partition;
  // it also makes re-adding a key a no-op.
  `CREATE TABLE buckets (
     key        text COLLATE "C" NOT NULL,
     article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
     PRIMARY KEY (key, article_id)
   ) PARTITION BY HASH (key)`,
  ...bucketPartitions(),
  // Lets deleting an article (cascade) find its bucket rows without scanning every partition.
  `CREATE INDEX buckets_by_article ON buckets (article_id)`,
  `CREATE TABLE relations (
     a    text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
     b    text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
     json json NOT NULL,
     PRIMARY KEY (a, b),
     CHECK (a < b)
   )`,
  `CREATE INDEX relations_by_b ON relations (b)`,
  `CREATE TABLE stories (
     id      text COLLATE "C" PRIMARY KEY,
     members text[] NOT NULL,
     data    json NOT NULL
   )`,
  // Replacing stories deletes those sharing a member with the new ones (members && $1).
  `CREATE INDEX stories_by_member ON stories USING gin (members)`,
];

export const PG_MIGRATIONS: readonly PgMigration[] = [
  { version: 1, description: 'initial schema', statements: INITIAL_SCHEMA },
];

/** The schema version this build writes and reads. */
export const PG_SCHEMA_VERSION = PG_MIGRATIONS.length;
