/**
 * The SQLite schema of a storytrace database, and its version.
 *
 * The schema is kept close to portable SQL so the PostgreSQL backend can mirror it table for
 * table: TEXT ids, JSON kept as TEXT (jsonb there), BLOB (bytea there), no rowid tricks.
 * Bump SCHEMA_VERSION and add a migration step to MIGRATIONS when a table changes.
 */

/** The schema this build writes and reads. */
export const SCHEMA_VERSION = 4;

/** SQLite `application_id` marking a file as a storytrace database ("STRC"). */
export const APPLICATION_ID = 0x53545243;

/** Settings rows that describe the database itself. */
export const SETTING_SCHEMA_VERSION = 'schema_version';
export const SETTING_CREATED_AT = 'created_at';

/** Tables of schema version 1, in creation order (foreign keys point backwards). */
export const SCHEMA_V1: readonly string[] = [
  `CREATE TABLE settings (
     key   TEXT PRIMARY KEY,
     value TEXT NOT NULL
   )`,
  `CREATE TABLE articles (
     id           TEXT PRIMARY KEY,
     content_hash TEXT NOT NULL UNIQUE,
     source       TEXT NOT NULL,
     title        TEXT,
     outlet       TEXT,
     author       TEXT,
     published    TEXT,
     url          TEXT,
     text         TEXT NOT NULL,
     chars        INTEGER NOT NULL,
     boilerplate  TEXT NOT NULL,
     paragraphs   TEXT NOT NULL,
     sentences    TEXT NOT NULL,
     added_at     TEXT NOT NULL
   )`,
  // Listing is ordered by (published, id); this index serves it without a sort.
  `CREATE INDEX articles_by_published ON articles (published, id)`,
  `CREATE TABLE fingerprints (
     article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
     kind       TEXT NOT NULL,
     data       BLOB NOT NULL,
     PRIMARY KEY (article_id, kind)
   )`,
  // The primary key (key, article_id) is the index candidate lookups use.
  `CREATE TABLE buckets (
     key        TEXT NOT NULL,
     article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
     PRIMARY KEY (key, article_id)
   ) WITHOUT ROWID`,
  `CREATE INDEX buckets_by_article ON buckets (article_id)`,
  `CREATE TABLE relations (
     a    TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
     b    TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
     json TEXT NOT NULL,
     PRIMARY KEY (a, b),
     CHECK (a < b)
   )`,
  `CREATE INDEX relations_by_b ON relations (b)`,
  `CREATE TABLE stories (
     id      TEXT PRIMARY KEY,
     members TEXT NOT NULL,
     data    TEXT NOT NULL
   )`,
];

/**
 * Steps from one schema version to the next: MIGRATIONS[n] takes a database from version n to
 * n + 1. A new database runs SCHEMA_V1 and then every step, so new and upgraded files match.
 */
export const MIGRATIONS: Readonly<Record<number, readonly string[]>> = {
  // 2: integer bucket keys on small integer document numbers, kept as a log-structured index
  // (a small B-tree `buckets` that new keys go to, flushed into sorted, read-only run tables;
  // see src/store/sqlite-buckets.ts). Random inserts into one big B-tree of ~200 rows per
  // article cost 15–30 µs a row at 100k articles. The old text keys can't be converted: the
  // fingerprints and index parameters go with them and `storytrace reindex` rebuilds both.
  1: [
    `DROP INDEX buckets_by_article`,
    `DROP TABLE buckets`,
    `CREATE TABLE article_docs (
       doc INTEGER PRIMARY KEY,
       id  TEXT NOT NULL UNIQUE REFERENCES articles (id) ON DELETE CASCADE
     )`,
    `INSERT INTO article_docs (id) SELECT id FROM articles ORDER BY rowid`,
    `CREATE TABLE buckets (
       key INTEGER NOT NULL,
       doc INTEGER NOT NULL,
       PRIMARY KEY (key, doc)
     ) WITHOUT ROWID`,
    `CREATE TABLE bucket_runs (
       name  TEXT PRIMARY KEY,
       level INTEGER NOT NULL,
       rows  INTEGER NOT NULL
     )`,
    `DELETE FROM fingerprints`,
    `DELETE FROM settings WHERE key = 'fingerprint.params'`,
  ],
  // 3: the bucket index keeps an article's keys as one tail row (a blob) and its runs as
  // blocks of sorted pairs with a directory (src/store/sqlite-buckets.ts): one B-tree row per
  // pair made the tail inserts and run merges most of a large ingest. The old tail and runs
  // are converted by MIGRATION_CODE[2] (src/store/sqlite-open.ts), which drops `buckets`.
  2: [
    `CREATE TABLE bucket_tail (
       seq  INTEGER PRIMARY KEY AUTOINCREMENT,
       doc  INTEGER NOT NULL,
       keys BLOB NOT NULL
     )`,
    `ALTER TABLE bucket_runs ADD COLUMN directory BLOB`,
  ],
  // 4: a filter per bucket run (src/store/bucket-filter.ts) says which keys a run cannot hold,
  // so a look-up skips their blocks. `filter` names its format (NULL: none); the bits are stored
  // in parts. Runs of older stores have none until the next add builds them (sqlite-buckets.ts).
  3: [
    `ALTER TABLE bucket_runs ADD COLUMN filter TEXT`,
    `CREATE TABLE bucket_filters (
       run  TEXT NOT NULL,
       part INTEGER NOT NULL,
       bits BLOB NOT NULL,
       PRIMARY KEY (run, part)
     )`,
  ],
};
