/**
 * The per-document work of ingest that needs no store: cleaning, fingerprint, band keys and
 * name keys. Pure and synchronous, so workers run it and tests can call it directly.
 */
import { UserError } from '../errors.js';
import { encodeFingerprint, fingerprintText } from '../fingerprint/index.js';
import { allBandKeys } from '../fingerprint/candidates.js';
import { prepareArticle } from '../ingest/prepare.js';
import { namedEntitiesOfText } from '../relate/topic.js';
import { entityKeys } from '../engine/trace.js';
import type { IndexParams } from '../fingerprint/params.js';
import type { BucketKey } from '../fingerprint/keys.js';
import { encodeArticle } from '../store/encoded-article.js';
import type { Article, RawDocument } from '../types.js';
import type { PreparedDocument, RefusedDocument } from './protocol.js';

/**
 * The same keys as articleEntityKeys(engine, article), without the engine's lexicon and reading
 * only the words a name can hold (namedEntitiesOfText).
 */
export function nameKeys(article: Article): BucketKey[] {
  return entityKeys(namedEntitiesOfText(article.text, article.sentences));
}

/** Prepares one raw document for storing; bad input becomes a RefusedDocument. */
export function prepareDocument(raw: RawDocument, params: IndexParams): PreparedDocument | RefusedDocument {
  let article: Article;
  try {
    article = prepareArticle(raw);
  } catch (err) {
    const internal = !(err instanceof UserError);
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, source: raw.source, message, internal };
  }
  const fp = fingerprintText(article.text, article.sentences, params);
  const bucketKeys = Float64Array.from([...nameKeys(article), ...allBandKeys(fp, params)]);
  return { ok: true, article: encodeArticle(article), fingerprint: encodeFingerprint(fp), bucketKeys };
}
