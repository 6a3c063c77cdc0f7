/**
 * Turning a `postgres://` database spec into a connection pool, and PostgreSQL failures into
 * one-line StoreErrors that name the database (never its password).
 */
import pg from 'pg';
import { StoreError, UserError } from '../errors.js';

export interface PostgresStoreOptions {
  /** Open for reading only: nothing is created or migrated, and every write fails. */
  readonly?: boolean;
  /** Refuse an empty database (nothing ever added) instead of creating the schema (implied by readonly). */
  existing?: boolean;
  /** Most connections the pool opens; parallel callers beyond it wait for one. */
  poolSize?: number;
  /** How long to wait for the server to accept a connection, in milliseconds. */
  connectTimeoutMs?: number;
}

export const DEFAULT_POSTGRES_OPTIONS: Required<PostgresStoreOptions> = {
  readonly: false,
  existing: false,
  poolSize: 4,
  connectTimeoutMs: 10_000,
};

/** A spec taken apart: what pg connects with, which schema holds the tables, what to print. */
export interface PostgresTarget {
  connectionString: string;
  /** Schema (namespace) holding the storytrace tables: `?schema=` in the URL, else `public`. */
  schema: string;
  /** Server options (`-c name=value …`) from the URL's `options=`, to which ours are added. */
  serverOptions: string;
  /** The URL without its password, for messages. */
  display: string;
}

// Lower-case, unquoted-safe identifiers only: they go into search_path and DDL as they are.
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function parsePostgresSpec(spec: string): PostgresTarget {
  let url: URL;
  try {
    url = new URL(spec);
  } catch {
    throw new StoreError(`${redact(spec)}: not a valid PostgreSQL URL (postgres://user:password@host:port/database)`);
  }
  const schema = url.searchParams.get('schema') ?? 'public';
  const serverOptions = url.searchParams.get('options') ?? '';
  url.searchParams.delete('schema');
  url.searchParams.delete('options');
  const connectionString = url.toString();
  const shown = new URL(url.toString());
  shown.password = '';
  shown.searchParams.delete('password');
  if (schema !== 'public') shown.searchParams.set('schema', schema);
  const display = shown.toString();
  if (!SCHEMA_NAME.test(schema)) {
    throw new StoreError(`${display}: schema name "${schema}" must be lower-case letters, digits and _`);
  }
  return { connectionString, schema, serverOptions, display };
}

/** Hides a password in a spec that could not be parsed as a URL. */
function redact(spec: string): string {
  return spec.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
}

export function createPool(target: PostgresTarget, options: Required<PostgresStoreOptions>): pg.Pool {
  // Set per connection at startup, so every pooled client sees our tables first and, when
  // read-only, the server itself refuses writes.
  const flags = [`-c search_path=${target.schema}`];
  if (options.readonly) flags.push('-c default_transaction_read_only=on');
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    options: [target.serverOptions, ...flags].filter((s) => s !== '').join(' '),
    max: options.poolSize,
    connectionTimeoutMillis: options.connectTimeoutMs,
    application_name: 'storytrace',
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}

/** SQLSTATE classes and codes we explain; anything else is passed on unchanged. */
function explainSqlState(code: string, why: string): string | null {
  if (code === '23503') return 'refers to an article that is not stored';
  if (code === '25006') return `cannot write: the database was opened read-only (${why})`;
  if (code === '3D000') return `no such database (${why})`;
  if (code === '42501') return `permission denied (${why})`;
  if (code === '22021' || code === '22P05') return `text PostgreSQL cannot store, such as a NUL character (${why})`;
  if (code === '53100') return `disk full while writing (${why})`;
  if (code === '40001' || code === '40P01') return `the database is busy (another writer conflicted); try again (${why})`;
  if (code.startsWith('28')) return `cannot log in (${why})`;
  if (code.startsWith('08') || code.startsWith('57P') || code.startsWith('53')) return `server unavailable (${why})`;
  return null;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOENT']);

/** Maps PostgreSQL and connection failures to StoreErrors naming the database. */
export function storeErrorFromPg(display: string, err: unknown): unknown {
  if (err instanceof UserError || !(err instanceof Error)) return err;
  const code = (err as { code?: unknown }).code;
  const why = oneLine(err.message);
  if (err instanceof pg.DatabaseError && typeof code === 'string') {
    const explained = explainSqlState(code, why);
    return explained === null ? err : new StoreError(`${display}: ${explained}`);
  }
  if (typeof code === 'string' && NETWORK_CODES.has(code)) {
    return new StoreError(`${display}: cannot connect to the server (${why || code})`);
  }
  // pg's own wording for a connect timeout and a dropped connection.
  if (/timeout exceeded when trying to connect|Connection terminated/i.test(err.message)) {
    return new StoreError(`${display}: cannot connect to the server (${why})`);
  }
  return err;
}

function oneLine(message: string): string {
  return message.replace(/\s+/g, ' ').trim();
}
