/**
 * Picks the backend from a database spec: a file path means SQLite (the default, embedded);
 * a `postgres://` or `postgresql://` URL means PostgreSQL (not available yet).
 */
import { StoreError } from '../errors.js';
import { SqliteStore } from './sqlite.js';
import type { Store } from './store.js';

export interface OpenStoreOptions {
  /** Open for reading only: a missing database is an error, nothing is created or written. */
  readonly?: boolean;
}

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

export async function openStore(spec: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (spec.trim() === '') throw new StoreError('no database given (use --db <path> or STORYTRACE_DB)');
  if (POSTGRES_URL.test(spec)) throw new StoreError('PostgreSQL support is not available yet');
  return SqliteStore.open(spec, { readonly: options.readonly === true });
}
