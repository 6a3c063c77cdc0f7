/**
 * storytrace as a library. Stages export their entry points here as they land; everything
 * exported is plain data in and out, except the store (IO) and ingest (files).
 */
export * from './types.js';
export { UserError, InputError, StoreError, UsageError } from './errors.js';
export { VERSION } from './cli/version.js';

export type { Store, AddResult, ArticleSummary, ListOptions, StoredStory } from './store/store.js';
export { openStore, type OpenStoreOptions } from './store/open.js';
export { SqliteStore, MIN_ID_PREFIX } from './store/sqlite.js';
export { SCHEMA_VERSION } from './store/schema.js';

export { readInputs, prepareArticle, DEFAULT_INGEST_OPTIONS, type IngestOptions, type PrepareOptions } from './ingest/index.js';

export { createEngine, analyzeArticle, compareAnalyzed, compareArticles, DEFAULT_ENGINE_OPTIONS, type Engine, type EngineOptions } from './engine/engine.js';
export { analyzeCorpus, type CorpusAnalysis, type DocumentSummary } from './engine/corpus.js';
export { analyzeStore, loadAllArticles } from './engine/analyze-store.js';
export { traceArticle, DEFAULT_TRACE_OPTIONS, type TraceOptions } from './engine/trace.js';
export { ingestPaths, storeArticle, type IngestEvent } from './engine/ingest.js';
export { compareTexts, sameStoryScore, reuseScore } from './engine/texts.js';
export { alignTokens } from './align/align.js';
export { DEFAULT_ALIGN_OPTIONS, type AlignOptions } from './align/options.js';
export { DEFAULT_CLASSIFY_OPTIONS, type ClassifyOptions } from './relate/classify.js';
export { DEFAULT_INDEX_PARAMS, type IndexParams } from './fingerprint/params.js';
export { fingerprintText, compareFingerprints, type Fingerprint } from './fingerprint/index.js';
export { buildStories, type Story, type CreditCheck, type Addition } from './story/build.js';
export { toDot, type DerivationGraph } from './story/graph.js';
export { extractQuotes, type Quote } from './story/quotes.js';
export { matchQuotes, type QuoteGroup } from './story/quote-match.js';
export { findCredits, type Credit } from './story/credit.js';
export { loadLexicon } from './lexicon/load.js';
export { tokenize } from './text/tokenize.js';
