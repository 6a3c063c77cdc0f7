/** Options of `storytrace serve`: one interface, one default object, merged once in startServer. */
export interface ServerOptions {
  /** Database spec (SQLite path or postgres:// URL), as for every command. */
  db: string;
  /** TCP port; 0 picks a free one (tests). */
  port: number;
  /** Interface to bind. Loopback by default: the API has no authentication. */
  host: string;
  /** Largest request body accepted, in bytes (413 above). */
  maxBodyBytes: number;
  /** Longest text (characters) one analysis call accepts: bounds the CPU time of a request. */
  maxTextChars: number;
  /** Analysis calls (trace, compare, analyze) running or waiting at once; more get 503. */
  maxPendingAnalyses: number;
  /** A request (headers and body) must arrive within this many milliseconds. */
  requestTimeoutMs: number;
  /** Folder of the built web UI; null: the default build output (dist/web). */
  webRoot: string | null;
  /** Threads one trace uses (the request's own included): 0 = one per core, 1 = no worker threads. */
  traceThreads: number;
  /** Load the analysis modules and lexicon this long after start, so the first trace is quick; null: on first use. */
  warmUpAfterMs: number | null;
}

export const DEFAULT_SERVER_OPTIONS: ServerOptions = {
  db: 'storytrace.db',
  port: 8080,
  host: '127.0.0.1',
  maxBodyBytes: 5 * 1024 * 1024,
  maxTextChars: 1_000_000,
  maxPendingAnalyses: 4,
  requestTimeoutMs: 30_000,
  webRoot: null,
  traceThreads: 0,
  warmUpAfterMs: 1500,
};
