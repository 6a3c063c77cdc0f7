/**
 * Writing prepared documents to the store, many per transaction. The Store interface has no
 * batch method yet, so on SQLite this opens one transaction around a batch of ordinary store
 * calls (each call's own transaction becomes a savepoint inside it): one commit per batch
 * instead of four per article. Other backends write call by call.
 */
import type { Store } from '../store/store.js';
import { PARAMS_SETTING, FINGERPRINT_KIND } from '../fingerprint/candidates.js';
import { assertCompatible, paramsKey, parseParamsKey, type IndexParams } from '../fingerprint/params.js';
import type { IngestEvent } from '../engine/ingest.js';
import type { PreparedDocument, RefusedDocument } from './protocol.js';

interface SqliteHandle {
  exec(sql: string): unknown;
  pragma(sql: string, options?: { simple: boolean }): unknown;
  inTransaction: boolean;
}

/** The better-sqlite3 handle of a SqliteStore (a private field: see the report's request for Store.batch). */
function sqliteHandle(store: Store): SqliteHandle | null {
  if (store.backend !== 'sqlite') return null;
  const db = (store as unknown as { db?: SqliteHandle }).db;
  return db && typeof db.exec === 'function' ? db : null;
}

/** Runs `work` inside one write transaction when the backend allows it. */
export async function inWriteBatch<T>(store: Store, work: () => Promise<T>): Promise<T> {
  const db = sqliteHandle(store);
  if (!db || db.inTransaction) return work();
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = await work();
    db.exec('COMMIT');
    return result;
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}

/**
 * Runs a bulk load with a large SQLite page cache on this connection (then restores it). The
 * LSH bucket index takes ~200 rows per article at random places in a B-tree; with the default
 * 2 MB cache nearly every insert misses and rewrites a page.
 */
export async function* withBulkCache<T>(store: Store, cacheMB: number, work: AsyncGenerator<T>): AsyncGenerator<T> {
  const db = sqliteHandle(store);
  const before = db ? db.pragma('cache_size', { simple: true }) : null;
  if (db) db.pragma(`cache_size = -${Math.round(cacheMB * 1024)}`);
  try {
    yield* work;
  } finally {
    if (db && before !== null) db.pragma(`cache_size = ${Number(before)}`);
  }
}

/** Records the index parameters on first use; refuses a store indexed with other ones. */
export async function ensureIndexParams(store: Store, params: IndexParams): Promise<void> {
  const key = paramsKey(params);
  const stored = await store.getSetting(PARAMS_SETTING);
  if (stored === null) await store.setSetting(PARAMS_SETTING, key);
  else if (stored !== key) assertCompatible(parseParamsKey(stored), params);
}

/** Stores one prepared document exactly as storeArticle() does, from the worker's data. */
export async function writePrepared(store: Store, doc: PreparedDocument | RefusedDocument): Promise<IngestEvent> {
  if (!doc.ok) return { kind: 'error', source: doc.source, message: doc.internal ? `internal error: ${doc.message}` : doc.message };
  const { article } = doc;
  const result = await store.addArticle(article);
  if (result.status === 'duplicate') {
    return { kind: 'duplicate', id: result.id, source: article.source, duplicateOf: result.duplicateOf ?? result.id };
  }
  await store.putFingerprint(result.id, FINGERPRINT_KIND, doc.fingerprint);
  await store.addBucketKeys(result.id, doc.bandKeys);
  await store.addBucketKeys(result.id, doc.entityKeys);
  return { kind: 'added', id: result.id, source: article.source, title: article.title };
}
