export type { AddResult, ArticleSummary, ListOptions, Store, StoredStory } from './store.js';
export { openStore, type OpenStoreOptions } from './open.js';
export { SqliteStore, MIN_ID_PREFIX } from './sqlite.js';
export { SCHEMA_VERSION } from './schema.js';
export { PostgresStore } from './postgres.js';
export { DEFAULT_POSTGRES_OPTIONS, type PostgresStoreOptions } from './postgres-connect.js';
export { PG_SCHEMA_VERSION } from './postgres-schema.js';
