export type { AddResult, ArticleSummary, ListOptions, Store, StoredStory } from './store.js';
export { openStore, type OpenStoreOptions } from './open.js';
export { SqliteStore, MIN_ID_PREFIX } from './sqlite.js';
export { SCHEMA_VERSION } from './schema.js';
