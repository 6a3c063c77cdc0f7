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
