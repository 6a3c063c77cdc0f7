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

/**
 * The work queue of `storytrace worker` (src/queue): one row per job, claimed with
 * `FOR UPDATE SKIP LOCKED`. A running job holds a lease (lease_until); when its worker dies the
 * lease runs out and another worker takes the job over. Finished jobs stay (for throughput in
 * `status`) until deleted. `workers` is where each worker process says it is alive.
 */
const JOB_QUEUE: readonly string[] = [
  `CREATE TABLE jobs (
     id           bigserial PRIMARY KEY,
     kind         text COLLATE "C" NOT NULL CHECK (kind IN ('ingest', 'analyze')),
     payload      json NOT NULL,
     state        text COLLATE "C" NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
     attempts     integer NOT NULL DEFAULT 0,
     max_attempts integer NOT NULL CHECK (max_attempts > 0),
     run_after    timestamptz NOT NULL DEFAULT now(),
     lease_until  timestamptz,
     worker       text,
     error        text,
     result       json,
     created_at   timestamptz NOT NULL DEFAULT now(),
     started_at   timestamptz,
     finished_at  timestamptz
   )`,
  // Claims scan only the live jobs, in id order; finished ones never slow them down.
  `CREATE INDEX jobs_live ON jobs (id) WHERE state IN ('queued', 'running')`,
  `CREATE INDEX jobs_live_by_kind ON jobs (kind, id) WHERE state IN ('queued', 'running')`,
  // Throughput in status: jobs finished in the last minute / hour.
  `CREATE INDEX jobs_finished ON jobs (finished_at) WHERE state = 'done'`,
  // At most one analyze job waits at a time: enqueueing another moves the waiting one behind
  // the newest ingest jobs instead of adding a second full analysis.
  `CREATE UNIQUE INDEX jobs_one_waiting_analyze ON jobs (kind) WHERE kind = 'analyze' AND state = 'queued'`,
  `CREATE TABLE workers (
     id         text COLLATE "C" PRIMARY KEY,
     host       text NOT NULL,
     pid        integer NOT NULL,
     started_at timestamptz NOT NULL DEFAULT now(),
     seen_at    timestamptz NOT NULL DEFAULT now(),
     jobs_done  bigint NOT NULL DEFAULT 0,
     stopped_at timestamptz
   )`,
];

/**
 * Integer bucket keys (src/fingerprint/keys.ts): bigint instead of text, ~3x smaller rows and
 * index. Old text keys can't be converted, so the fingerprints and index parameters go too
 * and `storytrace reindex` rebuilds them.
 */
const INTEGER_BUCKET_KEYS: readonly string[] = [
  `DROP TABLE buckets`,
  `CREATE TABLE buckets (
     key        bigint NOT NULL,
     article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
     PRIMARY KEY (key, article_id)
   ) PARTITION BY HASH (key)`,
  ...bucketPartitions(),
  `CREATE INDEX buckets_by_article ON buckets (article_id)`,
  `DELETE FROM fingerprints`,
  `DELETE FROM settings WHERE key = 'fingerprint.params'`,
];

export const PG_MIGRATIONS: readonly PgMigration[] = [
  { version: 1, description: 'initial schema', statements: INITIAL_SCHEMA },
  { version: 2, description: 'job queue and workers', statements: JOB_QUEUE },
  { version: 3, description: 'integer bucket keys', statements: INTEGER_BUCKET_KEYS },
];

/** The schema version this build writes and reads. */
export const PG_SCHEMA_VERSION = PG_MIGRATIONS.length;
