import { InputError, UserError } from '../errors.js';
import { prepareArticle, readInputs, type IngestOptions } from '../ingest/index.js';
import { fingerprintText } from '../fingerprint/index.js';
import { FINGERPRINT_KIND, StoreCandidateIndex } from '../fingerprint/candidates.js';
import type { Engine } from './engine.js';
import type { IndexParams } from '../fingerprint/params.js';
// Name keys without the lexicon: the same keys as articleEntityKeys (tested), without lemmatising.
import { nameKeys } from '../parallel/prepare-doc.js';
import type { Store } from '../store/store.js';
import type { Article, RawDocument } from '../types.js';

/** What happened to one input. */
export type IngestEvent =
  | { kind: 'added'; id: string; source: string; title: string | null }
  | { kind: 'duplicate'; id: string; source: string; duplicateOf: string }
  | { kind: 'error'; source: string; message: string };

/**
 * Stores one prepared article and indexes its fingerprint, so later articles find it as a
 * candidate without comparing all pairs. A duplicate (same normalised text) is not stored again.
 */
export async function storeArticle(store: Store, index: StoreCandidateIndex, engine: Engine, article: Article): Promise<IngestEvent> {
  // Article, name keys, LSH buckets and fingerprint in one transaction (SQLite): a crash
  // never leaves it stored but unfindable.
  const fp = await index.entries(fingerprintText(article.text, article.sentences, engine.options.index));
  const result = await store.addArticle(article, {
    fingerprints: [{ kind: fp.kind, data: fp.data }],
    bucketKeys: [...nameKeys(article), ...fp.bucketKeys],
  });
  if (result.status === 'duplicate') {
    const id = result.duplicateOf ?? result.id;
    // A run killed between storing and indexing left an article without its index entries:
    // the next run that meets it again finishes the work.
    if (!(await store.getFingerprint(id, FINGERPRINT_KIND))) await indexArticle(store, index, engine.options.index, { ...article, id });
    return { kind: 'duplicate', id: result.id, source: article.source, duplicateOf: id };
  }
  return { kind: 'added', id: result.id, source: article.source, title: article.title };
}

/**
 * Indexes a stored article: name keys first, the fingerprint last (a stored fingerprint marks
 * the article as fully indexed). Used to finish an interrupted add and by `storytrace reindex`.
 */
export async function indexArticle(store: Store, index: StoreCandidateIndex, params: IndexParams, article: Article): Promise<void> {
  await store.addBucketKeys(article.id, nameKeys(article));
  await index.add(article.id, fingerprintText(article.text, article.sentences, params));
}

/** Reads inputs, prepares and stores each; bad inputs become error events and the rest go on. */
export async function* ingestPaths(
  store: Store,
  paths: string[],
  engine: Engine,
  options: Partial<IngestOptions> = {},
): AsyncGenerator<IngestEvent> {
  const index = new StoreCandidateIndex(store, engine.options.index);
  for await (const item of readInputs(paths, options)) {
    if (item instanceof InputError) {
      yield { kind: 'error', source: item.file, message: item.message };
      continue;
    }
    let article: Article;
    try {
      article = prepareArticle(item as RawDocument);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      yield { kind: 'error', source: item.source, message: err.message };
      continue;
    }
    yield await storeArticle(store, index, engine, article);
  }
}
