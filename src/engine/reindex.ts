/**
 * Rebuilding the candidate index of stored articles: every article without a fingerprint gets
 * its fingerprint, LSH band keys and name keys — after a schema upgrade dropped an older
 * index, or after a PostgreSQL add was interrupted between the article and its index rows.
 */
import type { Store } from '../store/store.js';
import { FINGERPRINT_KIND, StoreCandidateIndex } from '../fingerprint/candidates.js';
import type { IndexParams } from '../fingerprint/params.js';
import { ensureIndexParams } from '../parallel/write-batch.js';
import { indexArticle } from './ingest.js';

export interface ReindexProgress {
  seen: number;
  indexed: number;
}

/** Indexes every stored article that has no fingerprint; yields progress after each page. */
export async function* reindexStore(store: Store, params: IndexParams, pageSize = 500): AsyncGenerator<ReindexProgress> {
  await ensureIndexParams(store, params); // refuses a store indexed with other parameters
  const index = new StoreCandidateIndex(store, params);
  const progress: ReindexProgress = { seen: 0, indexed: 0 };
  for (let offset = 0; ; offset += pageSize) {
    const page = await store.listArticles({ limit: pageSize, offset });
    if (page.length === 0) return;
    for (const summary of page) {
      progress.seen++;
      if (await store.getFingerprint(summary.id, FINGERPRINT_KIND)) continue;
      const article = await store.getArticle(summary.id);
      if (!article) continue; // deleted meanwhile
      await indexArticle(store, index, params, article);
      progress.indexed++;
    }
    yield { ...progress };
  }
}
