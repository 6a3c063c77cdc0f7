/**
 * The per-document work of ingest that needs no store: cleaning, fingerprint, band keys and
 * name keys. Pure and synchronous, so workers run it and tests can call it directly.
 */
import { UserError } from '../errors.js';
import { encodeFingerprint, fingerprintText } from '../fingerprint/index.js';
import { fingerprintKeys } from '../fingerprint/candidates.js';
import { prepareArticle } from '../ingest/prepare.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import { mayBeInName, namedEntities } from '../relate/topic.js';
import { entityKeys } from '../engine/trace.js';
import { nameTokens } from '../text/tokenize.js';
import type { IndexParams } from '../fingerprint/params.js';
import type { BucketKey } from '../fingerprint/keys.js';
import type { Article, RawDocument } from '../types.js';
import type { PreparedDocument, RefusedDocument } from './protocol.js';

/**
 * Names only read each token's surface, normal form, stop flag and sentence, never its lemma
 * or synonym class; tokenising with this identity lexicon gives the same name keys as
 * articleEntityKeys() without loading WordNet or lemmatising every word (2–4× faster).
 */
export const NAME_ONLY_LEXICON: Lexicon = {
  lemma: (w) => w,
  canon: (l) => l,
  related: () => false,
  synonyms: () => [],
  isPhrase: () => false,
};

/**
 * The same keys as articleEntityKeys(engine, article), without the engine's lexicon and reading
 * only the words a name can hold (nameTokens).
 */
export function nameKeys(article: Article): BucketKey[] {
  return entityKeys(namedEntities(nameTokens(article.text, article.sentences, NAME_ONLY_LEXICON, mayBeInName)));
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
  const bandKeys = [...fingerprintKeys(fp, params).values()].flat();
  return { ok: true, article, fingerprint: encodeFingerprint(fp), bandKeys, entityKeys: nameKeys(article) };
}
