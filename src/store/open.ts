/**
 * Picks the backend from a database spec: a file path means SQLite (the default, embedded);
 * a `postgres://` or `postgresql://` URL means PostgreSQL (shared deployments).
 */
import { StoreError } from '../errors.js';
import { SqliteStore } from './sqlite.js';
import type { Store } from './store.js';

export interface OpenStoreOptions {
  /** Open for reading only: a missing database is an error, nothing is created or written. */
  readonly?: boolean;
  /**
   * Open for writing, but only a database that exists (a file, or a schema something was added
   * to): commands that work on stored articles refuse a mistyped path instead of creating it.
   */
  existing?: boolean;
}

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

export async function openStore(spec: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (spec.trim() === '') throw new StoreError('no database given (use --db <path> or STORYTRACE_DB)');
  if (POSTGRES_URL.test(spec)) {
    // Loaded only when asked for: the pg client is not needed for the embedded store.
    const { PostgresStore } = await import('./postgres.js');
    return PostgresStore.open(spec, { readonly: options.readonly === true, existing: options.existing === true });
  }
  return SqliteStore.open(spec, { readonly: options.readonly === true, existing: options.existing === true });
}
