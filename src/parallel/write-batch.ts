/**
 * Writing prepared documents to the store: one `addArticles` call per batch, each article
 * with its fingerprint, LSH band keys and name keys, so the backend writes a batch in as few
 * transactions as it can and a crash never leaves an article stored but unfindable.
 */
import type { Store } from '../store/store.js';
import { PARAMS_SETTING, FINGERPRINT_KIND } from '../fingerprint/candidates.js';
import { assertCompatible, paramsKey, parseParamsKey, type IndexParams } from '../fingerprint/params.js';
import type { IngestEvent } from '../engine/ingest.js';
import type { PreparedDocument, RefusedDocument } from './protocol.js';

/** Records the index parameters on first use; refuses a store indexed with other ones. */
export async function ensureIndexParams(store: Store, params: IndexParams): Promise<void> {
  const key = paramsKey(params);
  const stored = await store.getSetting(PARAMS_SETTING);
  if (stored === null) await store.setSetting(PARAMS_SETTING, key);
  else if (stored !== key) assertCompatible(parseParamsKey(stored), params);
}

/** Stores a batch exactly as storeArticle() would store each, from the workers' data, in order. */
export async function writePreparedBatch(store: Store, docs: ReadonlyArray<PreparedDocument | RefusedDocument>): Promise<IngestEvent[]> {
  const accepted = docs.filter((d): d is PreparedDocument => d.ok);
  const results = await store.addArticles(
    accepted.map((d) => ({
      article: d.article,
      index: { fingerprints: [{ kind: FINGERPRINT_KIND, data: d.fingerprint }], bucketKeys: d.bucketKeys },
    })),
  );
  let next = 0;
  return docs.map((doc): IngestEvent => {
    if (!doc.ok) return { kind: 'error', source: doc.source, message: doc.internal ? `internal error: ${doc.message}` : doc.message };
    const { article } = doc;
    const result = results[next++];
    if (result.status === 'duplicate') {
      return { kind: 'duplicate', id: result.id, source: article.source, duplicateOf: result.duplicateOf ?? result.id };
    }
    return { kind: 'added', id: result.id, source: article.source, title: article.title };
  });
}
